import CZHTJShims
import Foundation
import ZHTJCore

#if canImport(Glibc)
    import Glibc
#endif

/// The outbox's files: written to a temporary name and renamed into place, so a reader never sees half a reminder.
/// Not synced one by one (tens of thousands a day): the daily sweep calls `sync(folder:)` once, before it records
/// the sends, so a recorded reminder's file is on disk.
enum OutboxFile {
    /// Writes `text` to `path` (mode 0644 less the umask), creating its folder (0750 less the umask) when missing.
    static func write(_ text: String, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if mkdir(folder, 0o750) != 0 && errno != EEXIST { throw failure("mkdir", folder) }
        // A name of its own, so a `--send` and the daily run writing the same org's file never share one.
        let temporary = path + ".tmp-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw failure("open", temporary) }
        var bytes = Array(text.utf8)
        let written = bytes.withUnsafeMutableBytes { buffer -> Int in
            var done = 0
            while done < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return -1 }
                done += n
            }
            return done
        }
        let error = errno
        close(fd)
        guard written == bytes.count else {
            unlink(temporary)
            errno = error
            throw failure("write", temporary)
        }
        bytes.removeAll()
        guard rename(temporary, path) == 0 else {
            let error = errno
            unlink(temporary)
            errno = error
            throw failure("rename", path)
        }
    }

    /// Flushes the file system that holds `folder` (syncfs): every file written before is on disk.
    static func sync(folder: String) throws {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("open", folder) }
        defer { close(fd) }
        guard czhtj_syncfs(fd) == 0 else { throw failure("syncfs", folder) }
    }

    private static func failure(_ call: String, _ path: String) -> ZHTJError {
        .storage("\(call) \(path): \(String(cString: strerror(errno)))")
    }
}
