import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One file of a command's output: its name and how to write it to a (new, empty) path.
struct OutputFile {
    let name: String
    let write: (_ path: String) throws -> Void

    init(name: String, data: Data) {
        self.name = name
        self.write = { path in try FileSystem.writeBytes(data, to: path) }
    }

    /// A file written by `writer` straight to the staged path (e.g. a streamed model).
    init(name: String, writer: @escaping (_ path: String) throws -> Void) {
        self.name = name
        self.write = writer
    }
}

/// Why an output was not written: a usage error (exit 2) or a failure while writing.
struct OutputError: Error, CustomStringConvertible {
    enum Kind { case usage, failure }
    let kind: Kind
    let description: String
    init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}

/// Writes a command's output without ever destroying anything or leaving a half-written set
/// (docs/commands.md, "Output files"):
/// - a folder where a file is to go, or a file where a folder is to go, is a usage error that
///   changes nothing;
/// - the whole set is written into a staging folder next to the target and moved in at the end
///   (one atomic exchange of the folders, or one rename per file when that is not possible), so
///   a failure leaves the previous output untouched and no temporary file behind;
/// - a lock on the parent folder makes concurrent runs into one folder commit one after the other;
/// - SIGINT, SIGTERM, SIGHUP and SIGQUIT wait until the output is whole (or cleaned up).
enum OutputWriter {
    /// Seconds a run waits for another run's commit into the same parent folder before refusing.
    static let lockWait: Double = 30

    /// Writes `files` into the folder `directory` (created if missing, with its parents).
    static func writeSet(_ files: [OutputFile], into directory: String) throws {
        guard !directory.isEmpty else { throw OutputError(.usage, "--out: expected a folder, found an empty name") }
        precondition(Set(files.map(\.name)).count == files.count, "output names must be unique")
        let target = FileSystem.resolved(directory)
        if FileSystem.kind(target) == .symlink {
            throw OutputError(.usage, "\(directory) is a broken symbolic link (nothing was written)")
        }
        switch FileSystem.followedKind(target) {
        case .folder, .missing: break
        default:
            throw OutputError(
                .usage,
                "\(directory) exists and is not a folder; the output needs a folder "
                    + "(nothing was written)")
        }
        for file in files {
            let path = target + "/" + file.name
            switch FileSystem.kind(path) {
            case .missing, .file, .symlink: continue
            case .folder:
                throw OutputError(
                    .usage,
                    "\(directory)/\(file.name) is a folder where the file "
                        + "\(file.name) is to be written; move it away (nothing was written)")
            case .other:
                throw OutputError(
                    .usage,
                    "\(directory)/\(file.name) is not a regular file; "
                        + "move it away (nothing was written)")
            }
        }
        let parent = (target as NSString).deletingLastPathComponent
        try FileSystem.makeFolders(parent)
        try SignalDeferral.around {
            let staging = try makeStaging(for: target, parent: parent)
            defer { FileSystem.removeTree(staging.path) }
            do {
                for file in files { try file.write(staging.path + "/" + file.name) }
            } catch let error as OutputError {
                throw OutputError(
                    error.kind,
                    error.description.replacingOccurrences(of: staging.path, with: directory)
                        + " (nothing was changed)")
            }
            let lock = try FileSystem.lock(folder: staging.nextToTarget ? parent : target, waitingUpTo: lockWait)
            defer { FileSystem.unlock(lock) }
            try commit(files.map(\.name), from: staging, to: target, shown: directory)
        }
    }

    /// Writes one file at `path` (parents created if missing); an existing file is replaced
    /// in one rename, an existing folder is a usage error.
    static func writeFile(_ file: OutputFile, to path: String) throws {
        guard !path.isEmpty else { throw OutputError(.usage, "--out: expected a file name, found an empty name") }
        if path.hasSuffix("/") || FileSystem.followedKind(path) == .folder {
            throw OutputError(.usage, "\(path) is a folder; --out needs a file name (nothing was written)")
        }
        let target = FileSystem.resolved(path)
        if FileSystem.followedKind(target) == .other {
            // A device or pipe (e.g. /dev/null): write into it, never replace it.
            return try writeInto(file, existing: target, shown: path)
        }
        let parent = (target as NSString).deletingLastPathComponent
        try FileSystem.makeFolders(parent)
        let name = (target as NSString).lastPathComponent
        try SignalDeferral.around {
            let temporary = parent + "/.\(name).parkplan-\(getpid()).tmp"
            FileSystem.removeTree(temporary)
            defer { unlink(temporary) }
            do { try file.write(temporary) } catch let error as OutputError {
                throw OutputError(
                    error.kind,
                    error.description.replacingOccurrences(of: temporary, with: path)
                        + " (nothing was changed)")
            }
            let lock = try FileSystem.lock(folder: parent, waitingUpTo: lockWait)
            defer { FileSystem.unlock(lock) }
            guard FileSystem.followedKind(target) != .folder else {
                throw OutputError(.usage, "\(path) is a folder; --out needs a file name (nothing was written)")
            }
            guard rename(temporary, target) == 0 else {
                throw OutputError(.failure, "\(path): cannot write: \(FileSystem.reason())")
            }
        }
    }

    private static func writeInto(_ file: OutputFile, existing target: String, shown: String) throws {
        try withScratchFolder { folder in
            try file.write(folder + "/" + file.name)
            guard let input = fopen(folder + "/" + file.name, "r"), let output = fopen(target, "w") else {
                throw OutputError(.failure, "\(shown): cannot open for writing: \(FileSystem.reason())")
            }
            defer { fclose(input) }
            guard FileSystem.copy(input, to: output) else {
                throw OutputError(.failure, "\(shown): cannot write: \(FileSystem.reason())")
            }
        }
    }

    /// Runs `body` with a new private folder in TMPDIR (else /tmp), removed afterwards.
    static func withScratchFolder<T>(_ body: (String) throws -> T) throws -> T {
        let bases = [ProcessInfo.processInfo.environment["TMPDIR"], "/tmp"].compactMap { $0 }.filter { !$0.isEmpty }
        for base in bases {
            var template = Array((base + "/parkplan-XXXXXX").utf8CString)
            guard let made = mkdtemp(&template) else { continue }
            let folder = String(cString: made)
            return try SignalDeferral.around {
                defer { FileSystem.removeTree(folder) }
                return try body(folder)
            }
        }
        throw OutputError(.failure, "cannot create a temporary folder in TMPDIR or /tmp: \(FileSystem.reason())")
    }
}
