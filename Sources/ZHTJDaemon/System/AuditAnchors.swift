import Foundation
import Logging
import ZHTJBackup
import ZHTJCore
import ZHTJRegistry

#if canImport(Glibc)
    import Glibc
#endif

/// Anchors of the audit chain (issue 14): the chain's head (id and hash) written where the database cannot rewrite
/// it. `outbox/audit-anchors.txt` gets one line `<UTC time> <id> <hash>` a day (after the daily reminders) and on
/// `zhtj audit anchor`; the daemon only appends to it (O_APPEND, synced). `zhtj audit verify` checks the chain against
/// every line it can read: a chain shorter than an anchor, or whose row at the anchor's id has another hash, means
/// rows were removed or rewritten after the anchor's time.
struct AuditAnchors {
    let file: String
    /// `backup.dir`: each snapshot's manifest holds the chain's head at the backup, another anchor.
    let backupDir: String?

    /// `outbox/restored.txt`, written by `zhtj admin restore`.
    let restoredFile: String

    init(layout: StorageLayout, backupDir: String? = nil) {
        file = layout.outbox + "/audit-anchors.txt"
        restoredFile = layout.outbox + "/restored.txt"
        self.backupDir = backupDir
    }

    struct Anchor: Equatable {
        var at: String
        var id: Int64
        var hash: String
        /// Where it was read: the anchors file or a backup manifest.
        var source: String = ""
    }

    /// Appends the head of `database`'s chain; returns the line (nil for an empty chain).
    @discardableResult
    func append(_ database: any Registry, now: Date) throws -> String? {
        guard let head = try database.auditHead() else { return nil }
        let line = "\(UTCStamp.string(now)) \(head.id) \(head.hash)"
        let fd = open(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o640)
        guard fd >= 0 else { throw ZHTJError.storage("open \(file): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard Syscall.writeAll(fd, Array((line + "\n").utf8)), fsync(fd) == 0 else {
            throw ZHTJError.storage("write \(file): \(String(cString: strerror(errno)))")
        }
        return line
    }

    /// Runs `audit.anchorHook` with `line` on stdin, in the background (a witness outside the machine); its failure is
    /// logged, never fatal.
    static func witness(_ line: String, settings: DaemonSettings, logger: Logger) {
        guard let hook = settings.anchorHook else { return }
        DispatchQueue.global().async {
            let env = ["ZHTJ_ANCHOR": line, "PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", "LANG": "C.UTF-8"]
            let status = ReminderDelivery.run(hook, input: Data((line + "\n").utf8), environment: env, timeout: Double(settings.hookTimeoutSeconds))
            if status == 0 {
                logger.info("audit anchor hook delivered", metadata: ["zhtj.anchor": "\(line)"])
            } else {
                logger.error("audit anchor hook failed", metadata: ["zhtj.anchor": "\(line)", "zhtj.error": "\(status.map { "exit status \($0)" } ?? "timed out")"])
            }
        }
    }

    /// Every well-formed line of the file (none when it does not exist).
    func read() -> [Anchor] {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 3, let id = Int64(parts[1]), parts[2].count == 64 else { return nil }
            return Anchor(at: String(parts[0]), id: id, hash: String(parts[2]), source: file)
        }
    }

    /// The heads in the manifests of `backup.dir`'s snapshots. Those made after a snapshot this registry was restored
    /// from, and before the restore, name rows the restore did not bring back: they are left out. `outbox/restored.txt`
    /// (written by `zhtj admin restore`) has a line `<restored at> <snapshot's time> <snapshot> <newer snapshots>`.
    func readManifests() -> (anchors: [Anchor], leftOut: [String]) {
        guard let backupDir else { return ([], []) }
        let folder = BackupFolder(dir: backupDir)
        let snapshots = folder.completeSnapshots()
        var windows: [(from: String, to: String)] = []
        var superseded = Set<String>()
        var leftOut: [String] = []
        // A line counts only when it is what a restore writes: two times, and a snapshot of this folder made at the
        // second of them; the later snapshots it names come after that one. Anything else is reported, not obeyed;
        // and every manifest left out is listed by `audit verify` (a forged line shows there).
        for line in ((try? String(contentsOfFile: restoredFile, encoding: .utf8)) ?? "").split(separator: "\n") {
            let parts = line.split(separator: " ").map(String.init)
            let stamp = ISO8601DateFormatter()
            guard parts.count == 4, stamp.date(from: parts[0]) != nil, stamp.date(from: parts[1]) != nil,
                snapshots.contains(parts[2]), folder.manifest(parts[2]).map({ UTCStamp.string($0.createdAt) }) == parts[1]
            else {
                leftOut.append("\(restoredFile): a line that is not a restore of a snapshot in \(backupDir) was ignored: \(line.prefix(120))")
                continue
            }
            windows.append((parts[1], parts[0]))
            superseded.formUnion(parts[3].split(separator: ",").map(String.init).filter { $0 > parts[2] })
        }
        var anchors: [Anchor] = []
        for name in snapshots {
            let source = folder.snapshots + "/" + name + "/MANIFEST.json"
            guard let manifest = folder.manifest(name) else {
                leftOut.append("\(source): cannot be read")
                continue
            }
            guard let head = manifest.auditHead else { continue }
            let at = UTCStamp.string(manifest.createdAt)
            if superseded.contains(name) || windows.contains(where: { at > $0.from && at <= $0.to }) {
                leftOut.append("\(source): made before a restore of an older snapshot (\(restoredFile))")
                continue
            }
            anchors.append(Anchor(at: at, id: head.id, hash: head.hash, source: source))
        }
        return (anchors, leftOut)
    }

    /// The breaks the anchors show in `database`'s chain, and the backup manifests left out (read once).
    func check(_ database: any Registry) throws -> (breaks: [AuditVerifyResult.Break], leftOut: [String]) {
        var breaks: [AuditVerifyResult.Break] = []
        let manifests = readManifests()
        for anchor in read() + manifests.anchors {
            guard let hash = try database.auditRowHash(id: anchor.id) else {
                breaks.append(.init(row: anchor.id, sha256: nil, problem: "rows removed after \(anchor.at): the anchor in \(anchor.source) names row \(anchor.id), which is gone"))
                continue
            }
            if hash != anchor.hash {
                breaks.append(.init(row: anchor.id, sha256: nil, problem: "rows removed or rewritten after \(anchor.at): row \(anchor.id)'s hash is not the one in \(anchor.source)"))
            }
        }
        return (breaks, manifests.leftOut)
    }
}
