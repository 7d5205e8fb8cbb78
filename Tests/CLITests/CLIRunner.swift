import Foundation
import TestSupport

/// Runs the built `parkplan` binary (next to the test bundle) and captures its output.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `parkplan` executable in the same build products folder as this test bundle.
    static var binary: URL {
        let argv0 = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = argv0.deletingLastPathComponent()
        // On Linux the runner is <products>/parkplanPackageTests.xctest; on macOS it sits inside a bundle.
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("parkplan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/parkplan")
    }

    /// Repository root (for `scenarios/`).
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// Runs `parkplan args…` in `directory`, with a timeout after which the process is killed.
    static func run(
        _ args: [String], in directory: URL? = nil, timeout: TimeInterval = 60,
        environment: [String: String] = [:], standardOutputPath: String? = nil
    ) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        for (k, v) in environment { env[k] = v }
        let handle = standardOutputPath.flatMap { FileHandle(forWritingAtPath: $0) }
        let result = try ProcessRunner.run(
            binary, args, directory: directory ?? root, environment: env, timeout: timeout, standardOutput: handle)
        return Result(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parkplan-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
