import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `refused/<org folder>/`: a refused file is moved here, never deleted, with `<name>.reason.txt` beside it that
/// says in Chinese and English what is wrong and what to do.
public struct RefusedFolder: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    /// Moves `source` into `refused/<folder>/` (a free name: `x.pdf`, `x.1.pdf`, …) after writing its reason file.
    /// Returns the new path (raw bytes) for the record.
    public func move(_ source: RawPath, folder: String, reason: String) throws -> RawPath {
        let dir = RawPath(folder.isEmpty ? root : root + "/" + folder)
        _ = dir.withCString { mkdir($0, 0o750) }
        let target = freeName(in: dir, for: source.name)
        let note = target.bytes + Array(".reason.txt".utf8)
        let noteText = Array((reason + "\n").utf8)
        let fd = RawPath(note).withCString { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o640) }
        if fd >= 0 {
            _ = noteText.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            fsync(fd)
            close(fd)
        }
        let moved = source.withCString { from in target.withCString { to in rename(from, to) } }
        guard moved == 0 else {
            throw ContentArchive.ArchiveError.io(path: source.description, errno: errno)
        }
        dir.syncDirectory()
        source.parent.syncDirectory()
        return target
    }

    private func freeName(in dir: RawPath, for name: [UInt8]) -> RawPath {
        var candidate = dir.appending(name)
        var n = 1
        let dot = name.lastIndex(of: UInt8(ascii: ".")).flatMap { $0 > 0 ? $0 : nil }
        while exists(candidate) || exists(RawPath(candidate.bytes + Array(".reason.txt".utf8))) {
            let suffix = Array(".\(n)".utf8)
            let renamed = dot.map { Array(name[..<$0]) + suffix + Array(name[$0...]) } ?? name + suffix
            candidate = dir.appending(renamed)
            n += 1
        }
        return candidate
    }

    private func exists(_ path: RawPath) -> Bool {
        var info = stat()
        return path.withCString { lstat($0, &info) } == 0
    }
}
