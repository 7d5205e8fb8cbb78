import Foundation
import Testing

/// Issue 15: `readiness --plan` validates a plan file as strictly as a scenario.
@Suite struct PlanInputTests {
    static let scenario = CLIRunner.root.appendingPathComponent("scenarios/linfen-2022.yaml").path

    static func basePlan() throws -> (URL, String) {
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("out")
        let result = try CLIRunner.run(["plan", scenario, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        return (dir, try String(contentsOf: out.appendingPathComponent("plan.json"), encoding: .utf8))
    }

    @Test func basePlanBreaksTheBudgetCutVariant() throws {
        let (dir, _) = try Self.basePlan()
        let plan = dir.appendingPathComponent("out/plan.json").path
        let ok = try CLIRunner.run(["readiness", Self.scenario, "--plan", plan])
        #expect(ok.status == 0, "\(ok.stderr)")
        let cut = try CLIRunner.run(["readiness", Self.scenario, "--variant", "budget-cut", "--plan", plan])
        #expect(cut.status == 2)
        #expect(cut.stderr.contains("plan.json:"), "\(cut.stderr)")
        #expect(cut.stderr.contains("§3.9 budget"), "\(cut.stderr)")
        #expect(cut.stdout.isEmpty)
    }

    @Test func editedPlansAreRejectedWithTheRule() throws {
        let (dir, text) = try Self.basePlan()
        let cases: [(String, String, String)] = [
            ("\"start\": \"2022-06\"", "\"start\": \"9999-01\"", "begins no period of the horizon"),
            ("\"units\": 2", "\"units\": -2", "reports -2 units"),
            (
                "\"status\": \"optimal\",", "\"status\": \"optimal\",\n  \"status\": \"optimal\",",
                "appears more than once"
            ),
        ]
        for (index, (from, to, expected)) in cases.enumerated() {
            guard let range = text.range(of: from) else {
                Issue.record("plan.json has no \(from)")
                continue
            }
            let file = dir.appendingPathComponent("edited-\(index).json")
            try Data(text.replacingCharacters(in: range, with: to).utf8).write(to: file)
            let result = try CLIRunner.run(["readiness", Self.scenario, "--plan", file.path])
            #expect(result.status == 2, "\(to): \(result.stdout)")
            #expect(result.stderr.contains(expected), "\(to): \(result.stderr)")
            #expect(result.stderr.hasPrefix(file.path + ":"), "\(result.stderr)")
        }
    }

    @Test func oversizedPlanIsRejectedBeforeReading() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let file = dir.appendingPathComponent("huge.json")
        FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 65 * 1024 * 1024)  // sparse: no disk used
        try handle.close()
        let started = Date()
        let result = try CLIRunner.run(["readiness", Self.scenario, "--plan", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("at most 67108864 bytes"), "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 10)
    }
}
