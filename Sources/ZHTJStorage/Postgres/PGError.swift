import GRDB

/// libpq's failures, mapped in one place. A statement's failure becomes the `DatabaseError` the registry already
/// handles (its `write`/`read` turn it into `ZHTJError.storage`): a broken constraint or a trigger's refusal is
/// `SQLITE_CONSTRAINT` with PostgreSQL's message (the triggers raise the same texts as SQLite's), anything else
/// `SQLITE_ERROR` with the SQLSTATE in the message.
enum PGError: Error, CustomStringConvertible {
    case connect(url: String, detail: String)
    case badURL(String)

    var description: String {
        switch self {
        case .connect(let url, let detail):
            "无法连接 PostgreSQL / cannot connect to PostgreSQL at \(PGURL.redacted(url)): \(detail). "
                + "Check database.url (ZHTJD_DATABASE_URL), that the server runs and that the database exists (createdb)."
        case .badURL(let url):
            "database.url 无效 / database.url is not a PostgreSQL URL: \(PGURL.redacted(url)). "
                + "Write postgres://USER@/DB?host=/socket/folder or postgres://USER:PASSWORD@HOST:5432/DB."
        }
    }

    /// A failed statement as a `DatabaseError`.
    static func map(sqlState: String?, message: String, detail: String?, sql: String) -> DatabaseError {
        let state = sqlState ?? "?????"
        let code: ResultCode
        if state.hasPrefix("23") || state == "P0001" {
            code = .SQLITE_CONSTRAINT  // an integrity constraint, a trigger's RAISE EXCEPTION
        } else if ["40001", "40P01", "55P03"].contains(state) {
            code = .SQLITE_BUSY  // serialization failure, deadlock, lock not available
        } else if state.hasPrefix("08") || state.hasPrefix("57P") {
            code = .SQLITE_IOERR  // the connection was lost, the server is shutting down
        } else {
            code = .SQLITE_ERROR
        }
        // Anything but a refusal names its statement (shortened): a failure there is a bug to report, with this line.
        let statement = sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let text = code == .SQLITE_CONSTRAINT
            ? message : "PostgreSQL \(state): \(message)" + (detail.map { " (\($0))" } ?? "") + " in: \(statement.prefix(300))"
        return DatabaseError(resultCode: code, message: text, sql: sql)
    }
}
