import CZHTJShims
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The file system that holds a folder, opened **before** a batch of writes, so that `sync()` (one `syncfs` for all
/// of them) reports every write-back error since then: syncfs reports only errors after its descriptor was opened.
/// The outbox's daily sweep and backups and restores use it; each maps a failure to its own error.
public final class FileSystemHandle: @unchecked Sendable {
    public let folder: String
    private let fd: Int32

    /// A system call that failed: its name, the folder, and `errno`.
    public struct Failure: Error {
        public let call: String
        public let folder: String
        public let errno: Int32
    }

    public init(folder: String) throws {
        self.folder = folder
        fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(call: "open", folder: folder, errno: errno) }
    }

    deinit { close(fd) }

    /// Every file written on this file system since `init` is on disk.
    public func sync() throws {
        guard czhtj_syncfs(fd) == 0 else { throw Failure(call: "syncfs", folder: folder, errno: errno) }
    }
}
