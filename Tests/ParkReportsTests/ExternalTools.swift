import Foundation
import TestSupport

/// Helpers for tests that use tools outside Swift when they are installed (Chromium, python3 with openpyxl).
enum ExternalTools {
    /// Runs `executable args…`; returns (status, stdout, stderr), killing the process after `timeout` seconds.
    static func run(
        _ executable: String, _ args: [String], timeout: TimeInterval = 120
    ) throws -> (Int32, String, String) {
        let result = try ProcessRunner.run(URL(fileURLWithPath: executable), args, timeout: timeout)
        return (result.status, result.stdout, result.stderr)
    }

    /// The first executable of `names` found in PATH or /usr/bin.
    static func find(_ names: [String]) -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/bin:/usr/local/bin"
        for name in names {
            for dir in path.split(separator: ":") {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// A python3 that can `import openpyxl`, or nil.
    static let pythonWithOpenpyxl: String? = {
        for candidate in ["/usr/bin/python3", find(["python3"])].compactMap({ $0 }) {
            if let r = try? run(candidate, ["-c", "import openpyxl"], timeout: 30), r.0 == 0 { return candidate }
        }
        return nil
    }()

    /// Folder for files a human may look at after the tests (`.build/test-output/<name>`).
    static func outputFolder(_ name: String) throws -> URL {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let dir = root.appendingPathComponent(".build/test-output/\(name)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
