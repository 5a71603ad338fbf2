import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

extension AppDatabase {
    /// v10 (issue 14): `backupRun`, one row per backup that ended, its report as JSON. Frozen SQL, like every
    /// migration.
    static func registerBackupMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v10-backup-runs") { db in
            try db.execute(
                sql: """
                    CREATE TABLE backupRun (
                        id INTEGER PRIMARY KEY,
                        startedAt TEXT NOT NULL,
                        ok BOOLEAN NOT NULL,
                        report TEXT NOT NULL
                    );
                    CREATE INDEX backupRun_ok ON backupRun(ok, id);
                    """)
        }
    }

    public func copyDatabase(to path: String, progress: @escaping (Int, Int) throws -> Void) throws -> DatabaseCopy {
        // 1024 pages a step: a progress report every 4 MiB.
        try copyDatabase(to: path, pagesPerStep: 1024, progress: progress)
    }

    /// A pool's backup reads in one read transaction, so the steps copy one moment however the writes go on.
    func copyDatabase(to path: String, pagesPerStep: Int32, progress: @escaping (Int, Int) throws -> Void) throws -> DatabaseCopy {
        guard let writer = sqliteWriter else {
            throw ZHTJError.storage(
                "zhtj admin backup copies a SQLite registry; this one is on PostgreSQL (\(self.path)): back it up with pg_dump or base "
                    + "backups beside the archive's copy (docs/scale-out.md)")
        }
        do {
            let destination = try DatabaseQueue(path: path)
            try writer.backup(to: destination, pagesPerStep: pagesPerStep) { step in
                try progress(step.totalPageCount - step.remainingPageCount, step.totalPageCount)
            }
            // The copy becomes one self-contained file (no -wal beside it), which is what its hash covers.
            let mode = try destination.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") }
            guard mode == "delete" else { throw ZHTJError.storage("the copy \(path) stayed in journal mode \(mode ?? "?")") }
            let copy = try destination.read { try Self.describeCopy(SQLSession(.sqlite($0))) }
            try destination.close()
            return copy
        } catch let error as DatabaseError {
            // After a failed backup step the destination's message is often "not an error": the code says more.
            let detail = error.resultCode == .SQLITE_FULL
                ? "the disk is full (SQLITE_FULL): free space or choose another folder"
                : "SQLite error \(error.resultCode.rawValue)" + (error.message.map { $0 == "not an error" ? "" : ": \($0)" } ?? "")
            throw ZHTJError.storage("copying the database to \(path): \(detail)")
        }
    }

    /// Reads a database copy without changing a byte of it (read-only, no journal written): its integrity, schema,
    /// documents, audit head and counts. For `zhtj admin restore`, before anything is restored.
    public static func inspectCopy(at path: String) throws -> DatabaseCopy {
        var config = Configuration()
        config.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            return try queue.read { try describeCopy(SQLSession(.sqlite($0))) }
        } catch let error as DatabaseError {
            throw ZHTJError.storage("\(path) is not a readable database copy: \(error.message ?? "\(error)")")
        }
    }

    static func describeCopy(_ db: SQLSession) throws -> DatabaseCopy {
        let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        guard integrity == ["ok"] else {
            return DatabaseCopy(
                integrity: integrity, migrations: [], documentHashes: [], auditHeadID: nil, auditHeadHash: nil, orgs: 0, members: 0, versions: 0,
                auditRows: 0)
        }
        let head = try Row.fetchOne(db, sql: "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")
        func count(_ table: String) throws -> Int { try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
        return DatabaseCopy(
            integrity: integrity, migrations: try migrator.appliedMigrations(try required(db.sqlite, "a SQLite copy")),
            documentHashes: try String.fetchAll(db, sql: "SELECT sha256 FROM document ORDER BY sha256"),
            auditHeadID: head?["id"], auditHeadHash: head?["hash"], orgs: try count("org"), members: try count("member"),
            versions: try count("archiveVersion"), auditRows: try count("audit"))
    }

    public func recordBackup(_ run: BackupRun) throws {
        let report = String(decoding: try Self.reportEncoder.encode(run), as: UTF8.self)
        try write { db in
            try db.execute(
                sql: "INSERT INTO backupRun (startedAt, ok, report) VALUES (?, ?, ?)", arguments: [Self.stamp(run.startedAt), run.ok, report])
        }
    }

    public func lastBackups() throws -> (last: BackupRun?, lastGood: BackupRun?) {
        try read { db in
            func run(_ sql: String) throws -> BackupRun? {
                try String.fetchOne(db, sql: sql).flatMap { try? Self.reportDecoder.decode(BackupRun.self, from: Data($0.utf8)) }
            }
            return (
                try run("SELECT report FROM backupRun ORDER BY id DESC LIMIT 1"),
                try run("SELECT report FROM backupRun WHERE ok = 1 ORDER BY id DESC LIMIT 1")
            )
        }
    }

    public func auditStart() throws -> Date? {
        try read { db in
            guard let text = try String.fetchOne(db, sql: "SELECT at FROM audit ORDER BY id LIMIT 1") else { return nil }
            let formatter = ISO8601DateFormatter()
            if let date = formatter.date(from: text) { return date }
            formatter.formatOptions.insert(.withFractionalSeconds)
            return formatter.date(from: text)
        }
    }

    private static var reportEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return encoder
    }

    private static var reportDecoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
