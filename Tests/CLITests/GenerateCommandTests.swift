import Foundation
import Testing

@Suite struct GenerateCommandTests {
    @Test func writesAScenarioThatChecks() throws {
        let result = try CLIRunner.run(["generate", "--projects", "12", "--seed", "7"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("parkplan: 1\n"))
        let directory = try CLIRunner.temporaryDirectory()
        let file = directory.appendingPathComponent("generated.yaml")
        try Data(result.stdout.utf8).write(to: file)
        let check = try CLIRunner.run(["check", file.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func sameSeedSameOutputOtherSeedDiffers() throws {
        let a = try CLIRunner.run(["generate", "--projects", "8", "--seed", "3", "--step", "3"])
        let b = try CLIRunner.run(["generate", "--projects", "8", "--seed", "3", "--step", "3"])
        let c = try CLIRunner.run(["generate", "--projects", "8", "--seed", "4", "--step", "3"])
        #expect(a.status == 0 && b.status == 0 && c.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout != c.stdout)
        #expect(a.stdout.contains("step_months: 3"))
    }

    @Test func outWritesTheFileAndNothingToStdout() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let file = directory.appendingPathComponent("sub/g.json")
        let result = try CLIRunner.run([
            "generate", "--projects", "5", "--seed", "1", "--format", "json", "--out", file.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let data = try Data(contentsOf: file)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["parkplan"] as? Int == 1)
        #expect((object?["projects"] as? [Any])?.count == 5)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        #expect(leftovers == ["g.json"])
        let check = try CLIRunner.run(["check", file.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func infeasibleScenarioPlansAsInfeasible() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let file = directory.appendingPathComponent("bad.yaml")
        let made = try CLIRunner.run(["generate", "--projects", "6", "--seed", "2", "--infeasible", "--out", file.path])
        #expect(made.status == 0, "\(made.stderr)")
        let plan = try CLIRunner.run(
            [
                "plan", file.path, "--out", directory.appendingPathComponent("out").path,
                "--time-limit", "30",
            ], timeout: 120)
        #expect(plan.status == 3, "\(plan.stdout)\(plan.stderr)")
    }

    @Test func harderParksStillPlanAndInfeasibleStaysInfeasible() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let harder = [
            "--projects", "14", "--seed", "5", "--committed", "0.4", "--utility-headroom", "0", "--chain-length", "4",
        ]
        for (name, extra, status) in [("tight.yaml", [String](), Int32(0)), ("short.yaml", ["--infeasible"], 3)] {
            let file = directory.appendingPathComponent(name)
            let made = try CLIRunner.run(["generate", "--out", file.path] + harder + extra)
            #expect(made.status == 0, "\(made.stderr)")
            let yaml = try String(contentsOf: file, encoding: .utf8)
            #expect(yaml.contains("S01-T4") != extra.contains("--infeasible"))
            let plan = try CLIRunner.run(
                [
                    "plan", file.path, "--out", directory.appendingPathComponent("out-\(name)").path,
                    "--time-limit", "30",
                ], timeout: 120)
            #expect(plan.status == status, "\(name): \(plan.stdout)\(plan.stderr)")
        }
    }

    @Test func defaultHeadroomAndNoChainLengthChangeNoByte() throws {
        let plain = try CLIRunner.run(["generate", "--projects", "30", "--seed", "9"])
        let explicit = try CLIRunner.run(["generate", "--projects", "30", "--seed", "9", "--utility-headroom", "1"])
        let tighter = try CLIRunner.run(["generate", "--projects", "30", "--seed", "9", "--utility-headroom", "0.3"])
        #expect(plain.status == 0 && explicit.status == 0 && tighter.status == 0)
        #expect(plain.stdout == explicit.stdout)
        #expect(plain.stdout != tighter.stdout)
    }

    @Test(arguments: [
        ["generate", "--seed", "1"],
        ["generate", "--projects", "5", "--seed", "1", "--utility-headroom=-0.5"],
        ["generate", "--projects", "5", "--seed", "1", "--utility-headroom", "11"],
        ["generate", "--projects", "5", "--seed", "1", "--utility-headroom", "nan"],
        ["generate", "--projects", "5", "--seed", "1", "--chain-length", "0"],
        ["generate", "--projects", "5", "--seed", "1", "--chain-length", "9"],
        ["generate", "--projects", "0", "--seed", "1"],
        ["generate", "--projects", "5", "--seed", "1", "--step", "0"],
        ["generate", "--projects", "5", "--seed", "1", "--format", "xml"],
        ["generate", "--projects", "5", "--seed", "-1"],
        ["generate", "--projects", "5", "--seed", "1", "--committed", "0.8", "--existing", "0.5"],
    ])
    func badOptionsAreUsageErrors(arguments: [String]) throws {
        let result = try CLIRunner.run(arguments)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// Issue 15: `generate` never writes what `check` rejects.
    @Test func tooLargeOrTooLateIsRefusedAndWritesNothing() throws {
        let directory = try CLIRunner.temporaryDirectory()
        for args in [["--projects", "3000"], ["--projects", "4", "--start", "9999-01"], ["--projects", "6000"]] {
            let file = directory.appendingPathComponent("g.yaml")
            let result = try CLIRunner.run(["generate", "--seed", "1", "--out", file.path] + args, timeout: 120)
            #expect(result.status == 2, "\(args): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: file.path))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
