import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Standard output and error written with write(2), so a failed write is seen: a command whose
/// output cannot be written (a full disk, `> /dev/full`) ends with exit 1 and a sentence on
/// standard error instead of crashing or exiting 0.
enum StandardStreams {
    /// Writes `text` to standard output; exit 1 when it cannot be written.
    static func write(_ text: String) throws {
        guard writeAll(Data(visible(text).utf8), to: STDOUT_FILENO) else {
            let reason = FileSystem.reason()
            throw fail(.internalError, "cannot write to standard output: \(reason)")
        }
    }

    /// Copies the file at `path` to standard output; exit 1 when it cannot be written.
    static func copy(_ path: String) throws {
        guard let input = fopen(path, "r") else {
            throw OutputError(.failure, "\(path): cannot read: \(FileSystem.reason())")
        }
        defer { fclose(input) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = fread(&buffer, 1, buffer.count, input)
            if count == 0 { break }
            guard writeAll(Data(buffer[0..<count]), to: STDOUT_FILENO) else {
                throw OutputError(.failure, "cannot write to standard output: \(FileSystem.reason())")
            }
        }
    }

    /// Writes `text` to standard error (control characters made visible unless `raw`); failures
    /// are ignored (there is nowhere left to report them).
    static func writeError(_ text: String, raw: Bool = false) {
        _ = writeAll(Data((raw ? text : visible(text)).utf8), to: STDERR_FILENO)
    }

    /// `text` with control characters other than line feed and tab shown as `\u{1B}`, so an id
    /// holding ESC, BEL, CR or NUL cannot drive the terminal.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isHidden($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isHidden(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\n" && scalar != "\t" && scalar.properties.generalCategory == .control
    }

    private static func writeAll(_ data: Data, to fd: Int32) -> Bool {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Bool in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }
}

/// Maps an output error to its exit: 2 for usage errors, 2 (as before) for a failed write.
func outputFailure(_ error: OutputError) -> ExitCode {
    fail(.badInput, error.description)
}

/// Writes an output set into `directory`; exits 2 with the reason when it cannot.
func writeOutputs(_ files: [OutputFile], into directory: String) throws {
    do { try OutputWriter.writeSet(files, into: directory) } catch let error as OutputError {
        throw outputFailure(error)
    }
}

/// Writes one output file at `path`; exits 2 with the reason when it cannot.
func writeFile(_ file: OutputFile, to path: String) throws {
    do { try OutputWriter.writeFile(file, to: path) } catch let error as OutputError {
        throw outputFailure(error)
    }
}
