import Foundation
import Testing

/// contract §6: bad input exits with 2, prints `FILE:LINE:COLUMN: …`, and writes nothing.
@Suite struct BadInputTests {
    static let fixtures = "Tests/ParkModelTests/Fixtures/bad"

    /// (fixture, expected `FILE:LINE:` prefix line number, phrase)
    static let cases: [(String, Int, String)] = [
        ("not-a-number.yaml", 12, "expected a number, found \"abc\""),
        ("unknown-key.yaml", 7, "did you mean 'reserve'?"),
        ("requires-cycle.yaml", 15, "forms a cycle"),
        ("duplicate-key.yaml", 5, "duplicate key 'budget'"),
        ("latin1.yaml", 2, "not valid UTF-8"),
        ("binary.bin", 2, "NUL byte"),
        ("deep-nesting.yaml", 4, "nested more than 64 levels"),
        ("empty.yaml", 1, "empty"),
        ("variant-bad-path.yaml", 18, "no item with id 'p9'"),
    ]

    @Test(arguments: 0..<cases.count)
    func checkRejectsBadFile(_ index: Int) throws {
        let (file, line, phrase) = Self.cases[index]
        let path = "\(Self.fixtures)/\(file)"
        let result = try CLIRunner.run(["check", path], timeout: 30)
        #expect(result.status == 2, "\(file): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(path):\(line):"), "\(file): \(result.stderr)")
        #expect(result.stderr.contains(phrase), "\(file): \(result.stderr)")
    }

    @Test(arguments: 0..<cases.count)
    func planRejectsBadFileAndWritesNothing(_ index: Int) throws {
        let (file, line, _) = Self.cases[index]
        let path = "\(Self.fixtures)/\(file)"
        let out = try CLIRunner.temporaryDirectory().appendingPathComponent("out")
        let result = try CLIRunner.run(["plan", path, "--out", out.path], timeout: 30)
        #expect(result.status == 2, "\(file): \(result.stderr)")
        #expect(result.stderr.contains("\(path):\(line):"), "\(file): \(result.stderr)")
        let written = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        #expect(written.isEmpty, "\(file) wrote \(written)")
    }

    @Test func badSetOptionIsLocatedOnTheCommandLine() throws {
        let path = "Tests/ParkModelTests/Fixtures/good/full.yaml"
        let out = try CLIRunner.temporaryDirectory().appendingPathComponent("out")
        let result = try CLIRunner.run(["plan", path, "--set", "projects.pv-modules.power_mw=abc", "--out", out.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("<command line>:1:"))
        #expect(result.stderr.contains("(in --set projects.pv-modules.power_mw=abc)"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func coldWithoutMarginalsIsRejected() throws {
        let scenario = CLIRunner.root.appendingPathComponent("scenarios/linfen-2022.yaml").path
        let result = try CLIRunner.run(["plan", scenario, "--cold"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--cold: applies to the --marginals probes only"), "\(result.stderr)")
    }

    @Test func unknownVariantIsRejected() throws {
        let path = "Tests/ParkModelTests/Fixtures/good/full.yaml"
        let result = try CLIRunner.run([
            "plan", path, "--variant", "no-such", "--out",
            try CLIRunner.temporaryDirectory().path,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("known variants: pv-needs-40mw, sewage-late"))
    }

    @Test func missingFileIsBadInput() throws {
        let result = try CLIRunner.run(["check", "no/such/file.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no/such/file.yaml:1:1: no such file"))
    }

    @Test func oversizedFileIsRejectedQuickly() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let big = dir.appendingPathComponent("big.yaml")
        FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 20 * 1024 * 1024)
        try handle.close()
        let result = try CLIRunner.run(["check", big.path], timeout: 30)
        #expect(result.status == 2)
        #expect(result.stderr.contains("16 MiB"))
    }
}
