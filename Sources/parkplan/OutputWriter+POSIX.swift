import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// File-system primitives for `OutputWriter`: file kinds, byte writing, removal, the lock and
/// the atomic exchange of two folders.
enum FileSystem {
    enum Kind: Equatable { case missing, file, folder, symlink, other }

    /// The kind of `path` itself (a symbolic link is not followed).
    static func kind(_ path: String) -> Kind {
        var info = Glibc.stat()
        guard lstat(path, &info) == 0 else { return .missing }
        return kind(mode: info.st_mode)
    }

    /// The kind of what `path` leads to (symbolic links followed); `.missing` for a dangling link.
    static func followedKind(_ path: String) -> Kind {
        var info = Glibc.stat()
        guard stat(path, &info) == 0 else { return .missing }
        return kind(mode: info.st_mode)
    }

    private static func kind(mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .folder
        case S_IFLNK: .symlink
        default: .other
        }
    }

    /// `lstat` of `path`, nil when it does not exist.
    static func info(_ path: String) -> Glibc.stat? {
        var info = Glibc.stat()
        return lstat(path, &info) == 0 ? info : nil
    }

    /// The current `errno` as a sentence fragment.
    static func reason(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    /// Creates `path` (which must not exist) and writes `data` to it, then flushes it to disk.
    static func writeBytes(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw OutputError(.failure, "\(path): cannot create: \(reason())") }
        defer { close(fd) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputError(.failure, "\(path): cannot write: \(reason())")
                }
                offset += written
            }
        }
        guard fsync(fd) == 0 || errno == EINVAL else {
            throw OutputError(.failure, "\(path): cannot write: \(reason())")
        }
    }

    /// Removes a file, or a folder with everything in it (symbolic links are removed, not followed).
    static func removeTree(_ path: String) {
        if kind(path) == .folder {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                removeTree(path + "/" + name)
            }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// Creates `path` and its missing parents; a usage error when a part of it is not a folder.
    static func makeFolders(_ path: String) throws {
        switch followedKind(path) {
        case .folder: return
        case .missing where kind(path) == .missing: break
        default: throw OutputError(.usage, "\(path) exists and is not a folder")
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try makeFolders(parent) }
        guard mkdir(path, 0o777) == 0 || (errno == EEXIST && followedKind(path) == .folder) else {
            throw OutputError(.failure, "\(path): cannot create the folder: \(reason())")
        }
    }

    /// An absolute, normalised spelling of `path` (no `.`/`..` parts, no trailing slash).
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The real path of an existing `path` (symbolic links resolved), else its absolute spelling.
    static func resolved(_ path: String) -> String {
        guard let pointer = realpath(path, nil) else { return absolute(path) }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Copies `input` to `output` in 1 MiB pieces and closes `output`; false on any error.
    static func copy(_ input: UnsafeMutablePointer<FILE>, to output: UnsafeMutablePointer<FILE>) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var ok = true
        while ok {
            let count = fread(&buffer, 1, buffer.count, input)
            if count == 0 { ok = ferror(input) == 0; break }
            ok = fwrite(buffer, 1, count, output) == count
        }
        return fclose(output) == 0 && ok
    }

    // MARK: - Lock

    /// An exclusive `flock` on a folder, taken by polling for up to `seconds`; `nil` when the
    /// folder cannot be opened (then nothing is locked).
    static func lock(folder: String, waitingUpTo seconds: Double) throws -> Int32? {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        let deadline = Date().addingTimeInterval(seconds)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(fd)
                throw OutputError(
                    .usage,
                    "\(folder): another parkplan run is writing its output here; "
                        + "nothing was written, try again when it has finished")
            }
            usleep(20_000)
        }
        return fd
    }

    static func unlock(_ fd: Int32?) {
        guard let fd else { return }
        flock(fd, LOCK_UN)
        close(fd)
    }

    // MARK: - Exchange

    private typealias RenameAt2 =
        @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    private static let renameExchangeFlag: UInt32 = 2  // RENAME_EXCHANGE in <linux/fs.h>

    /// Swaps two existing paths in one step with renameat2(RENAME_EXCHANGE); false when the
    /// C library or the file system does not offer it.
    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let function = unsafeBitCast(symbol, to: RenameAt2.self)
        return function(AT_FDCWD, a, AT_FDCWD, b, renameExchangeFlag) == 0
    }
}

/// Holds back SIGINT, SIGTERM, SIGHUP and SIGQUIT while output is committed; a signal that
/// arrives meanwhile is delivered (with its default action) once the output is whole again.
enum SignalDeferral {
    nonisolated(unsafe) private static var pending: Int32 = 0
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    static func around<T>(_ body: () throws -> T) rethrows -> T {
        pending = 0
        var installed: [(Int32, sigaction)] = []
        for signal in signals {
            var old = sigaction()
            sigaction(signal, nil, &old)
            let handler = old.__sigaction_handler.sa_handler.map { unsafeBitCast($0, to: Int.self) }
            guard handler != 1 else { continue }  // SIG_IGN (e.g. SIGHUP under nohup): leave it
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { SignalDeferral.pending = $0 }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
            installed.append((signal, old))
        }
        defer {
            for (signal, var old) in installed { sigaction(signal, &old, nil) }
            if pending != 0 { raise(pending) }
        }
        return try body()
    }
}
