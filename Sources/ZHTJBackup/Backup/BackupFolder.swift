import Foundation
import ZHTJCore
import ZHTJFiles

#if canImport(Glibc)
    import Glibc
#endif

/// A backup folder: plain files, so `rsync -a` copies it off the machine.
///
///     DIR/objects/ab/cd/<sha256>          every archived document and refused file, once, read-only
///     DIR/snapshots/<UTC time>/           one per backup: zhtj.sqlite, audit-anchors.txt, config/, MANIFEST.json
///     DIR/snapshots/<UTC time>.partial/   a backup being written (or one that failed and was not yet cleaned)
///
/// A snapshot is complete when its `MANIFEST.json` is there; the manifest is written last.
public struct BackupFolder: Sendable {
    public let dir: String
    public var objects: String { dir + "/objects" }
    public var snapshots: String { dir + "/snapshots" }

    public init(dir: String) { self.dir = dir }

    /// Where an object lives: `objects/ab/cd/<sha256>` (the archive's layout, without `.pdf`).
    public func objectPath(_ sha256: String) -> String {
        objects + "/" + (ArchiveLayout.relativePath(sha256: sha256, suffix: "") ?? "invalid/" + sha256)
    }

    public func hasObject(_ sha256: String, bytes: Int64) -> Bool {
        var info = stat()
        return stat(objectPath(sha256), &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && Int64(info.st_size) == bytes
    }

    /// The complete snapshots, oldest first.
    public func completeSnapshots() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: snapshots)) ?? []
        return names.filter { !$0.hasSuffix(".partial") && FileManager.default.fileExists(atPath: snapshots + "/" + $0 + "/MANIFEST.json") }.sorted()
    }

    /// The manifest of a complete snapshot; nil when it cannot be read.
    public func manifest(_ name: String) -> BackupManifest? {
        guard let data = FileManager.default.contents(atPath: snapshots + "/" + name + "/MANIFEST.json") else { return nil }
        return try? BackupManifest.decoder.decode(BackupManifest.self, from: data)
    }

    /// A new snapshot's name: the UTC time, unique in the folder.
    func newSnapshotName(_ now: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let base = formatter.string(from: now)
        var name = base
        var n = 2
        while FileManager.default.fileExists(atPath: snapshots + "/" + name) || FileManager.default.fileExists(atPath: snapshots + "/" + name + ".partial") {
            name = "\(base)-\(n)"
            n += 1
        }
        return name
    }

    /// Snapshots a backup that stopped half-way left (`*.partial`): never a good backup, removed before the next.
    func removePartials() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: snapshots)) ?? [] where name.hasSuffix(".partial") {
            FileCopy.removeTree(RawPath(snapshots + "/" + name))
        }
    }

    /// An exclusive `flock` on `DIR/.lock` while a backup writes (another daemon's backup into the same folder waits
    /// for none: it is refused). Returns the descriptor to close.
    func lock() throws -> Int32 {
        let fd = open(dir + "/.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw BackupError.io(path: dir + "/.lock", errno: errno) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw BackupError.folderInUse(dir)
        }
        return fd
    }

    /// Keeps the newest `keep` complete snapshots (and always `current`, the one just written, even if the clock went
    /// back) and removes the others; returns the removed names. The objects stay: every snapshot shares them (the
    /// archive only grows).
    public func prune(keep: Int, current: String?) -> [String] {
        let complete = completeSnapshots().filter { $0 != current }
        let kept = current == nil ? keep : keep - 1
        guard complete.count > kept else { return [] }
        let removed = Array(complete.prefix(complete.count - kept))
        for name in removed { FileCopy.removeTree(RawPath(snapshots + "/" + name)) }
        return removed
    }

    /// The snapshot a restore reads: `path` itself when it holds a manifest (a snapshot folder), else `name` or the
    /// newest complete snapshot of the backup folder at `path`.
    public static func locate(_ path: String, snapshot name: String?) throws -> (folder: BackupFolder, snapshot: String) {
        let clean = URL(fileURLWithPath: path).standardizedFileURL.path
        if FileManager.default.fileExists(atPath: clean + "/MANIFEST.json") {
            let snapshots = (clean as NSString).deletingLastPathComponent
            return (BackupFolder(dir: (snapshots as NSString).deletingLastPathComponent), clean)
        }
        let folder = BackupFolder(dir: clean)
        let complete = folder.completeSnapshots()
        if let name {
            guard complete.contains(name) else { throw BackupError.noSnapshot(dir: clean + "/snapshots/" + name) }
            return (folder, folder.snapshots + "/" + name)
        }
        guard let newest = complete.last else { throw BackupError.noSnapshot(dir: clean) }
        return (folder, folder.snapshots + "/" + newest)
    }
}
