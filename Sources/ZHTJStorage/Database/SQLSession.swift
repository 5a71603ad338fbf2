import Foundation
import GRDB

/// The arguments of a statement, bound in order to its `?`s.
typealias SQLArguments = [(any DatabaseValueConvertible)?]

/// One transaction's connection, on either engine: every query of the registry goes through it, so one body of SQL
/// and logic serves SQLite and PostgreSQL. On SQLite it hands each call to GRDB unchanged; on PostgreSQL the
/// statement is translated once (`PGDialect`) and run by libpq, and the rows come back as GRDB `Row`s, so the
/// code that reads them does not know the engine. Read columns by name: a PostgreSQL row does not keep their order. Where the two engines need different SQL the caller asks
/// `isPostgres`.
final class SQLSession {
    enum Engine {
        case sqlite(Database)
        case postgres(PGConnection)
    }

    let engine: Engine

    init(_ engine: Engine) {
        self.engine = engine
    }

    var isPostgres: Bool {
        if case .postgres = engine { return true }
        return false
    }

    /// The SQLite connection, for what only SQLite has (its migrator, the online backup, PRAGMAs).
    var sqlite: Database? {
        if case .sqlite(let db) = engine { return db }
        return nil
    }

    func execute(sql: String, arguments: SQLArguments = []) throws {
        switch engine {
        case .sqlite(let db): try db.execute(sql: sql, arguments: StatementArguments(arguments))
        case .postgres(let pg): try pg.query(PGDialect.translate(sql), Self.values(arguments))
        }
    }

    /// The rows a statement returns.
    func rows(sql: String, arguments: SQLArguments = []) throws -> [Row] {
        switch engine {
        case .sqlite(let db):
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
        case .postgres(let pg):
            let result = try pg.query(PGDialect.translate(sql), Self.values(arguments))
            return result.rows.map { values in Row(Dictionary(zip(result.columns, values), uniquingKeysWith: { a, _ in a })) }
        }
    }

    /// The first column of each row (on PostgreSQL straight from the result: its rows come back as GRDB rows built
    /// from a dictionary, which keep names but not the order of the columns, so positions are read here only).
    func firstColumn(sql: String, arguments: SQLArguments = []) throws -> [DatabaseValue] {
        switch engine {
        case .sqlite(let db):
            return try DatabaseValue.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
        case .postgres(let pg):
            return try pg.query(PGDialect.translate(sql), Self.values(arguments)).rows.map { $0.first ?? .null }
        }
    }

    /// The id of the row the last INSERT made.
    func lastInsertedRowID() throws -> Int64 {
        switch engine {
        case .sqlite(let db): return db.lastInsertedRowID
        case .postgres(let pg):
            let result = try pg.query("SELECT lastval()", [])
            return result.rows.first?.first.flatMap { Int64.fromDatabaseValue($0) } ?? 0
        }
    }

    /// Rows changed by the last statement.
    var changesCount: Int {
        switch engine {
        case .sqlite(let db): db.changesCount
        case .postgres(let pg): pg.changes
        }
    }

    private static func values(_ arguments: SQLArguments) -> [DatabaseValue] {
        arguments.map { $0?.databaseValue ?? .null }
    }
}

extension Row {
    static func fetchAll(_ db: SQLSession, sql: String, arguments: SQLArguments = []) throws -> [Row] {
        try db.rows(sql: sql, arguments: arguments)
    }

    static func fetchOne(_ db: SQLSession, sql: String, arguments: SQLArguments = []) throws -> Row? {
        if let sqlite = db.sqlite { return try fetchOne(sqlite, sql: sql, arguments: StatementArguments(arguments)) }
        return try db.rows(sql: sql, arguments: arguments).first
    }
}

// On SQLite these hand over to GRDB's own (no intermediate rows); on PostgreSQL they decode the rows.
extension DatabaseValueConvertible {
    static func fetchOne(_ db: SQLSession, sql: String, arguments: SQLArguments = []) throws -> Self? {
        if let sqlite = db.sqlite { return try fetchOne(sqlite, sql: sql, arguments: StatementArguments(arguments)) }
        guard let value = try db.firstColumn(sql: sql, arguments: arguments).first else { return nil }
        return Self.fromDatabaseValue(value)
    }

    /// The first column of each row; a NULL or a value of another type is an error, as in GRDB.
    static func fetchAll(_ db: SQLSession, sql: String, arguments: SQLArguments = []) throws -> [Self] {
        if let sqlite = db.sqlite { return try fetchAll(sqlite, sql: sql, arguments: StatementArguments(arguments)) }
        return try db.firstColumn(sql: sql, arguments: arguments).map { value in
            guard let decoded = Self.fromDatabaseValue(value) else {
                throw DatabaseError(resultCode: .SQLITE_MISMATCH, message: "could not decode \(Self.self) from \(value)", sql: sql)
            }
            return decoded
        }
    }
}

extension FetchableRecord {
    static func fetchAll(_ db: SQLSession, sql: String, arguments: SQLArguments = []) throws -> [Self] {
        if let sqlite = db.sqlite { return try fetchAll(sqlite, sql: sql, arguments: StatementArguments(arguments)) }
        return try db.rows(sql: sql, arguments: arguments).map { try Self(row: $0) }
    }

    static func fetchOne(_ db: SQLSession, sql: String, arguments: SQLArguments = []) throws -> Self? {
        if let sqlite = db.sqlite { return try fetchOne(sqlite, sql: sql, arguments: StatementArguments(arguments)) }
        return try db.rows(sql: sql, arguments: arguments).first.map { try Self(row: $0) }
    }
}

extension FetchableRecord where Self: TableRecord {
    /// The row whose `id` is `key`.
    static func fetchOne(_ db: SQLSession, key: Int64) throws -> Self? {
        try fetchOne(db, sql: "SELECT * FROM \(databaseTableName) WHERE id = ?", arguments: [key])
    }
}
