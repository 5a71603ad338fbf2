import Crypto
import Foundation
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
        SHA256.hash(data: bytes).withUnsafeBytes { Hex.string($0) }
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
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o400)
        guard fd >= 0 else { throw ArchiveError.io(path: temporary, errno: errno) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd)
                unlink(temporary)
                throw ArchiveError.io(path: temporary, errno: code)
            }
            offset += n
        }
        guard fsync(fd) == 0 else {
            let code = errno
            close(fd)
            unlink(temporary)
            throw ArchiveError.io(path: temporary, errno: code)
        }
        close(fd)
        guard rename(temporary, final) == 0 else {
            let code = errno
            unlink(temporary)
            throw ArchiveError.io(path: final, errno: code)
        }
        RawPath(dir).syncDirectory()
        return true
    }

    /// The archived bytes of `sha256`, checked against the hash.
    public func read(_ sha256: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path(for: sha256)) else { return nil }
        let bytes = Array(data)
        return Self.sha256(bytes) == sha256 ? bytes : nil
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
    private func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o700) == 0 {
            RawPath((path as NSString).deletingLastPathComponent).syncDirectory()
        } else if errno != EEXIST {
            throw ArchiveError.io(path: path, errno: errno)
        }
    }
}
