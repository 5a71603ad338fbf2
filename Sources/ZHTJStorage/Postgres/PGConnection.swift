import CLibpq
import Foundation
import GRDB
import ZHTJCore

/// One libpq connection: the only type that touches libpq. Statements go with bound parameters
/// (`PQexecParams`), values in and out are GRDB's `DatabaseValue`s, so the registry's code reads a PostgreSQL row
/// as it reads a SQLite one. Errors are mapped here, in one place, onto `DatabaseError` (PGError.map).
///
/// Not thread-safe: a connection serves one transaction at a time (`PGPool` hands it out).
final class PGConnection: @unchecked Sendable {
    private let handle: OpaquePointer
    /// Rows changed by the last statement (`changesCount`).
    private(set) var changes = 0

    /// The result of a statement: its column names (lower case, as PostgreSQL folds them) and its rows.
    struct Result {
        var columns: [String]
        var rows: [[DatabaseValue]]
    }

    /// Connects with a libpq URL or keyword string (`postgres://USER@/DB?host=/socket/folder`).
    init(url: String) throws {
        guard let conn = PQconnectdb(url) else { throw PGError.connect(url: url, detail: "out of memory") }
        guard PQstatus(conn) == CONNECTION_OK else {
            let detail = String(cString: PQerrorMessage(conn)).trimmingCharacters(in: .whitespacesAndNewlines)
            PQfinish(conn)
            throw PGError.connect(url: url, detail: detail)
        }
        handle = conn
        // Silence NOTICEs (e.g. "relation already exists, skipping"): they would go to stderr.
        PQsetNoticeProcessor(conn, { _, _ in }, nil)
    }

    deinit { PQfinish(handle) }

    /// False once the server went away: the pool drops such a connection instead of reusing it.
    var isHealthy: Bool { PQstatus(handle) == CONNECTION_OK }

    /// Runs a script of one or more statements without parameters (migrations, BEGIN/COMMIT).
    func execute(script: String) throws {
        let result = PQexec(handle, script)
        defer { PQclear(result) }
        try check(result, sql: script)
    }

    /// Runs one statement with `$1…` parameters and returns its rows.
    @discardableResult
    func query(_ sql: String, _ values: [DatabaseValue]) throws -> Result {
        var types: [Oid] = []
        var formats: [Int32] = []
        var lengths: [Int32] = []
        // Each parameter's bytes, copied once into C memory that lives for the call (nil: NULL).
        var pointers: [UnsafePointer<CChar>?] = []
        var owned: [UnsafeMutablePointer<CChar>] = []
        defer { owned.forEach { free($0) } }
        func text(_ string: String, type: Oid) {
            let copy = strdup(string)
            if let copy { owned.append(copy) }
            types.append(type); formats.append(0); lengths.append(0); pointers.append(copy.map { UnsafePointer($0) })
        }
        for value in values {
            switch value.storage {
            case .null:
                types.append(0); formats.append(0); lengths.append(0); pointers.append(nil)
            case .int64(let n):
                text(String(n), type: 20)
            case .double(let d):
                text("\(d)", type: 701)
            case .string(let s):
                // Unknown type: the server takes it from the context (a TEXT column, a comparison…).
                text(s, type: 0)
            case .blob(let data):
                let copy = malloc(max(data.count, 1)).assumingMemoryBound(to: CChar.self)
                data.withUnsafeBytes { bytes in
                    if let base = bytes.baseAddress { UnsafeMutableRawPointer(copy).copyMemory(from: base, byteCount: bytes.count) }
                }
                owned.append(copy)
                types.append(17); formats.append(1); lengths.append(Int32(data.count)); pointers.append(UnsafePointer(copy))
            }
        }
        let result = PQexecParams(handle, sql, Int32(values.count), types, pointers, lengths, formats, 0)
        defer { PQclear(result) }
        try check(result, sql: sql)
        changes = Int(String(cString: PQcmdTuples(result))) ?? 0
        return Self.read(result)
    }

    private func check(_ result: OpaquePointer?, sql: String) throws {
        let status = result.map(PQresultStatus) ?? PGRES_FATAL_ERROR
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY else {
            let field = { (code: Character) -> String? in
                guard let result, let text = PQresultErrorField(result, Int32(code.asciiValue ?? 0)) else { return nil }
                return String(cString: text)
            }
            let message = field("M") ?? String(cString: PQerrorMessage(handle)).trimmingCharacters(in: .whitespacesAndNewlines)
            throw PGError.map(sqlState: field("C"), message: message, detail: field("D"), sql: sql)
        }
    }

    /// Converts a text-format result into rows of `DatabaseValue`s by each column's type.
    private static func read(_ result: OpaquePointer?) -> Result {
        guard let result else { return Result(columns: [], rows: []) }
        let columnCount = PQnfields(result)
        let rowCount = PQntuples(result)
        let columns = (0..<columnCount).map { String(cString: PQfname(result, $0)) }
        let types = (0..<columnCount).map { PQftype(result, $0) }
        var rows: [[DatabaseValue]] = []
        rows.reserveCapacity(Int(rowCount))
        for r in 0..<rowCount {
            var row: [DatabaseValue] = []
            row.reserveCapacity(Int(columnCount))
            for c in 0..<columnCount {
                if PQgetisnull(result, r, c) == 1 {
                    row.append(.null)
                    continue
                }
                let text = String(cString: PQgetvalue(result, r, c))
                row.append(value(text, type: types[Int(c)]))
            }
            rows.append(row)
        }
        return Result(columns: columns, rows: rows)
    }

    /// A text value as the SQLite storage class the registry expects: integers, reals, booleans as 0/1, bytes.
    private static func value(_ text: String, type: Oid) -> DatabaseValue {
        switch type {
        case 20, 21, 23, 26:  // int8, int2, int4, oid
            return Int64(text).map { $0.databaseValue } ?? text.databaseValue
        case 700, 701:  // float4, float8
            return Double(text).map { $0.databaseValue } ?? text.databaseValue
        case 1700:  // numeric (sum() of bigints): an integer when it is one
            if let n = Int64(text) { return n.databaseValue }
            return Double(text).map { $0.databaseValue } ?? text.databaseValue
        case 16:  // bool
            return (text == "t" ? 1 : 0 as Int64).databaseValue
        case 17:  // bytea, hex format: \x0a1b…
            return Data(Hex.bytes(text.dropFirst(2)) ?? Array(text.utf8)).databaseValue
        default:
            return text.databaseValue
        }
    }
}
