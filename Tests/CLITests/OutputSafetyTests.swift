import Foundation
import Testing

/// Issue 15: no command destroys anything where its output goes, or leaves half a set behind.
@Suite struct OutputSafetyTests {
    static let scenario = CLIRunner.root.appendingPathComponent("scenarios/linfen-2022.yaml").path

    /// A folder holding one file of the user's, and the listing of both.
    static func userFolder(in directory: URL, name: String = "mine") throws -> URL {
        let folder = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("keep me\n".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        return folder
    }

    static func listing(_ url: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    static func expectKept(_ folder: URL) throws {
        #expect(try listing(folder) == ["notes.txt"])
        #expect(try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep me\n")
    }

    @Test(arguments: ["lp", "mps"]) func exportModelOntoAFolderIsRefused(format: String) throws {
        let directory = try CLIRunner.temporaryDirectory()
        let folder = try Self.userFolder(in: directory)
        let result = try CLIRunner.run(["export-model", Self.scenario, "--format", format, "--out", folder.path])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("is a folder"))
        try Self.expectKept(folder)
        #expect(try Self.listing(directory) == ["mine"])
    }

    @Test func exportModelOutDotIsRefused() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let folder = try Self.userFolder(in: directory)
        for out in [".", "./", "..", "sub/"] {
            let result = try CLIRunner.run(["export-model", Self.scenario, "--format", "lp", "--out", out], in: folder)
            #expect(result.status == 2, "\(out): \(result.stderr)")
            try Self.expectKept(folder)
        }
        #expect(try Self.listing(directory) == ["mine"])
    }

    @Test func generateOntoAFolderIsRefused() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let folder = try Self.userFolder(in: directory)
        for out in [folder.path, "."] {
            let result = try CLIRunner.run(["generate", "--projects", "3", "--seed", "1", "--out", out], in: folder)
            #expect(result.status == 2, "\(out): \(result.stderr)")
            try Self.expectKept(folder)
        }
    }

    @Test func planWhoseOutputNameIsAFolderChangesNothing() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let out = directory.appendingPathComponent("out")
        let first = try CLIRunner.run(["plan", Self.scenario, "--out", out.path, "--set", "park.name=First"])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Self.listing(out)
        try FileManager.default.removeItem(at: out.appendingPathComponent("report.md"))
        let blocker = try Self.userFolder(in: out, name: "report.md")
        let second = try CLIRunner.run(["plan", Self.scenario, "--out", out.path, "--set", "park.name=Second"])
        #expect(second.status == 2, "\(second.stderr)")
        #expect(second.stderr.contains("report.md is a folder"))
        try Self.expectKept(blocker)
        #expect(try Self.listing(out) == before)
        let plan = try String(contentsOf: out.appendingPathComponent("plan.json"), encoding: .utf8)
        #expect(plan.contains("First") && !plan.contains("Second"))
        #expect(try Self.listing(directory) == ["out"])
    }

    @Test func planOrCompareOntoAFileIsRefused() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let file = directory.appendingPathComponent("taken")
        try Data("mine\n".utf8).write(to: file)
        for command in ["plan", "compare"] {
            let result = try CLIRunner.run([command, Self.scenario, "--out", file.path, "--time-limit", "5"])
            #expect(result.status == 2, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("not a folder"))
            #expect(try String(contentsOf: file, encoding: .utf8) == "mine\n")
        }
        #expect(try Self.listing(directory) == ["taken"])
    }

    @Test func planIntoAUsedFolderKeepsTheUsersFilesAndNoTemporaries() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let out = try Self.userFolder(in: directory, name: "out")
        for round in 0..<2 {
            let result = try CLIRunner.run(["plan", Self.scenario, "--out", out.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                try Self.listing(out) == [
                    "expansions.csv", "notes.txt", "placements.csv", "plan.json", "plan.xlsx",
                    "readiness.csv", "report.html", "report.md", "sites.geojson",
                    "utilization.csv",
                ], "round \(round)")
        }
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent("sub"), withIntermediateDirectories: false)
        let third = try CLIRunner.run(["plan", Self.scenario, "--out", out.path])
        #expect(third.status == 0, "\(third.stderr)")
        #expect(try Self.listing(out).contains("sub"))
        #expect(try String(contentsOf: out.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep me\n")
        #expect(try Self.listing(directory) == ["out"])
    }

    @Test func concurrentRunsIntoOneFolderLeaveOneWholeSet() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let out = directory.appendingPathComponent("out")
        let names = ["RunA", "RunB", "RunC"]
        let results = ResultsBox()
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            let result = try? CLIRunner.run([
                "plan", Self.scenario, "--out", out.path, "--set", "park.name=\(names[index])",
            ])
            results.append(result?.status ?? -1)
        }
        #expect(results.values == [0, 0, 0])
        let plan = try String(contentsOf: out.appendingPathComponent("plan.json"), encoding: .utf8)
        let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        let winners = names.filter { plan.contains($0) }
        #expect(winners.count == 1)
        #expect(winners.allSatisfy { report.contains($0) })
        #expect(try Self.listing(directory) == ["out"])
        #expect(try Self.listing(out).count == 9)
    }

    @Test func killedRunsLeaveTheOldSetOrTheNewOneNeverAMix() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let out = directory.appendingPathComponent("out")
        let first = try CLIRunner.run(["plan", Self.scenario, "--out", out.path, "--set", "park.name=Run0"])
        #expect(first.status == 0, "\(first.stderr)")
        for round in 1...8 {
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.arguments = ["plan", Self.scenario, "--out", out.path, "--set", "park.name=Run\(round)"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(150_000 * round))  // from before the solve to around the writing
            process.terminate()
            process.waitUntilExit()
            #expect(try Self.listing(directory) == ["out"], "round \(round)")
            #expect(try Self.listing(out).count == 9, "round \(round)")
            let plan = try String(contentsOf: out.appendingPathComponent("plan.json"), encoding: .utf8)
            let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
            let names = (0...round).map { "Run\($0)\"" }.filter { plan.contains($0) }
            #expect(names.count == 1, "round \(round)")
            #expect(names.allSatisfy { report.contains(String($0.dropLast())) }, "round \(round)")
        }
    }

    @Test func stdoutWriteFailureIsExit1WithASentence() throws {
        for args in [
            ["export-model", Self.scenario, "--format", "lp"], ["check", Self.scenario],
            ["generate", "--projects", "3", "--seed", "1"],
        ] {
            let result = try CLIRunner.run(args, standardOutputPath: "/dev/full")
            #expect(result.status == 1, "\(args[0]): \(result.stderr)")
            #expect(result.stderr.contains("cannot write to standard output"))
        }
    }

    @Test func unwritableTMPDIRDoesNotMatter() throws {
        let result = try CLIRunner.run(
            ["export-model", Self.scenario, "--format", "mps"],
            environment: ["TMPDIR": "/nonexistent-parkplan-tmp"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("* NOTE"))
        #expect(result.stdout.contains("ENDATA"))
    }

    @Test func exportToAFileMatchesStandardOutput() throws {
        let directory = try CLIRunner.temporaryDirectory()
        for format in ["lp", "mps"] {
            let file = directory.appendingPathComponent("model.\(format)")
            let toFile = try CLIRunner.run(["export-model", Self.scenario, "--format", format, "--out", file.path])
            let toStdout = try CLIRunner.run(["export-model", Self.scenario, "--format", format])
            #expect(toFile.status == 0 && toStdout.status == 0)
            #expect(try String(contentsOf: file, encoding: .utf8) == toStdout.stdout)
        }
        #expect(try Self.listing(directory) == ["model.lp", "model.mps"])
    }
}

final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var statuses: [Int32] = []
    func append(_ status: Int32) { lock.lock(); statuses.append(status); lock.unlock() }
    var values: [Int32] { lock.lock(); defer { lock.unlock() }; return statuses }
}

/// A full disk, simulated with a small tmpfs (needs root; skipped when mounting fails).
@Suite(.serialized) struct FullDiskTests {
    static func mountSmall(_ folder: URL, kilobytes: Int) -> Bool {
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", folder.path]
        mount.standardError = FileHandle.nullDevice
        guard (try? mount.run()) != nil else { return false }
        mount.waitUntilExit()
        return mount.terminationStatus == 0
    }

    static func unmount(_ folder: URL) {
        let umount = Process()
        umount.executableURL = URL(fileURLWithPath: "/bin/umount")
        umount.arguments = [folder.path]
        try? umount.run()
        umount.waitUntilExit()
    }

    @Test func fullDiskLeavesThePreviousSetAndNoTemporaries() throws {
        let folder = try CLIRunner.temporaryDirectory()
        guard Self.mountSmall(folder, kilobytes: 2_000) else { return }
        defer { Self.unmount(folder) }
        let out = folder.appendingPathComponent("out")
        let first = try CLIRunner.run(["plan", OutputSafetyTests.scenario, "--out", out.path, "--set", "park.name=OLD"])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try OutputSafetyTests.listing(out)
        // Leave about 40 KB free: less than a new output set needs, more than nothing.
        let free =
            (try FileManager.default.attributesOfFileSystem(forPath: folder.path)[.systemFreeSize] as? NSNumber)?
            .intValue ?? 0
        try Data(count: max(0, free - 40 * 1024)).write(to: folder.appendingPathComponent("filler"))
        for command in [
            ["plan", OutputSafetyTests.scenario, "--out", out.path, "--set", "park.name=NEW"],
            [
                "export-model", OutputSafetyTests.scenario, "--format", "mps", "--out",
                out.appendingPathComponent("plan.json").path,
            ],
            ["generate", "--projects", "200", "--seed", "1", "--out", out.appendingPathComponent("report.md").path],
        ] {
            let result = try CLIRunner.run(command)
            #expect(result.status == 2, "\(command[0]): \(result.stderr)")
            #expect(result.stderr.contains("No space left on device"), "\(result.stderr)")
            #expect(try OutputSafetyTests.listing(folder) == ["filler", "out"])
            #expect(try OutputSafetyTests.listing(out) == before)
            let plan = try String(contentsOf: out.appendingPathComponent("plan.json"), encoding: .utf8)
            let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
            #expect(plan.contains("OLD") && report.contains("OLD"))
        }
    }
}
