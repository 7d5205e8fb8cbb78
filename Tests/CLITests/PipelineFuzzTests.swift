import Foundation
import Testing

/// A short slice of the end-to-end fuzzer (scripts/fuzz-pipeline.py, `make fuzz-pipeline` runs it
/// for ten minutes): random valid-but-extreme scenarios through every command; only exits 0/2/3/4,
/// no overrun, no partial output, every plan verified. Skipped when python3 is missing.
@Suite struct PipelineFuzzTests {
    @Test func aSliceOfThePipelineFuzzer() throws {
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard let python else { return }
        let script = CLIRunner.root.appendingPathComponent("scripts/fuzz-pipeline.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        // Debug builds are several times slower than release ones: 20 s of slack on every allowed
        // wall time, and the shapes that are quick in a debug build (the long chains, wide fans and
        // 1,200-month horizons run in `make fuzz-pipeline` on the release build).
        process.arguments = [
            script, "--binary", CLIRunner.binary.path, "--cases", "6", "--seed", "3",
            "--time-limit", "2", "--slack", "20",
            "--shapes", "plain,huge,tiny,empty,pinned,quarterly",
        ]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("6 scenarios"), "\(text)")
    }
}
