import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension OutputWriter {
    /// Where the set is written before it is moved in.
    struct Staging {
        let path: String
        /// True for a sibling of the target (the folders can be exchanged); false for a hidden
        /// folder inside the target, used when the parent folder is not writable.
        let nextToTarget: Bool
    }

    static func makeStaging(for target: String, parent: String) throws -> Staging {
        let base = (target as NSString).lastPathComponent
        let suffix = "parkplan-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let sibling = parent + "/.\(base).\(suffix).staging"
        if mkdir(sibling, 0o777) == 0 { return Staging(path: sibling, nextToTarget: true) }
        let reason = FileSystem.reason()
        if FileSystem.followedKind(target) == .folder {
            let inside = target + "/.\(suffix).staging"
            if mkdir(inside, 0o777) == 0 { return Staging(path: inside, nextToTarget: false) }
        }
        throw OutputError(.failure, "\(parent): cannot write here: \(reason) (nothing was written)")
    }

    /// Moves the staged set in: into a missing target in one rename; into an existing target by
    /// exchanging the folders (after hard-linking the target's other files into the staged
    /// folder), or — when the target holds sub-folders, is the working folder, belongs to
    /// someone else or the file system cannot exchange — one rename per file.
    static func commit(_ names: [String], from staging: Staging, to target: String, shown: String) throws {
        let kind = FileSystem.followedKind(target)
        if kind != .folder && kind != .missing {
            throw OutputError(.usage, "\(shown) exists and is not a folder (nothing was written)")
        }
        for name in names where FileSystem.kind(target + "/" + name) == .folder {
            throw OutputError(
                .usage,
                "\(shown)/\(name) is a folder where the file \(name) is to be written "
                    + "(nothing was written)")
        }
        if staging.nextToTarget, kind == .missing {
            guard rename(staging.path, target) == 0 else {
                throw OutputError(.failure, "\(shown): cannot create the folder: \(FileSystem.reason())")
            }
            return
        }
        if staging.nextToTarget, exchangeFolders(names, staging: staging.path, target: target) { return }
        for name in names where rename(staging.path + "/" + name, target + "/" + name) != 0 {
            throw OutputError(.failure, "\(shown)/\(name): cannot write: \(FileSystem.reason())")
        }
    }

    /// Exchanges the staged folder with the target; false (target unchanged) when that is not
    /// safe or not possible here.
    private static func exchangeFolders(_ names: [String], staging: String, target: String) -> Bool {
        guard let info = FileSystem.info(target), info.st_uid == geteuid(),
            !containsWorkingFolder(target)
        else { return false }
        let ours = Set(names)
        let others = ((try? FileManager.default.contentsOfDirectory(atPath: target)) ?? [])
            .filter { !ours.contains($0) }.sorted()
        for name in others {
            let from = target + "/" + name, to = staging + "/" + name
            switch FileSystem.kind(from) {
            case .file:
                guard link(from, to) == 0 else { return false }
            case .symlink:
                guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: from),
                    symlink(destination, to) == 0
                else { return false }
            default:
                return false
            }
        }
        chmod(staging, info.st_mode & 0o7777)
        guard FileSystem.exchange(staging, target) else { return false }
        // The previous folder is now at `staging`: keep anything created in it meanwhile.
        let previous = ((try? FileManager.default.contentsOfDirectory(atPath: staging)) ?? []).sorted()
        for name in previous {
            let old = staging + "/" + name, new = target + "/" + name
            let same =
                FileSystem.info(old).map { o in
                    FileSystem.info(new).map { $0.st_ino == o.st_ino && $0.st_dev == o.st_dev } ?? false
                } ?? false
            if ours.contains(name) || same { unlink(old) } else { rename(old, new) }
        }
        rmdir(staging)
        return true
    }

    /// True when the working folder is `folder` or inside it (it must not be swapped away).
    private static func containsWorkingFolder(_ folder: String) -> Bool {
        let current = FileSystem.resolved(FileManager.default.currentDirectoryPath)
        return current == folder || current.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
