import Crypto
import Foundation
import ZHTJCore
import ZHTJFiles

#if canImport(Glibc)
    import Glibc
#endif

/// Files copied, linked and hashed for backups and restores: streamed in 1 MiB pieces, written to a temporary name
/// and renamed into place (so a file in place is whole), made durable by one `syncfs` for many files.
enum FileCopy {
    static let piece = 1 << 20

    /// The SHA-256 and size of a file's content; nil when it cannot be opened (missing).
    static func hash(_ path: RawPath) throws -> (sha256: String, bytes: Int64)? {
        let fd = path.withCString { open($0, O_RDONLY | O_CLOEXEC | O_NOFOLLOW) }
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw BackupError.io(path: path.description, errno: errno)
        }
        defer { close(fd) }
        return try digest(fd: fd, path: path, copyingTo: nil)
    }

    /// Copies `source` to `target` (mode `mode`, created anew), hashing what was read; nil when `source` is missing.
    /// With `expect`, a copy whose hash differs is removed instead of put in place (the result says what was read).
    /// The copy is not synced: open a `FileSystemHandle` before many and `sync` it once after them.
    static func copy(_ source: RawPath, to target: RawPath, mode: mode_t = 0o400, expect: String? = nil) throws -> (sha256: String, bytes: Int64)? {
        let input = source.withCString { open($0, O_RDONLY | O_CLOEXEC | O_NOFOLLOW) }
        guard input >= 0 else {
            if errno == ENOENT { return nil }
            throw BackupError.io(path: source.description, errno: errno)
        }
        defer { close(input) }
        let temporary = RawPath(target.bytes + Array(".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))".utf8))
        let output = temporary.withCString { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode) }
        guard output >= 0 else { throw BackupError.io(path: temporary.description, errno: errno) }
        let result: (sha256: String, bytes: Int64)
        do {
            result = try digest(fd: input, path: source, copyingTo: (output, temporary))
        } catch {
            close(output)
            temporary.withCString { _ = unlink($0) }
            throw error
        }
        guard close(output) == 0 else {
            let code = errno
            temporary.withCString { _ = unlink($0) }
            throw BackupError.io(path: temporary.description, errno: code)
        }
        if let expect, result.sha256 != expect {
            temporary.withCString { _ = unlink($0) }
            return result
        }
        guard temporary.withCString({ from in target.withCString { rename(from, $0) } }) == 0 else {
            let code = errno
            temporary.withCString { _ = unlink($0) }
            throw BackupError.io(path: target.description, errno: code)
        }
        return result
    }

    /// A hard link of `source` at `target` (a file already there, which the caller found wrong, is replaced); false
    /// when they are on different filesystems (the caller copies).
    static func link(_ source: RawPath, to target: RawPath) throws -> Bool {
        for _ in 0..<2 {
            if source.withCString({ from in target.withCString { Glibc.link(from, $0) } }) == 0 { return true }
            if errno == EXDEV || errno == EPERM || errno == EMLINK { return false }
            guard errno == EEXIST else { break }
            target.withCString { _ = unlink($0) }
        }
        throw BackupError.io(path: target.description, errno: errno)
    }

    private static func digest(fd: Int32, path: RawPath, copyingTo output: (fd: Int32, path: RawPath)?) throws -> (sha256: String, bytes: Int64) {
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: piece)
        var total: Int64 = 0
        while true {
            let n = Syscall.retrying { buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, piece) } }
            guard n >= 0 else { throw BackupError.io(path: path.description, errno: errno) }
            if n == 0 { break }
            let chunk = buffer[0..<n]
            hasher.update(data: chunk)
            if let output, !Syscall.writeAll(output.fd, Array(chunk)) { throw BackupError.io(path: output.path.description, errno: errno) }
            total += Int64(n)
        }
        return (Hex.string(hasher.finalize()), total)
    }

    /// `path`'s file system, opened before a batch of copies so that `sync` reports every write-back error since.
    static func openFileSystem(_ path: String) throws -> FileSystemHandle {
        do {
            return try FileSystemHandle(folder: path)
        } catch let failure as FileSystemHandle.Failure {
            throw BackupError.io(path: failure.folder, errno: failure.errno)
        }
    }

    /// Makes everything written on the file system since it was opened durable, and reports a write-back error (a
    /// full disk).
    static func sync(_ disk: FileSystemHandle) throws {
        do {
            try disk.sync()
        } catch let failure as FileSystemHandle.Failure {
            throw BackupError.io(path: failure.folder, errno: failure.errno)
        }
    }

    /// Creates `path` and its missing parents with `mode`.
    static func makeDirectories(_ path: String, mode: mode_t) throws {
        try makeDirectories(RawPath(path), mode: mode)
    }

    static func makeDirectories(_ path: RawPath, mode: mode_t) throws {
        var current: [UInt8] = []
        for part in path.bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            current += [UInt8(ascii: "/")] + part
            let dir = RawPath(current)
            if dir.withCString({ mkdir($0, mode) }) != 0, errno != EEXIST { throw BackupError.io(path: dir.description, errno: errno) }
        }
    }

    /// Writes a small file whole and durable (temporary name, fsync, rename).
    static func writeDurably(_ bytes: [UInt8], to path: String, mode: mode_t = 0o400) throws {
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw BackupError.io(path: temporary, errno: errno) }
        guard Syscall.writeAll(fd, bytes), fsync(fd) == 0 else {
            let code = errno
            close(fd)
            unlink(temporary)
            throw BackupError.io(path: temporary, errno: code)
        }
        close(fd)
        guard rename(temporary, path) == 0 else { throw BackupError.io(path: path, errno: errno) }
        RawPath((path as NSString).deletingLastPathComponent).syncDirectory()
    }

    /// Removes a folder and everything under it (a failed snapshot, a pruned one, a failed restore).
    static func removeTree(_ path: RawPath) {
        var info = stat()
        guard path.withCString({ lstat($0, &info) }) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            // Read-only folders are made writable first, so their entries can go.
            path.withCString { _ = chmod($0, 0o700) }
            for name in path.entries() ?? [] { removeTree(path.appending(name)) }
            path.withCString { _ = rmdir($0) }
        } else {
            path.withCString { _ = unlink($0) }
        }
    }
}
