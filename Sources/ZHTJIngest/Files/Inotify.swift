import Foundation
import ZHTJFiles

#if canImport(Glibc)
    import Glibc
#endif

/// inotify, wrapped once: a non-blocking descriptor, watches on folders, and the events read so far.
public final class Inotify {
    private let fd: Int32
    private var folders: [Int32: RawPath] = [:]

    public struct Event: Sendable {
        public var folder: RawPath
        public var name: [UInt8]
        public var isDirectory: Bool
        public var isCreate: Bool
        public var isFileReady: Bool
    }

    public enum Batch: Sendable {
        case events([Event])
        /// The kernel's queue overflowed: events were lost, rescan everything.
        case overflow
    }

    public init() throws {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw ContentArchive.ArchiveError.io(path: "inotify", errno: errno) }
    }

    deinit {
        close(fd)
    }

    /// Watches `folder` for finished files (close after write, moved in) and new sub-folders.
    @discardableResult
    public func watch(_ folder: RawPath) -> Bool {
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ATTRIB | IN_ONLYDIR | IN_DONT_FOLLOW)
        let wd = folder.withCString { inotify_add_watch(fd, $0, mask) }
        guard wd >= 0 else { return false }
        folders[wd] = folder
        return true
    }

    /// The events queued now (never blocks).
    public func read() -> Batch {
        var events: [Event] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= n {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameBytes = Array(buffer[(offset + header)..<min(n, offset + header + length)].prefix(while: { $0 != 0 }))
                offset += header + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { return .overflow }
                guard let folder = folders[wd], !nameBytes.isEmpty else { continue }
                events.append(Event(
                    folder: folder, name: nameBytes, isDirectory: mask & UInt32(IN_ISDIR) != 0,
                    isCreate: mask & UInt32(IN_CREATE) != 0,
                    isFileReady: mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0))
            }
        }
        return .events(events)
    }
}
