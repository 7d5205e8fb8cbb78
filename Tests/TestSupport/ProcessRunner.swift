import Foundation

/// Runs a program for a test and captures what it prints: the one process runner of the test
/// suites (the CLI tests run `parkplan`, the report tests Chromium and python3).
public enum ProcessRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `executable args…` in `directory` with `environment` (nil: inherited); kills it after
    /// `timeout` seconds. Standard input is empty; standard output goes to `standardOutput` when
    /// given (then `stdout` is empty).
    public static func run(
        _ executable: URL, _ args: [String], directory: URL? = nil, environment: [String: String]? = nil,
        timeout: TimeInterval, standardOutput: FileHandle? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = args
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        if let standardOutput {
            process.standardOutput = standardOutput
            try? out.fileHandleForWriting.close()
        } else {
            process.standardOutput = out
        }
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = Captured(), errData = Captured()
        let group = DispatchGroup()
        for (pipe, sink) in [(out, outData), (err, errData)] {
            group.enter()
            DispatchQueue.global().async {
                sink.set(pipe.fileHandleForReading.readDataToEndOfFile())
                group.leave()
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        group.wait()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData.get(), as: UTF8.self),
            stderr: String(decoding: errData.get(), as: UTF8.self))
    }

    /// Bytes written by a reading thread, read once it has finished.
    final class Captured: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func set(_ d: Data) { lock.withLock { data = d } }
        func get() -> Data { lock.withLock { data } }
    }
}
