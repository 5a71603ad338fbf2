import Foundation
import ZHTJCore
import ZHTJFiles

#if canImport(Glibc)
    import Glibc
#endif

/// The outbox's files: written to a temporary name and renamed into place, so a reader never sees half a reminder.
/// Not synced one by one (tens of thousands a day): the daily sweep opens the outbox's `FileSystem` first and syncs it
/// once, before it records the sends, so a recorded reminder's file is on disk.
enum OutboxFile {
    /// Writes `text` to `path` (mode 0644 less the umask), creating its folder (0750 less the umask) when missing.
    static func write(_ text: String, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if mkdir(folder, 0o750) != 0 && errno != EEXIST { throw failure("mkdir", folder) }
        // A name of its own, so a `--send` and the daily run writing the same org's file never share one.
        let temporary = path + ".tmp-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw failure("open", temporary) }
        let written = Syscall.writeAll(fd, Array(text.utf8))
        let error = errno
        // Some file systems (NFS, quotas) report a failed write only at close.
        let closed = close(fd)
        guard written else {
            unlink(temporary)
            errno = error
            throw failure("write", temporary)
        }
        guard closed == 0 else {
            let error = errno
            unlink(temporary)
            errno = error
            throw failure("close", temporary)
        }
        guard rename(temporary, path) == 0 else {
            let error = errno
            unlink(temporary)
            errno = error
            throw failure("rename", path)
        }
    }

    /// The outbox's file system, opened before a batch of writes (`FileSystemHandle`), its failures as this file's.
    final class FileSystem {
        private let handle: FileSystemHandle

        init(folder: String) throws {
            do {
                handle = try FileSystemHandle(folder: folder)
            } catch let failure as FileSystemHandle.Failure {
                throw OutboxFile.failure(failure)
            }
        }

        /// Every file written since `init` is on disk.
        func sync() throws {
            do {
                try handle.sync()
            } catch let failure as FileSystemHandle.Failure {
                throw OutboxFile.failure(failure)
            }
        }
    }

    fileprivate static func failure(_ failure: FileSystemHandle.Failure) -> ZHTJError {
        errno = failure.errno
        return OutboxFile.failure(failure.call, failure.folder)
    }

    fileprivate static func failure(_ call: String, _ path: String) -> ZHTJError {
        .storage("\(call) \(path): \(String(cString: strerror(errno)))")
    }
}
