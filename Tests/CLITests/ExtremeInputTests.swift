import Foundation
import Testing

/// Issue 11: valid-looking but extreme numbers end in a located exit 2 in every command, never in a
/// trap (exit 132) or an internal error (exit 1).
@Suite struct ExtremeInputTests {
    static let extremes = [
        "build_months: 9000000000000000000",
        "annual_tax: 1.0e308",
        "investment: 1.0e300",
        "jobs: 1.0e300",
    ]

    @Test(arguments: extremes) func everyCommandRejectsWithALocation(extra: String) throws {
        let text = """
            parkplan: 1
            park: {name: P}
            horizon: {start: 2024-01, months: 12}
            power: [{id: S1, capacity_mw: 40}]
            plots: [{id: P1, area_m2: 100000, power: S1}]
            projects:
              - {id: a, land_m2: 5000, power_mw: 1, \(extra)}
            """
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parkplan-extreme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("park.yaml")
        try Data(text.utf8).write(to: file)
        let commands = [
            ["check", file.path], ["plan", file.path, "--out", dir.appendingPathComponent("out").path],
            ["readiness", file.path], ["compare", file.path, "--out", dir.appendingPathComponent("cmp").path],
            ["export-model", file.path, "--format", "lp", "--out", dir.appendingPathComponent("m.lp").path],
        ]
        for args in commands {
            let result = try CLIRunner.run(args)
            #expect(result.status == 2, "\(args[0]) \(extra): exit \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("park.yaml:7:"), "\(args[0]): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }
}
