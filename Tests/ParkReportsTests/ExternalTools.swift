import Foundation

/// Helpers for tests that use tools outside Swift when they are installed (Chromium, python3 with openpyxl).
enum ExternalTools {
    /// Runs `executable args…`; returns (status, stdout, stderr), killing the process after `timeout` seconds.
    static func run(
        _ executable: String, _ args: [String], timeout: TimeInterval = 120
    ) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = args
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outBox = Box(), errBox = Box()
        let group = DispatchGroup()
        for (pipe, box) in [(out, outBox), (err, errBox)] {
            group.enter()
            DispatchQueue.global().async {
                box.set(pipe.fileHandleForReading.readDataToEndOfFile())
                group.leave()
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        group.wait()
        return (
            process.terminationStatus, String(decoding: outBox.get(), as: UTF8.self),
            String(decoding: errBox.get(), as: UTF8.self)
        )
    }

    final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
        func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
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
