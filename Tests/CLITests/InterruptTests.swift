import Foundation
import Testing

/// Issue 11: an interrupted run (SIGTERM, like Ctrl-C) writes the best plan so far, verified and
/// marked `"interrupted": true`; a second signal stops at once without a half-written folder.
@Suite(.serialized) struct InterruptTests {
    /// A park large enough that the search is still running after a few seconds.
    static func park(in directory: URL) throws -> String {
        let path = directory.appendingPathComponent("park.yaml").path
        let generated = try CLIRunner.run(["generate", "--projects", "120", "--seed", "4", "--out", path])
        #expect(generated.status == 0, "\(generated.stderr)")
        return path
    }

    static func start(_ args: [String]) throws -> Process {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = args
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = env
        try process.run()
        return process
    }

    @Test func aSignalEndsTheRunWithTheBestPlanSoFar() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let park = try Self.park(in: directory)
        let out = directory.appendingPathComponent("out")
        let process = try Self.start(["plan", park, "--time-limit", "120", "--out", out.path])
        sleep(4)
        let signalled = Date()
        process.terminate()  // SIGTERM
        process.waitUntilExit()
        #expect(Date().timeIntervalSince(signalled) < 30, "the run should end soon after the signal")
        #expect(process.terminationStatus == 0)
        let plan = try String(contentsOf: out.appendingPathComponent("plan.json"), encoding: .utf8)
        #expect(plan.contains("\"interrupted\": true"))
        let verified = try CLIRunner.run(["readiness", park, "--plan", out.appendingPathComponent("plan.json").path])
        #expect(verified.status == 0, "the interrupted plan must verify: \(verified.stderr)")
    }

    @Test func aSecondSignalStopsAtOnceWithoutAHalfWrittenFolder() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let park = try Self.park(in: directory)
        let out = directory.appendingPathComponent("out")
        let process = try Self.start(["plan", park, "--time-limit", "120", "--out", out.path])
        sleep(3)
        process.terminate()
        usleep(20_000)
        process.terminate()
        process.waitUntilExit()
        #expect([0, 130].contains(process.terminationStatus), "\(process.terminationStatus)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        #expect(names.isEmpty || names.contains("plan.json"), "\(names)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
