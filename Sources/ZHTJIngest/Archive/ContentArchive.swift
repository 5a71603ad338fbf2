import Crypto
import Foundation
import ZHTJFiles
import ZHTJCore

#if canImport(Glibc)
    import Glibc
#endif

/// The content-addressed archive: `archive/ab/cd/<sha256>.pdf`, read-only (0400). The path comes only from the hash.
/// Writing: a temporary file in `archive/tmp`, fsync, rename into place, fsync the directory.
public struct ContentArchive: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    public enum ArchiveError: Error, CustomStringConvertible {
        case io(path: String, errno: Int32)
        public var description: String {
            switch self {
            case .io(let path, let code): "archive: \(path): \(String(cString: strerror(code)))"
            }
        }
    }

    public static func sha256(_ bytes: [UInt8]) -> String {
        Hex.string(SHA256.hash(data: bytes))
    }

    public func path(for sha256: String) -> String {
        "\(root)/\(ArchiveLayout.relativePath(sha256: sha256) ?? "invalid/\(sha256)")"
    }

    public func contains(_ sha256: String) -> Bool {
        var info = stat()
        return stat(path(for: sha256), &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Stores `bytes` under their hash; returns false when the archive already held them.
    @discardableResult
    public func store(_ bytes: [UInt8], sha256: String) throws -> Bool {
        let final = path(for: sha256)
        if contains(sha256) { return false }
        let dir = (final as NSString).deletingLastPathComponent
        try makeDirectory((dir as NSString).deletingLastPathComponent)
        try makeDirectory(dir)
        try makeDirectory(root + "/tmp")
        let temporary = "\(root)/tmp/\(sha256).\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        try writeFile(bytes, to: temporary, sync: true)
        guard rename(temporary, final) == 0 else {
            let code = errno
            unlink(temporary)
            throw ArchiveError.io(path: final, errno: code)
        }
        RawPath(dir).syncDirectory()
        return true
    }

    private func writeFile(_ bytes: [UInt8], to temporary: String, sync: Bool) throws {
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o400)
        guard fd >= 0 else { throw ArchiveError.io(path: temporary, errno: errno) }
        guard Syscall.writeAll(fd, bytes) else {
            let code = errno
            close(fd)
            unlink(temporary)
            throw ArchiveError.io(path: temporary, errno: code)
        }
        if sync, fsync(fd) != 0 {
            let code = errno
            close(fd)
            unlink(temporary)
            throw ArchiveError.io(path: temporary, errno: code)
        }
        guard close(fd) == 0 else {
            let code = errno
            unlink(temporary)
            throw ArchiveError.io(path: temporary, errno: code)
        }
    }

    /// A file written under `archive/tmp` and not yet durable nor in place (see `stage` and `publish`).
    public struct Staged: Sendable {
        public let sha256: String
        let temporary: String
        /// The archive's file system, opened before this file was written: `publish` syncs through the batch's
        /// earliest, so a write-back error of any staged file is reported (syncfs reports only errors after its
        /// descriptor was opened).
        let disk: FileSystemHandle
    }

    /// Group commit, first step: writes `bytes` to a temporary file without an fsync. Nil when the archive already
    /// holds these bytes (a file is only ever in place once it was durable, so what is in place is whole).
    public func stage(_ bytes: [UInt8], sha256: String) throws -> Staged? {
        if contains(sha256) { return nil }
        try makeDirectory(root + "/tmp", sync: false)
        let disk: FileSystemHandle
        do {
            disk = try FileSystemHandle(folder: root)
        } catch let failure as FileSystemHandle.Failure {
            throw ArchiveError.io(path: failure.folder, errno: failure.errno)
        }
        let temporary = "\(root)/tmp/\(sha256).\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        try writeFile(bytes, to: temporary, sync: false)
        return Staged(sha256: sha256, temporary: temporary, disk: disk)
    }

    /// Group commit, second step: makes every staged file durable (one `syncfs`), renames each into place, and makes
    /// the renames durable (a second `syncfs`). Afterwards the database may record them.
    public func publish(_ files: [Staged]) throws {
        guard let disk = files.first?.disk else { return }
        try sync(disk)
        for file in files {
            let final = path(for: file.sha256)
            let dir = (final as NSString).deletingLastPathComponent
            try makeDirectory((dir as NSString).deletingLastPathComponent, sync: false)
            try makeDirectory(dir, sync: false)
            guard rename(file.temporary, final) == 0 else {
                let code = errno
                unlink(file.temporary)
                throw ArchiveError.io(path: final, errno: code)
            }
        }
        try sync(disk)
    }

    /// Removes staged files that will not be published.
    public func discard(_ files: [Staged]) {
        for file in files { unlink(file.temporary) }
    }

    /// Left-over temporary files of a run that stopped (none is ever referenced); call at start. Only those older
    /// than `olderThan` seconds: several daemons may share the archive (issue 15), and another one's staged files
    /// live for seconds before they are published.
    public func removeTemporaries(olderThan age: TimeInterval = 3600) {
        let cutoff = Date().addingTimeInterval(-age)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root + "/tmp")) ?? [] {
            let path = root + "/tmp/" + name
            guard let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date, modified < cutoff else {
                continue
            }
            unlink(path)
        }
    }

    private func sync(_ disk: FileSystemHandle) throws {
        do {
            try disk.sync()
        } catch let failure as FileSystemHandle.Failure {
            throw ArchiveError.io(path: failure.folder, errno: failure.errno)
        }
    }

    /// The archived bytes of `sha256`, checked against the hash; nil when the file is missing or damaged.
    public func read(_ sha256: String) -> [UInt8]? {
        guard case .intact(let bytes) = check(sha256) else { return nil }
        return bytes
    }

    /// What `check` finds of an archived file.
    public enum FileCheck: Sendable, Equatable {
        case intact([UInt8])
        /// No readable file where the hash puts it (or the hash is not one).
        case missing
        /// The file's content does not match its hash.
        case damaged
    }

    /// Reads the file of `sha256` and checks it against the hash (for `archive.get` and `audit verify`).
    public func check(_ sha256: String) -> FileCheck {
        guard let relative = ArchiveLayout.relativePath(sha256: sha256),
            let data = FileManager.default.contents(atPath: root + "/" + relative)
        else { return .missing }
        let bytes = Array(data)
        return Self.sha256(bytes) == sha256 ? .intact(bytes) : .damaged
    }

    /// Every hash in the archive (for the start-up reconciliation).
    public func allHashes() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var hashes: [String] = []
        while let item = enumerator.nextObject() as? String {
            if item.hasPrefix("tmp") { continue }
            if item.hasSuffix(".pdf") { hashes.append(String((item as NSString).lastPathComponent.dropLast(4))) }
        }
        return hashes
    }

    /// Creates a folder when missing, and syncs its parent so the new entry survives a crash.
    private func makeDirectory(_ path: String, sync: Bool = true) throws {
        if mkdir(path, 0o700) == 0 {
            if sync { RawPath((path as NSString).deletingLastPathComponent).syncDirectory() }
        } else if errno != EEXIST {
            throw ArchiveError.io(path: path, errno: errno)
        }
    }
}
