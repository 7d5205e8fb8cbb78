import Foundation
import Testing

/// `plan` writes report.html, sites.geojson and plan.xlsx next to plan.json.
@Suite struct ReportFilesTests {
    @Test func planWritesTheReportsForPeople() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("parkplan-reports-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try CLIRunner.run(
            ["plan", "scenarios/linfen-2022.yaml", "--out", out.path, "--lang", "zh", "--time-limit", "30"],
            timeout: 180)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("report.html"))
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<html lang=\"zh-CN\">"))
        #expect(html.components(separatedBy: "<svg class=\"chart utility\"").count - 1 == 5)
        #expect(html.contains("<polygon class=\"cat-committed\""))  // A-01 holds the committed PV plant
        let geo =
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("sites.geojson")))
            as? [String: Any]
        let features = geo?["features"] as? [[String: Any]] ?? []
        #expect(features.count == 13)  // 6 plots + 7 buildings
        #expect((geo?["parkplan"] as? [String: Any])?["coordinates"] as? String == "wgs84")
        let xlsx = try Data(contentsOf: out.appendingPathComponent("plan.xlsx"))
        #expect(xlsx.prefix(2) == Data("PK".utf8))
    }
}
