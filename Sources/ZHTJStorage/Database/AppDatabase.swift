import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

/// The registry's database: SQLite (`init(path:)`: WAL, `synchronous=FULL`, a busy timeout, migrations and a quick
/// check at open) or PostgreSQL (`init(postgresURL:)`, issue 15). One body of SQL and logic serves both through
/// `SQLSession`. Writes go through `write(_:)`, one at a time on either engine: `BEGIN IMMEDIATE` on SQLite, a
/// transaction-scoped advisory lock on PostgreSQL (so several daemons on one PostgreSQL write in turn, as the
/// threads of one daemon do on SQLite).
public final class AppDatabase: Sendable {
    enum Engine: Sendable {
        case sqlite(any DatabaseWriter)
        case postgres(PGPool)
    }

    let engine: Engine
    /// The database file (`:memory:` for an in-memory database), or the PostgreSQL URL without its password.
    public let path: String
    /// What the schema check at open put back (empty when nothing was missing or changed); also in the audit chain.
    public let schemaRepairs: [String]

    public enum OpenError: Error, CustomStringConvertible {
        case damaged(path: String, detail: String)
        case cannotOpen(path: String, detail: String)

        public var description: String {
            switch self {
            case .damaged(let path, let detail):
                """
                数据库已损坏，已停止启动 / the database is damaged, so zhtjd will not start: \(path): \(detail)
                恢复方法 / to restore: stop zhtjd; move the storage root aside (do not delete it); run \
                `zhtj admin restore BACKUP_DIR --storage NEW_ROOT` and start zhtjd on NEW_ROOT (docs/operations.md). \
                Without a backup, salvage with: sqlite3 DAMAGED.sqlite .recover | sqlite3 \(path)
                """
            case .cannotOpen(let path, let detail):
                "无法打开数据库 / cannot open the database \(path): \(detail). Check that the folder exists and belongs to the user running zhtjd."
            }
        }
    }

    /// Checks the database behind `writer` (`PRAGMA quick_check`) and migrates it: a pool for the daemon
    /// (`init(path:)`), an in-memory queue for tests (`inMemory()`).
    public init(_ writer: any DatabaseWriter) throws {
        self.engine = .sqlite(writer)
        self.path = writer.path
        do {
            let check = try writer.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            guard check == ["ok"] else {
                throw OpenError.damaged(path: path, detail: check.prefix(5).joined(separator: "; "))
            }
            try Self.migrator.migrate(writer)
            schemaRepairs = try Self.checkSchema(writer)
        } catch let error as OpenError {
            throw error
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            throw OpenError.damaged(path: path, detail: error.message ?? "\(error)")
        }
    }

    /// Opens (creating when missing) the database at `path` as a pool (WAL), checks it and migrates it.
    public convenience init(path: String) throws {
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // 64 MiB of page cache per connection (the default is 2 MiB): a large import's changed index pages stay in
            // memory until the commit instead of being spilled to the WAL and read back.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            throw OpenError.damaged(path: path, detail: error.message ?? "\(error)")
        } catch {
            throw OpenError.cannotOpen(path: path, detail: "\(error)")
        }
        try self.init(pool)
    }

    /// Connects to the PostgreSQL database `url` names (it must exist; `createdb` makes it) and migrates it, with at
    /// most `connections` connections.
    public init(postgresURL url: String, connections: Int = 8) throws {
        guard PGURL.isPostgres(url) else { throw PGError.badURL(url) }
        let pool = PGPool(url: url, size: connections)
        try pool.withConnection { try PostgresMigrator.migrate($0) }
        engine = .postgres(pool)
        path = PGURL.redacted(url)
        schemaRepairs = []
    }

    /// Whether this is the PostgreSQL engine.
    public var isPostgres: Bool {
        if case .postgres = engine { return true }
        return false
    }

    /// The SQLite connection pool or queue, for what only SQLite has (the online backup).
    var sqliteWriter: (any DatabaseWriter)? {
        if case .sqlite(let writer) = engine { return writer }
        return nil
    }

    /// The advisory lock key every write transaction takes on PostgreSQL.
    static let writeLockKey: Int64 = 0x7A68_746A_0002

    /// An empty database in memory, migrated (for tests: no files, nothing to clean up).
    public static func inMemory() throws -> AppDatabase {
        var config = Configuration()
        config.foreignKeysEnabled = true
        return try AppDatabase(DatabaseQueue(configuration: config))
    }

    /// Runs `updates` in a write transaction, one writer at a time; database errors become `ZHTJError.storage`.
    func write<T>(_ updates: (SQLSession) throws -> T) throws -> T {
        try mapped {
            switch engine {
            case .sqlite(let writer):
                return try writer.writeWithoutTransaction { db in
                    var result: T?
                    try db.inTransaction(.immediate) {
                        result = try updates(SQLSession(.sqlite(db)))
                        return .commit
                    }
                    return try required(result, "the result of the write transaction")
                }
            case .postgres(let pool):
                return try pool.withConnection { connection in
                    try Self.transaction(connection, begin: "BEGIN; SELECT pg_advisory_xact_lock(\(Self.writeLockKey))") {
                        try updates(SQLSession(.postgres(connection)))
                    }
                }
            }
        }
    }

    /// Runs `block` on a reader: one consistent moment (a SQLite read transaction; a repeatable-read, read-only
    /// PostgreSQL transaction).
    func read<T>(_ block: (SQLSession) throws -> T) throws -> T {
        try mapped {
            switch engine {
            case .sqlite(let writer):
                return try writer.read { try block(SQLSession(.sqlite($0))) }
            case .postgres(let pool):
                return try pool.withConnection { connection in
                    try Self.transaction(connection, begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
                        try block(SQLSession(.postgres(connection)))
                    }
                }
            }
        }
    }

    private static func transaction<T>(_ connection: PGConnection, begin: String, _ body: () throws -> T) throws -> T {
        try connection.execute(script: begin)
        do {
            let result = try body()
            try connection.execute(script: "COMMIT")
            return result
        } catch {
            _ = try? connection.execute(script: "ROLLBACK")
            throw error
        }
    }

    func mapped<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ZHTJError {
            throw error
        } catch let error as DatabaseError {
            throw ZHTJError.storage(error.message ?? "\(error)")
        } catch let error as PGError {
            throw ZHTJError.storage(error.description)
        }
    }

    /// The journal mode, synchronous setting and schema version, for the start-up log and tests
    /// (`postgresql`, -1 and PostgreSQL's migrations on PostgreSQL).
    public func settings() throws -> (journalMode: String, synchronous: Int, migrations: [String]) {
        switch engine {
        case .sqlite(let writer):
            return try writer.read { db in
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?"
                let sync = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
                let applied = try Self.migrator.appliedMigrations(db)
                return (mode, sync, applied)
            }
        case .postgres(let pool):
            return ("postgresql", -1, try mapped { try pool.withConnection { try PostgresMigrator.applied($0) } })
        }
    }

    /// Closes the connections (at shutdown).
    public func close() throws {
        switch engine {
        case .sqlite(let writer): try writer.close()
        case .postgres(let pool): pool.close()
        }
    }
}
