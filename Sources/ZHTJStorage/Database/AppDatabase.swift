import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

/// The daemon's SQLite database (opened with `init(path:)`): WAL, `synchronous=FULL`, a busy timeout, migrations and a quick check at open.
/// Writes go through `write(_:)`, which uses `BEGIN IMMEDIATE`.
public final class AppDatabase: Sendable {
    let writer: any DatabaseWriter
    /// The database file (`:memory:` for an in-memory database).
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
        self.writer = writer
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

    /// An empty database in memory, migrated (for tests: no files, nothing to clean up).
    public static func inMemory() throws -> AppDatabase {
        var config = Configuration()
        config.foreignKeysEnabled = true
        return try AppDatabase(DatabaseQueue(configuration: config))
    }

    /// Runs `updates` in a `BEGIN IMMEDIATE` transaction; database errors become `ZHTJError.storage`.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try updates(db)
                    return .commit
                }
                return try required(result, "the result of the write transaction")
            }
        } catch let error as ZHTJError {
            throw error
        } catch let error as DatabaseError {
            throw ZHTJError.storage(error.message ?? "\(error)")
        }
    }

    /// Runs `block` on a reader.
    func read<T>(_ block: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(block)
        } catch let error as ZHTJError {
            throw error
        } catch let error as DatabaseError {
            throw ZHTJError.storage(error.message ?? "\(error)")
        }
    }

    /// The journal mode, synchronous setting and schema version, for the start-up log and tests.
    public func settings() throws -> (journalMode: String, synchronous: Int, migrations: [String]) {
        try writer.read { db in
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?"
            let sync = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
            let applied = try Self.migrator.appliedMigrations(db)
            return (mode, sync, applied)
        }
    }

    /// Closes the connections (at shutdown).
    public func close() throws {
        try writer.close()
    }
}
