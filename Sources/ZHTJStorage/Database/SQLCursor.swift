import Foundation
import GRDB

/// Rows read one at a time: on SQLite a GRDB cursor (a large result is never held whole; a row is valid until the
/// next one is read, as in GRDB), on PostgreSQL the rows of the result.
final class SQLCursor<Element> {
    private let nextElement: () throws -> Element?

    init(_ next: @escaping () throws -> Element?) {
        nextElement = next
    }

    convenience init(_ elements: [Element]) {
        var iterator = elements.makeIterator()
        self.init { iterator.next() }
    }

    func next() throws -> Element? {
        try nextElement()
    }

    func forEach(_ body: (Element) throws -> Void) throws {
        while let element = try nextElement() { try body(element) }
    }
}

/// A statement prepared once per connection (GRDB's statement cache on SQLite), run many times in a loop.
struct SQLStatement {
    let session: SQLSession
    let sql: String
    let cached: Statement?

    func execute(arguments: SQLArguments = []) throws {
        if let cached {
            try cached.execute(arguments: StatementArguments(arguments))
        } else {
            try session.execute(sql: sql, arguments: arguments)
        }
    }
}

extension SQLSession {
    func cachedStatement(sql: String) throws -> SQLStatement {
        SQLStatement(session: self, sql: sql, cached: try sqlite?.cachedStatement(sql: sql))
    }

    /// Runs `block` in a savepoint: what it changed is undone if it throws or returns `.rollback`.
    func inSavepoint(_ block: () throws -> Database.TransactionCompletion) throws {
        if let sqlite {
            try sqlite.inSavepoint(block)
            return
        }
        try execute(sql: "SAVEPOINT registry_step")
        let completion: Database.TransactionCompletion
        do {
            completion = try block()
        } catch {
            try execute(sql: "ROLLBACK TO SAVEPOINT registry_step")
            try execute(sql: "RELEASE SAVEPOINT registry_step")
            throw error
        }
        if completion == .rollback { try execute(sql: "ROLLBACK TO SAVEPOINT registry_step") }
        try execute(sql: "RELEASE SAVEPOINT registry_step")
    }
}

extension Row {
    static func fetchOne(_ statement: SQLStatement, arguments: SQLArguments = []) throws -> Row? {
        if let cached = statement.cached { return try fetchOne(cached, arguments: StatementArguments(arguments)) }
        return try statement.session.rows(sql: statement.sql, arguments: arguments).first
    }

    static func fetchCursor(_ db: SQLSession, sql: String, arguments: SQLArguments = []) throws -> SQLCursor<Row> {
        if let sqlite = db.sqlite {
            let cursor = try fetchCursor(sqlite, sql: sql, arguments: StatementArguments(arguments))
            return SQLCursor { try cursor.next() }
        }
        return SQLCursor(try db.rows(sql: sql, arguments: arguments))
    }
}

extension FetchableRecord {
    static func fetchCursor(_ db: SQLSession, sql: String, arguments: SQLArguments = []) throws -> SQLCursor<Self> {
        if let sqlite = db.sqlite {
            let cursor = try fetchCursor(sqlite, sql: sql, arguments: StatementArguments(arguments))
            return SQLCursor { try cursor.next() }
        }
        return SQLCursor(try db.rows(sql: sql, arguments: arguments).map { try Self(row: $0) })
    }
}

/// A record whose primary key is an `id` the database gives (INTEGER PRIMARY KEY, an identity column).
protocol RowIdentified {
    var id: Int64? { get set }
}

extension MutablePersistableRecord where Self: RowIdentified {
    /// Inserts the record and gives it its new id, on either engine.
    mutating func insert(_ db: SQLSession) throws {
        if let sqlite = db.sqlite {
            try insert(sqlite)
            return
        }
        let values = try databaseDictionary.filter { !($0.key == "id" && $0.value.isNull) }.sorted { $0.key < $1.key }
        let sql = "INSERT INTO \(Self.databaseTableName) (\(values.map(\.key).joined(separator: ", "))) VALUES ("
            + values.map { _ in "?" }.joined(separator: ", ") + ") RETURNING id"
        let row = try db.rows(sql: sql, arguments: values.map(\.value))
        let id: Int64 = try required(row.first?["id"], "the id of the new \(Self.databaseTableName) row")
        self.id = id
    }
}
