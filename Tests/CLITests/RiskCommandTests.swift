import Foundation
import Testing

/// `parkplan risk --capacity-questions` end to end (issue 14 item 4).
@Suite struct RiskCommandTests {
    static let scenario = CLIRunner.root.appendingPathComponent("scenarios/linfen-2022.yaml").path

    @Test func capacityQuestionsWriteTheirTableInBothLanguages() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("risk")
        let args = ["risk", Self.scenario, "--capacity-questions", "--samples", "200", "--time-limit", "5"]
        let en = try CLIRunner.run(args + ["--out", out.path])
        #expect(en.status == 0, "\(en.stderr)")
        #expect(en.stdout.contains("How many more letters of intent"), "\(en.stdout)")
        #expect(en.stdout.contains("can take"))
        let csv = try String(contentsOf: out.appendingPathComponent("risk_capacity.csv"), encoding: .utf8)
        let lines = csv.split(whereSeparator: \.isNewline)
        #expect(lines.first?.hasSuffix("expansions_too_late") == true)
        // One row per node and kind some candidate draws on: Linfen's S1, S2, W1 (sewage, COD), WS1.
        #expect(lines.count == 6, "\(csv)")
        let zh = try CLIRunner.run(args + ["--out", dir.appendingPathComponent("zh").path, "--lang", "zh"])
        #expect(zh.status == 0, "\(zh.stderr)")
        #expect(zh.stdout.contains("还可承接"), "\(zh.stdout)")
        let zhPage = try String(contentsOf: dir.appendingPathComponent("zh/risk.html"), encoding: .utf8)
        #expect(zhPage.contains("签约需求与容量") && zhPage.contains("<html lang=\"zh-CN\">"))
        let page = try String(contentsOf: out.appendingPathComponent("risk.html"), encoding: .utf8)
        // A fan chart per node and kind with demand (S1, S2, W1 sewage and COD, WS1), and the questions.
        #expect(page.components(separatedBy: "<svg class=\"chart fan\"").count - 1 == 5)
        #expect(page.contains("How many more letters of intent each node can take"))
        let again = try CLIRunner.run(args + ["--out", dir.appendingPathComponent("again").path])
        #expect(again.status == 0)
        for name in ["risk_capacity.csv", "risk.html"] {
            #expect(
                try Data(contentsOf: dir.appendingPathComponent("again/\(name)"))
                    == Data(contentsOf: out.appendingPathComponent(name)), "\(name)")
        }
    }

    @Test func aThresholdOutsideZeroToOneIsBadInput() throws {
        for bad in ["1.5", "0", "-0.1", "nan"] {
            let result = try CLIRunner.run(["risk", Self.scenario, "--capacity-questions", "--threshold", bad])
            #expect(result.status == 2, "\(bad): \(result.stdout)")
            #expect(result.stderr.contains("--threshold"), "\(bad): \(result.stderr)")
        }
    }
}
