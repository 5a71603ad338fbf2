import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

/// `zhtj admin migrate --to postgres://…` (issue 15): copies a SQLite registry into an empty PostgreSQL database in one
/// PostgreSQL transaction, then checks the copy: the row count of every table, the audit chain verified on the
/// target (same rows, same head), the same archived documents, and the tallies equal to a recount. What triggers keep
/// (ancestors, name suffixes, tallies, due counts, member counts) is not copied: the org ancestors come from the
/// target's trigger, the rest is rebuilt set-based after the copy (`PostgresBulk.rebuildDerived`).
public enum RegistryMigration {
    /// The tables copied, parents before children; `skip`: columns the target computes.
    static let tables: [(name: String, skip: Set<String>)] = [
        ("org", ["memberCount"]), ("admin", []), ("registrationCode", []), ("redemptionFailure", []), ("member", ["dueDate"]),
        ("document", []), ("upload", []), ("changeRequest", []), ("archiveVersion", []), ("audit", []), ("reminderSent", []),
        ("hookDelivery", []), ("transfer", []), ("backupRun", []), ("leaveRequest", []), ("transferRequest", []),
        ("distinction", []), ("feePayment", []), ("memberAccount", []), ("cadre", []), ("cadrePost", []), ("orgKeyArea", []),
    ]

    /// Rows read and written at a time.
    static let chunk = 1000

    public struct Report: Codable, Sendable {
        public var source: String
        public var target: String
        public var tables: [TableCount]
        public var auditRows: Int
        public var auditHeadID: Int64?
        public var auditHeadHash: String?
        public var documents: Int
        public var seconds: Double
    }

    public struct TableCount: Codable, Sendable, Equatable {
        public var table: String
        public var rows: Int
    }

    public enum MigrationError: Error, CustomStringConvertible {
        case noSource(String)
        case targetNotEmpty(String, table: String, rows: Int)
        case mismatch(String)

        public var description: String {
            switch self {
            case .noSource(let path):
                "没有 SQLite 登记库 / there is no SQLite registry at \(path): give the storage root zhtjd ran on (--storage DIR)."
            case .targetNotEmpty(let url, let table, let rows):
                "目标数据库不是空的 / the target database \(url) is not empty (\(table): \(rows) rows): migrate into a new database "
                    + "(createdb NAME), never over a registry."
            case .mismatch(let detail):
                "迁移校验失败，目标库已回滚 / the copy did not check out and was rolled back: \(detail). The SQLite registry is "
                    + "unchanged; report this with the command's output."
            }
        }
    }

    /// Copies `sqlitePath` (the caller has checked it exists: opening creates a missing one) into `postgresURL` and
    /// checks the copy. `progress` gets (table, rows done, rows in all).
    public static func run(sqlitePath: String, postgresURL: String, progress: (String, Int, Int) -> Void) throws -> Report {
        let started = Date()
        let source = try AppDatabase(path: sqlitePath)
        defer { try? source.close() }
        let target = try AppDatabase(postgresURL: postgresURL, connections: 2)
        defer { try? target.close() }
        let counts = try source.read { db in
            try tables.map { TableCount(table: $0.name, rows: try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0.name)") ?? 0) }
        }
        let sourceCheck = try source.verifyAuditChain()
        let sourceHead = try source.auditHead()
        try target.write { db in
            for table in tables {
                let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.name)") ?? 0
                if rows > 0 { throw MigrationError.targetNotEmpty(target.path, table: table.name, rows: rows) }
            }
            // The derived data (member counts, suffixes, latest states, tallies) is rebuilt once, set-based, after
            // the copy: per-row triggers would update the same few rows once per member (PostgresBulk).
            try PostgresBulk.begin(db)
            for (table, count) in zip(tables, counts) {
                let names = try copy(table.name, skipping: table.skip, rows: count.rows, from: source, into: db, progress: progress)
                // The identity column goes on after the largest copied id.
                if names.contains("id") {
                    try db.execute(
                        sql: "SELECT setval(pg_get_serial_sequence('\(table.name.lowercased())', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM \(table.name)), false)")
                }
            }
            progress("rebuild", 0, 1)
            try PostgresBulk.rebuildDerived(db)
            try PostgresBulk.end(db)
            progress("rebuild", 1, 1)
            // Checked inside the transaction: a copy that does not check out is never committed.
            for count in counts {
                let copied = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(count.table)") ?? -1
                if copied != count.rows { throw MigrationError.mismatch("\(count.table): \(count.rows) rows in SQLite, \(copied) copied") }
            }
        }
        // Fresh statistics for the planner: without them the first queries run before autovacuum's ANALYZE plan
        // blind (a reminder took 24 ms instead of 5 in the benchmark).
        try target.write { db in try db.execute(sql: "ANALYZE") }
        let check = try target.verifyAuditChain()
        guard check.breaks.isEmpty, check.rows == sourceCheck.rows else {
            throw MigrationError.mismatch("the audit chain on PostgreSQL: \(check.rows) rows, \(check.breaks.count) breaks (\(check.breaks.first?.problem ?? ""))")
        }
        guard try target.auditHead()?.hash == sourceHead?.hash, check.documentHashes == sourceCheck.documentHashes else {
            throw MigrationError.mismatch("the audit head or the archived documents differ")
        }
        let tallies = try target.tallyDifferences()
        guard tallies.isEmpty else { throw MigrationError.mismatch("\(tallies.count) tallies differ from a recount") }
        return Report(
            source: sqlitePath, target: target.path, tables: counts, auditRows: check.rows, auditHeadID: sourceHead?.id,
            auditHeadHash: sourceHead?.hash, documents: check.documentHashes.count, seconds: Date().timeIntervalSince(started))
    }

    /// The columns of a SQLite table, in order.
    static func columns(of table: String, in source: AppDatabase) throws -> [String] {
        try source.read { db in try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String } }
    }

    /// One table, `chunk` rows at a time in rowid order, each chunk one multi-row INSERT; returns the columns copied.
    @discardableResult
    private static func copy(
        _ table: String, skipping skip: Set<String>, rows: Int, from source: AppDatabase, into db: SQLSession,
        progress: (String, Int, Int) -> Void
    ) throws -> [String] {
        let names = try columns(of: table, in: source).filter { !skip.contains($0) }
        let list = names.joined(separator: ", ")
        let placeholders = "(" + names.map { _ in "?" }.joined(separator: ", ") + ")"
        var after: Int64 = Int64.min
        var done = 0
        progress(table, 0, rows)
        while true {
            let batch = try source.read { sqlite in
                try Row.fetchAll(
                    sqlite, sql: "SELECT rowid AS copyRowID, \(list) FROM \(table) WHERE rowid > ? ORDER BY rowid LIMIT ?",
                    arguments: [after, chunk])
            }
            guard let last = batch.last else { break }
            after = last["copyRowID"]
            let values: SQLArguments = batch.flatMap { row in names.map { name -> (any DatabaseValueConvertible)? in row[name] as DatabaseValue } }
            try db.execute(
                sql: "INSERT INTO \(table) (\(list)) VALUES " + Array(repeating: placeholders, count: batch.count).joined(separator: ", "),
                arguments: values)
            done += batch.count
            progress(table, done, rows)
        }
        return names
    }
}
