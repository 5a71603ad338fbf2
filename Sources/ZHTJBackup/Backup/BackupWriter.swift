import Foundation
import ZHTJCore
import ZHTJFiles
import ZHTJRegistry

#if canImport(Glibc)
    import Glibc
#endif

/// Writes one snapshot into a backup folder while the daemon runs (issue 14):
/// 1. the database, through SQLite's online backup API (one consistent moment; ingest and decisions go on);
/// 2. every archived document the copy names, by hash, into `objects/` unless already there (or hard-linked);
/// 3. `refused/` (the refused files and their reasons), by hash into `objects/`, listed in the manifest;
/// 4. the audit anchors file (copied first, so its lines name rows the copy has) and the configuration file;
/// 5. the check: `integrity_check` on the copy (done in step 1), every copied object hashed again as written;
/// 6. one `syncfs`, then `MANIFEST.json`, then the rename of `<name>.partial` to `<name>`.
/// Anything failing stops it with `BackupError`; the partial snapshot is removed, so a failed backup never looks
/// like a good one (objects already written stay: each is whole and named by its hash).
public struct BackupWriter {
    public let database: any BackupStore
    public let layout: StorageLayout
    public let configFile: String?
    public let folder: BackupFolder
    public let link: Bool
    public let progress: (String, Int, Int, Int64) throws -> Void

    public init(
        database: any BackupStore, layout: StorageLayout, configFile: String?, dir: String, link: Bool,
        progress: @escaping (_ phase: String, _ done: Int, _ total: Int, _ bytes: Int64) throws -> Void
    ) {
        self.database = database
        self.layout = layout
        self.configFile = configFile
        self.folder = BackupFolder(dir: dir)
        self.link = link
        self.progress = progress
    }

    /// Checks the folder before a job is started: absolute, neither inside the storage root nor holding it (symbolic
    /// links resolved), and new, empty or a backup folder (never a folder of other files, whose mode it would change).
    public static func validate(dir: String, layout: StorageLayout) throws {
        guard dir.hasPrefix("/") else { throw BackupError.notAbsolute(dir) }
        let clean = URL(fileURLWithPath: dir).standardizedFileURL.resolvingSymlinksInPath().path
        let root = URL(fileURLWithPath: layout.root).resolvingSymlinksInPath().path
        if clean == root || clean.hasPrefix(root + "/") || root.hasPrefix(clean == "/" ? "/" : clean + "/") {
            throw BackupError.insideStorage(dir: clean, root: root)
        }
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: clean), !entries.isEmpty,
            !entries.contains("objects") && !entries.contains("snapshots")
        {
            throw BackupError.notABackupFolder(clean)
        }
    }

    /// Writes the snapshot and fills `run` (snapshot, counts, head, hash); throws on any failure.
    public func write(_ run: inout BackupRun, now: () -> Date) throws {
        try Self.validate(dir: folder.dir, layout: layout)
        // A new folder is the operator's alone (0700); its parents are made like `mkdir -p`.
        var info = stat()
        if stat(folder.dir, &info) != 0 {
            try FileCopy.makeDirectories((folder.dir as NSString).deletingLastPathComponent, mode: 0o755)
            guard mkdir(folder.dir, 0o700) == 0 || errno == EEXIST else { throw BackupError.io(path: folder.dir, errno: errno) }
        }
        for path in [folder.objects, folder.snapshots] { try FileCopy.makeDirectories(path, mode: 0o700) }
        let lock = try folder.lock()
        defer { close(lock) }
        folder.removePartials()
        let name = folder.newSnapshotName(now())
        let partial = folder.snapshots + "/" + name + ".partial"
        // Opened before the first write, so its one `syncfs` at the end reports every write-back error of the backup.
        let disk = try FileCopy.openFileSystem(folder.dir)
        guard mkdir(partial, 0o700) == 0 else { throw BackupError.io(path: partial, errno: errno) }
        // The objects this backup adds: on a failure they go too (no snapshot names them), so nothing half-checked stays.
        var written: [String] = []
        do {
            try write(into: partial, name: name, run: &run, written: &written, disk: disk, now: now)
        } catch {
            FileCopy.removeTree(RawPath(partial))
            for sha in written { unlink(folder.objectPath(sha)) }
            throw error
        }
        run.snapshot = name
    }

    private func write(
        into partial: String, name: String, run: inout BackupRun, written: inout [String], disk: FileSystemHandle, now: () -> Date
    ) throws {
        // 0. The anchors first: every line in the copy then names a row the database copy has (a daily anchor
        // appended during the backup is in the next one).
        let anchors = try FileCopy.copy(RawPath(layout.outbox + "/audit-anchors.txt"), to: RawPath(partial + "/audit-anchors.txt"))
        let restored = try FileCopy.copy(RawPath(layout.outbox + "/restored.txt"), to: RawPath(partial + "/restored.txt"))

        // Each phase's seconds, for the log, `admin status` and the benchmark.
        var clock = Date()
        func lap(_ phase: String) {
            run.seconds[phase, default: 0] += Date().timeIntervalSince(clock)
            clock = Date()
        }

        // 1. The database.
        try progress("database", 0, 0, 0)
        var copied = Date()
        let copy = try database.copyDatabase(to: partial + "/zhtj.sqlite") { done, total in
            if done == total { copied = Date() }
            try progress("database", done, total, 0)
        }
        run.seconds["database copy"] = copied.timeIntervalSince(clock)
        clock = copied
        lap("database check")
        guard copy.integrity == ["ok"] else { throw BackupError.copyDamaged("integrity_check on the database copy: " + copy.integrity.prefix(3).joined(separator: "; ")) }
        // Personal data: only the daemon's user reads the copy.
        guard chmod(partial + "/zhtj.sqlite", 0o400) == 0, let db = try FileCopy.hash(RawPath(partial + "/zhtj.sqlite")) else { throw BackupError.io(path: partial + "/zhtj.sqlite", errno: ENOENT) }
        run.bytesCopied += db.bytes
        run.databaseSHA256 = db.sha256
        lap("database hash")
        run.auditHeadID = copy.auditHeadID
        run.auditHeadHash = copy.auditHeadHash

        // 2. The archive, by hash.
        for (index, sha) in copy.documentHashes.enumerated() {
            if index % 50 == 0 { try progress("objects", index, copy.documentHashes.count, run.bytesCopied) }
            guard let relative = ArchiveLayout.relativePath(sha256: sha) else { throw BackupError.copyDamaged("a document hash in the database is not a hash: \(sha)") }
            let source = RawPath(layout.archive + "/" + relative)
            var info = stat()
            guard source.withCString({ stat($0, &info) }) == 0 else {
                throw BackupError.copyDamaged("the archive file of \(sha) is missing from \(layout.archive): run `zhtj audit verify`")
            }
            if folder.hasObject(sha, bytes: Int64(info.st_size)) {
                run.objectsPresent += 1
                continue
            }
            let target = folder.objectPath(sha)
            try FileCopy.makeDirectories((target as NSString).deletingLastPathComponent, mode: 0o700)
            let damaged = BackupError.copyDamaged("the archive file \(source) does not match its hash \(sha): run `zhtj audit verify`")
            if link {
                // A link copies nothing, so the file is read once here: a damaged archive file never enters a backup.
                guard try FileCopy.hash(source)?.sha256 == sha else { throw damaged }
                if try FileCopy.link(source, to: RawPath(target)) {
                    run.objectsLinked += 1
                    continue
                }
            }
            guard let copied = try FileCopy.copy(source, to: RawPath(target), expect: sha) else { throw BackupError.io(path: source.description, errno: ENOENT) }
            guard copied.sha256 == sha else { throw damaged }
            run.objectsCopied += 1
            run.bytesCopied += copied.bytes
            written.append(sha)
        }
        try progress("objects", copy.documentHashes.count, copy.documentHashes.count, run.bytesCopied)
        lap("objects")

        // 3. refused/, by hash.
        var refused: [BackupManifest.FileEntry] = []
        let files = try Self.files(under: RawPath(layout.refused))
        for (index, file) in files.enumerated() {
            if index % 50 == 0 { try progress("refused", index, files.count, run.bytesCopied) }
            guard let content = try FileCopy.hash(file.path) else { continue }  // removed meanwhile
            if !folder.hasObject(content.sha256, bytes: content.bytes) {
                let target = folder.objectPath(content.sha256)
                try FileCopy.makeDirectories((target as NSString).deletingLastPathComponent, mode: 0o700)
                guard let copied = try FileCopy.copy(file.path, to: RawPath(target), expect: content.sha256) else { continue }
                guard copied.sha256 == content.sha256 else { throw BackupError.copyDamaged("\(file.path) changed while it was copied: run the backup again") }
                run.refusedCopied += 1
                run.bytesCopied += copied.bytes
                written.append(copied.sha256)
            }
            refused.append(.init(pathBytes: file.relative, sha256: content.sha256, bytes: content.bytes))
        }
        run.refusedFiles = refused.count
        lap("refused")

        // 4. The configuration.
        var config: (sha256: String, bytes: Int64)? = nil
        if let configFile, FileManager.default.fileExists(atPath: configFile) {
            try FileCopy.makeDirectories(partial + "/config", mode: 0o700)
            config = try FileCopy.copy(RawPath(configFile), to: RawPath(partial + "/config/zhtjd.json"))
        }

        // 5. The check of what was written: every new object read back and hashed.
        for (index, sha) in written.enumerated() {
            if index % 50 == 0 { try progress("verify", index, written.count, run.bytesCopied) }
            guard try FileCopy.hash(RawPath(folder.objectPath(sha)))?.sha256 == sha else {
                throw BackupError.copyDamaged("the object \(sha) read back from \(folder.objects) does not match its hash")
            }
        }

        lap("verify")

        // 6. Durable, then the manifest, then the name.
        try progress("manifest", 0, 1, run.bytesCopied)
        try FileCopy.sync(disk)
        let manifest = BackupManifest(
            snapshot: name, createdAt: run.startedAt, finishedAt: now(), storageRoot: layout.root,
            database: .init(file: "zhtj.sqlite", sha256: db.sha256, bytes: db.bytes, migrations: copy.migrations),
            auditHead: copy.auditHeadID.map { BackupManifest.AuditHead(id: $0, hash: copy.auditHeadHash ?? "") },
            counts: .init(
                orgs: copy.orgs, members: copy.members, versions: copy.versions, documents: copy.documentHashes.count, auditRows: copy.auditRows,
                refusedFiles: refused.count),
            refused: refused, anchors: anchors.map { .init(pathBytes: Array("audit-anchors.txt".utf8), sha256: $0.sha256, bytes: $0.bytes) },
            config: config.map { .init(pathBytes: Array("config/zhtjd.json".utf8), sha256: $0.sha256, bytes: $0.bytes) },
            restored: restored.map { .init(pathBytes: Array("restored.txt".utf8), sha256: $0.sha256, bytes: $0.bytes) })
        try FileCopy.writeDurably(Array(try BackupManifest.encoder.encode(manifest)), to: partial + "/MANIFEST.json")
        let final = folder.snapshots + "/" + name
        guard rename(partial, final) == 0 else { throw BackupError.io(path: final, errno: errno) }
        RawPath(folder.snapshots).syncDirectory()
        lap("sync and manifest")
    }

    /// Every regular file under `root` (recursively), with its path relative to `root` as bytes. A folder that cannot
    /// be read stops the backup (its files would be missing from it); one removed meanwhile is skipped.
    static func files(under root: RawPath) throws -> [(path: RawPath, relative: [UInt8])] {
        var out: [(RawPath, [UInt8])] = []
        func walk(_ dir: RawPath, _ prefix: [UInt8]) throws {
            guard let entries = dir.entries() else {
                if errno == ENOENT { return }
                throw BackupError.io(path: dir.description, errno: errno)
            }
            for name in entries.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                let path = dir.appending(name)
                var info = stat()
                guard path.withCString({ lstat($0, &info) }) == 0 else {
                    if errno == ENOENT { continue }
                    throw BackupError.io(path: path.description, errno: errno)
                }
                let relative = prefix.isEmpty ? name : prefix + [UInt8(ascii: "/")] + name
                switch info.st_mode & S_IFMT {
                case S_IFDIR: try walk(path, relative)
                case S_IFREG: out.append((path, relative))
                default: continue
                }
            }
        }
        try walk(root, [])
        return out
    }
}
