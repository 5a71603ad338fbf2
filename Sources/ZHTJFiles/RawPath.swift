import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A path as bytes: inbox names may be any bytes (invalid UTF-8, newlines, leading dashes), so they never pass
/// through `String` on their way to a system call.
public struct RawPath: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public init(_ string: String) { self.bytes = Array(string.utf8) }

    public func appending(_ name: [UInt8]) -> RawPath { RawPath(bytes + [UInt8(ascii: "/")] + name) }
    public func appending(_ name: String) -> RawPath { appending(Array(name.utf8)) }

    /// The last component.
    public var name: [UInt8] {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return bytes }
        return Array(bytes[(slash + 1)...])
    }

    public var parent: RawPath {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return RawPath(".") }
        return RawPath(Array(bytes[..<slash]))
    }

    /// Calls `body` with a NUL-terminated C string of the path.
    public func withCString<T>(_ body: (UnsafePointer<CChar>) throws -> T) rethrows -> T {
        try (bytes + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    /// The path shown to people: escaped (see `InboxNames.display`).
    public var description: String { InboxNames.display(bytes) }

    /// The entries of a directory, as raw names (without `.` and `..`), or nil when it cannot be read.
    public func entries() -> [[UInt8]]? {
        guard let dir = withCString({ opendir($0) }) else { return nil }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        while let entry = readdir(dir) {
            // The name is read in place, up to its NUL: a dirent is only as long as its record, so copying the
            // whole 256-byte d_name field can read past the end of readdir's buffer (a crash with many entries).
            let start = UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self)
            let name = Array(UnsafeRawBufferPointer(start: start, count: strlen(start)))
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        return names
    }

    /// fsyncs a directory (after a rename or unlink in it).
    public func syncDirectory() {
        let fd = withCString { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }
}
