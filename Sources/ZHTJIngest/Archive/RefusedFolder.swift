import CZHTJShims
import Foundation
import ZHTJFiles

#if canImport(Glibc)
    import Glibc
#endif

/// `refused/<org folder>/`: a refused file is moved here, never deleted, with `<name>.reason.txt` beside it that
/// says in Chinese and English what is wrong and what to do.
public struct RefusedFolder: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    /// A free place for `name` in `refused/<folder>/` (`x.pdf`, `x.1.pdf`, …), recorded before the move.
    public func plan(name: [UInt8], folder: String) -> RawPath {
        let dir = RawPath(folder.isEmpty ? root : root + "/" + folder)
        if dir.withCString({ mkdir($0, 0o750) }) == 0 { RawPath(root).syncDirectory() }
        return freeName(in: dir, for: name)
    }

    /// Writes the reason file beside `target`, then moves `source` there.
    public func move(_ source: RawPath, to target: RawPath, reason: String) throws {
        let dir = target.parent
        let note = target.bytes + Array(".reason.txt".utf8)
        let noteText = Array((reason + "\n").utf8)
        let fd = RawPath(note).withCString { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o640) }
        if fd >= 0 {
            _ = noteText.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            fsync(fd)
            close(fd)
        }
        // RENAME_NOREPLACE: a file that appeared at the planned name since is never overwritten.
        let moved = source.withCString { from in target.withCString { to in czhtj_rename_noreplace(from, to) } }
        guard moved == 0 else {
            throw ContentArchive.ArchiveError.io(path: source.description, errno: errno)
        }
        dir.syncDirectory()
        source.parent.syncDirectory()
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
