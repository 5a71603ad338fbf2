import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive `flock` on `run/zhtjd.lock`, held for the daemon's life, so a second daemon on the same storage
/// exits at once. The lock dies with the process, so a restart after `kill -9` works at once.
public final class InstanceLock: Sendable {
    private let fd: Int32
    public let path: String

    public enum LockError: Error, CustomStringConvertible {
        case held(path: String, pid: String)
        case databaseHeld(path: String, pid: String)
        case cannotOpen(path: String, errno: Int32)

        public var description: String {
            switch self {
            case .held(let path, let pid):
                "另一个 zhtjd 正在使用此存储目录 / another zhtjd (pid \(pid)) is already running on this storage (\(path) is locked). Stop it first, or use another --storage."
            case .databaseHeld(let path, let pid):
                "另一个 zhtjd 正在使用此 SQLite 数据库 / another zhtjd (pid \(pid)) uses this storage's SQLite registry from another runtime folder (\(path) is locked). SQLite serves one daemon; several daemons on one storage need PostgreSQL (not built yet)."
            case .cannotOpen(let path, let code):
                "无法打开锁文件 / cannot open the lock file \(path): \(String(cString: strerror(code)))"
            }
        }
    }

    /// `database`: the SQLite registry's lock (another message when it is held).
    public init(path: String, database: Bool = false) throws {
        self.path = path
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw LockError.cannotOpen(path: path, errno: errno) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = pread(fd, &buffer, 31, 0)
            close(fd)
            let pid = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : "?"
            throw database ? LockError.databaseHeld(path: path, pid: pid) : LockError.held(path: path, pid: pid)
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    deinit {
        close(fd)
    }
}
