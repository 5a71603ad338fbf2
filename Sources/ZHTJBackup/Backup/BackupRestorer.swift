import Foundation
import ZHTJCore
import ZHTJFiles
import ZHTJRegistry
import ZHTJStorage

#if canImport(Glibc)
    import Glibc
#endif

/// Restores a snapshot into an empty storage root, with the daemon stopped (issue 14). Everything is checked
/// against the manifest and the database copy before the restore counts: the copy's hash, its integrity, its audit
/// head; every archived document's object; every refused file; the anchors. A damaged backup is refused with the
/// list of what is wrong, and the target is left as it was found (nothing half-restored).
public struct BackupRestorer {
    public let snapshot: String
    public let folder: BackupFolder
    public let layout: StorageLayout
    public let progress: (String, Int, Int) -> Void

    public struct Report: Codable, Sendable {
        public var snapshot: String
        public var storageRoot: String
        public var createdAt: Date
        public var members: Int
        public var documents: Int
        public var versions: Int
        public var auditRows: Int
        public var refusedFiles: Int
        public var auditHeadID: Int64?
        public var auditHeadHash: String?
        /// The configuration at backup time, if one was backed up (not restored: the daemon reads its own).
        public var configFile: String?
        public var startCommand: String
    }

    /// Only check (`zhtj admin restore DIR --check`): every hash is read and the database copy verified in a temporary
    /// folder, removed afterwards; the archive is not copied anywhere.
    public let checkOnly: Bool

    /// Restores into `target`; with no target, only checks.
    public init(from path: String, snapshot name: String?, target: String?, progress: @escaping (_ phase: String, _ done: Int, _ total: Int) -> Void) throws {
        (folder, snapshot) = try BackupFolder.locate(path, snapshot: name)
        checkOnly = target == nil
        layout = StorageLayout(root: target ?? FileManager.default.temporaryDirectory.path + "/zhtj-check-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        self.progress = progress
    }

    public func restore() throws -> Report {
        // A check leaves nothing behind, whatever happens (the temporary folder holds a copy of the database).
        defer { if checkOnly { FileCopy.removeTree(RawPath(layout.root)) } }
        let manifestPath = snapshot + "/MANIFEST.json"
        let manifest: BackupManifest
        do {
            manifest = try BackupManifest.decoder.decode(BackupManifest.self, from: Data(contentsOf: URL(fileURLWithPath: manifestPath)))
        } catch {
            throw BackupError.badManifest(path: manifestPath, detail: "\(error)")
        }
        guard manifest.format == 1 else { throw BackupError.badManifest(path: manifestPath, detail: "format \(manifest.format) is newer than this zhtj knows (1)") }
        // Names that would lead outside the target, hashes that are no hashes: a manifest that was tampered with.
        let unsafe = manifest.unsafeEntries()
        guard unsafe.isEmpty else { throw BackupError.badManifest(path: manifestPath, detail: unsafe.prefix(5).joined(separator: "; ")) }
        try requireEmptyTarget()

        // The database copy first: it names the archive's objects.
        progress("database", 0, 1)
        let dbFile = snapshot + "/" + manifest.database.file
        guard let db = try FileCopy.hash(RawPath(dbFile)) else { throw BackupError.damaged(["the database copy \(dbFile) is missing"]) }
        guard db.sha256 == manifest.database.sha256, db.bytes == manifest.database.bytes else {
            throw BackupError.damaged(["the database copy \(dbFile) does not match the manifest's hash: it changed after the backup"])
        }
        let copy: DatabaseCopy
        do {
            copy = try AppDatabase.inspectCopy(at: dbFile)
        } catch {
            throw BackupError.databaseUnreadable("\(error)")
        }
        guard copy.integrity == ["ok"] else { throw BackupError.damaged(["integrity_check on the database copy: " + copy.integrity.prefix(3).joined(separator: "; ")]) }
        guard copy.auditHeadID == manifest.auditHead?.id, copy.auditHeadHash == manifest.auditHead?.hash else {
            throw BackupError.damaged(["the database copy's audit head is not the manifest's"])
        }

        // An empty target (checked again), locked against a daemon starting on it meanwhile, and marked: a restore
        // that stops half-way (a crash, a full disk) leaves the marker, and zhtjd will not start on that folder.
        try prepareTarget()
        var locks: [InstanceLock] = []
        defer { withExtendedLifetime(locks) {} }
        var problems: [String] = []
        do {
            // Both locks a daemon takes: one started meanwhile with another runtime folder is kept out too.
            locks.append(try InstanceLock(path: layout.lock))
            try layout.createDatabaseFolder()
            locks.append(try InstanceLock(path: layout.databaseLock, database: true))
            // Opened before the first write: its `syncfs` after the database copy reports every write-back error.
            let disk = try FileCopy.openFileSystem(layout.root)
            try FileCopy.writeDurably(Array("restore of \(snapshot) started\n".utf8), to: layout.restoreMarker, mode: 0o600)
            try layout.create(groupID: nil)
            problems = try restoreFiles(manifest, copy)
            if problems.isEmpty { problems = try restoreDatabase(RawPath(dbFile), manifest, disk: disk) }
        } catch {
            // A local failure (the target's disk, its permissions) is not the backup's fault: said as it is.
            emptyTarget()
            throw error
        }
        guard problems.isEmpty else {
            emptyTarget()
            throw BackupError.damaged(problems)
        }
        if checkOnly { return report(manifest, copy) }
        // Anchors newer than this snapshot (in the manifests of later backups) name rows this registry never got:
        // `audit verify` leaves them out from now on (docs/operations.md).
        // The line names them by time and, for a clock that was off, by name (those in the backup folder now).
        let newer = folder.completeSnapshots().filter { $0 > manifest.snapshot }
        // Appended to the lines of earlier restores, which the snapshot carried.
        let line = "\(UTCStamp.string(Date())) \(UTCStamp.string(manifest.createdAt)) \(manifest.snapshot) \(newer.isEmpty ? "-" : newer.joined(separator: ","))\n"
        let earlier = FileManager.default.contents(atPath: layout.outbox + "/restored.txt").map(Array.init) ?? []
        try FileCopy.writeDurably(earlier + Array(line.utf8), to: layout.outbox + "/restored.txt", mode: 0o640)
        guard unlink(layout.restoreMarker) == 0 else { throw BackupError.io(path: layout.restoreMarker, errno: errno) }
        RawPath(layout.root).syncDirectory()
        return report(manifest, copy)
    }

    private func report(_ manifest: BackupManifest, _ copy: DatabaseCopy) -> Report {
        Report(
            snapshot: (snapshot as NSString).lastPathComponent, storageRoot: checkOnly ? "" : layout.root, createdAt: manifest.createdAt, members: copy.members,
            documents: copy.documentHashes.count, versions: copy.versions, auditRows: copy.auditRows, refusedFiles: manifest.refused.count,
            auditHeadID: copy.auditHeadID, auditHeadHash: copy.auditHeadHash, configFile: manifest.config.map { snapshot + "/" + $0.path },
            startCommand: checkOnly ? "" : "zhtjd --storage \(layout.root)")
    }

    /// The target must not exist or be an empty folder.
    private func requireEmptyTarget() throws {
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: layout.root), !entries.isEmpty {
            throw BackupError.targetNotEmpty(layout.root)
        }
    }

    /// Checked again just before the first write (the database checks took time), then the root and its run folder.
    private func prepareTarget() throws {
        try requireEmptyTarget()
        try layout.createRunFolder()
    }

    /// Takes the target back to empty after a refused restore (the folder itself stays).
    private func emptyTarget() {
        for name in RawPath(layout.root).entries() ?? [] { FileCopy.removeTree(RawPath(layout.root).appending(name)) }
    }

    /// Copies a file into the target, hashing it; when only checking, hashes it where it is.
    private func place(_ source: RawPath, at target: RawPath, mode: mode_t) throws -> (sha256: String, bytes: Int64)? {
        if checkOnly { return try FileCopy.hash(source) }
        try FileCopy.makeDirectories(target.parent, mode: target.bytes.starts(with: Array(layout.refused.utf8)) ? 0o750 : 0o700)
        return try FileCopy.copy(source, to: target, mode: mode)
    }

    /// The archive's objects, `refused/` and the anchors, each checked against its hash as it is copied.
    private func restoreFiles(_ manifest: BackupManifest, _ copy: DatabaseCopy) throws -> [String] {
        var problems: [String] = []
        for (index, sha) in copy.documentHashes.enumerated() {
            if index % 50 == 0 { progress("objects", index, copy.documentHashes.count) }
            guard let relative = ArchiveLayout.relativePath(sha256: sha) else {
                problems.append("a document hash in the database copy is not a hash: \(sha)")
                continue
            }
            let copied = try place(RawPath(folder.objectPath(sha)), at: RawPath(layout.archive + "/" + relative), mode: 0o400)
            if copied == nil {
                problems.append("archive object \(sha) is missing from \(folder.objects)")
            } else if copied?.sha256 != sha {
                problems.append("archive object \(sha) is damaged (its content has another hash)")
            }
        }
        progress("objects", copy.documentHashes.count, copy.documentHashes.count)
        for (index, entry) in manifest.refused.enumerated() {
            if index % 50 == 0 { progress("refused", index, manifest.refused.count) }
            let target = RawPath(Array((layout.refused + "/").utf8) + entry.pathBytes)
            let copied = try place(RawPath(folder.objectPath(entry.sha256)), at: target, mode: 0o640)
            if copied?.sha256 != entry.sha256 { problems.append("refused/\(entry.path): its object \(entry.sha256) is \(copied == nil ? "missing" : "damaged")") }
        }
        if let anchors = manifest.anchors {
            let copied = try place(RawPath(snapshot + "/" + anchors.path), at: RawPath(layout.outbox + "/audit-anchors.txt"), mode: 0o640)
            if copied?.sha256 != anchors.sha256 { problems.append("\(anchors.path) is \(copied == nil ? "missing" : "damaged")") }
        }
        if let restored = manifest.restored {
            let copied = try place(RawPath(snapshot + "/" + restored.path), at: RawPath(layout.outbox + "/restored.txt"), mode: 0o640)
            if copied?.sha256 != restored.sha256 { problems.append("\(restored.path) is \(copied == nil ? "missing" : "damaged")") }
        }
        if let config = manifest.config, try FileCopy.hash(RawPath(snapshot + "/" + config.path))?.sha256 != config.sha256 {
            problems.append("\(config.path) is missing or damaged")
        }
        return problems
    }

    /// The database last: copied, checked against the manifest, opened (migrated when the backup is older than this
    /// zhtj), its audit chain verified row by row.
    private func restoreDatabase(_ source: RawPath, _ manifest: BackupManifest, disk: FileSystemHandle) throws -> [String] {
        progress("database", 0, 1)
        let copied = try FileCopy.copy(source, to: RawPath(layout.database), mode: 0o600)
        guard copied?.sha256 == manifest.database.sha256 else { return ["the database copy changed while it was restored"] }
        try FileCopy.sync(disk)
        let database = try AppDatabase(path: layout.database)
        defer { try? database.close() }
        let chain = try database.verifyAuditChain()
        var problems = chain.breaks.map { "audit row \($0.row.map(String.init) ?? "?"): \($0.problem)" }
        if let head = try database.auditHead(), head.id != manifest.auditHead?.id || head.hash != manifest.auditHead?.hash {
            problems.append("the restored audit head \(head.id) is not the manifest's")
        }
        progress("database", 1, 1)
        return problems
    }
}
