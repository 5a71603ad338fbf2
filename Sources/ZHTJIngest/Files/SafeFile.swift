import Foundation
import ZHTJFiles
import ZHTJCore

#if canImport(Glibc)
    import Glibc
#endif

/// An inbox entry opened the safe way: `O_NOFOLLOW|O_NONBLOCK`, checked with `fstat` on the descriptor, so a symlink,
/// a FIFO, a device, a directory or a hard link is refused without reading any target (checks 1 and 2 of ingest).
public struct SafeFile: Sendable {
    public let bytes: [UInt8]
    public let size: Int
    public let device: UInt64
    public let inode: UInt64
    public let modified: Int64  // nanoseconds since 1970

    public enum Refusal: Error, Equatable, Sendable {
        case symlink
        case notRegular(String)
        case hardLink(Int)
        case empty
        case tooLarge(Int)
        case unreadable(String)
        case vanished
    }

    /// The R-E3 limit: 20 MB = 20 × 1024 × 1024 bytes.
    public static let maxBytes = 20 * 1024 * 1024

    /// Opens and reads `path` (at most `maxBytes`; a larger file is refused from its size without being read).
    public static func read(_ path: RawPath, maxBytes: Int = SafeFile.maxBytes) -> Result<SafeFile, Refusal> {
        let fd = path.withCString { open($0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY) }
        guard fd >= 0 else {
            switch errno {
            case ELOOP: return .failure(.symlink)
            case ENOENT: return .failure(.vanished)
            case ENXIO: return .failure(.notRegular("socket"))
            default: return .failure(.unreadable(String(cString: strerror(errno))))
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            let kind: String
            switch type {
            case S_IFDIR: kind = "directory"
            case S_IFIFO: kind = "FIFO"
            case S_IFCHR, S_IFBLK: kind = "device"
            case S_IFSOCK: kind = "socket"
            default: kind = "special file"
            }
            return .failure(.notRegular(kind))
        }
        guard info.st_nlink == 1 else { return .failure(.hardLink(Int(info.st_nlink))) }
        let size = Int(info.st_size)
        guard size > 0 else { return .failure(.empty) }
        guard size <= maxBytes else { return .failure(.tooLarge(size)) }
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let n = Syscall.retrying { bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, size - done, off_t(done)) } }
            if n < 0 {
                if errno == EAGAIN { continue }
                return .failure(.unreadable(String(cString: strerror(errno))))
            }
            if n == 0 { break }
            done += n
        }
        guard done == size else { return .failure(.unreadable("the file shrank while it was read")) }
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return .success(SafeFile(bytes: bytes, size: size, device: UInt64(info.st_dev), inode: UInt64(info.st_ino), modified: modified))
    }

    /// The entry's identity without opening it (lstat: a symlink or FIFO is not followed or opened).
    public static func identity(_ path: RawPath) -> (device: UInt64, inode: UInt64, modified: Int64, size: Int)? {
        var info = stat()
        guard path.withCString({ lstat($0, &info) }) == 0 else { return nil }
        return (UInt64(info.st_dev), UInt64(info.st_ino), Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec), Int(info.st_size))
    }

    /// Size and modification time without opening (for the stability window); nil when the entry is gone.
    public static func observe(_ path: RawPath) -> (size: Int, modified: Int64, isRegular: Bool)? {
        var info = stat()
        guard path.withCString({ lstat($0, &info) }) == 0 else { return nil }
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return (Int(info.st_size), modified, (info.st_mode & S_IFMT) == S_IFREG)
    }
}
