import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

extension AppDatabase {
    /// The schema checks itself at open (issue 14): the triggers and indexes the migrations create are compared with
    /// the database's, by name and by their SQL. What is missing is created again, what was changed is replaced, a
    /// trigger the migrations never made is dropped (a trigger can rewrite or delete rows), and each repair is written
    /// to the audit chain as `schema.repaired`; `audit verify` lists them. A missing table cannot be repaired (its
    /// rows are gone): the database is then reported damaged and the daemon does not start.
    static func checkSchema(_ writer: any DatabaseWriter) throws -> [String] {
        let reference = try DatabaseQueue()
        try migrator.migrate(reference)
        let objects = "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
        let expected = try reference.read { db in try Row.fetchAll(db, sql: objects) }
        return try writer.write { db in
            var actual: [String: (type: String, sql: String)] = [:]
            for row in try Row.fetchAll(db, sql: objects) { actual[row["name"]] = (row["type"], row["sql"]) }
            var repairs: [String] = []
            for row in expected {
                let (type, name, sql): (String, String, String) = (row["type"], row["name"], row["sql"])
                switch (type, actual[name]) {
                case ("table", nil):
                    throw OpenError.damaged(path: writer.path, detail: "the table \(name) is missing")
                case ("table", _):
                    continue
                case (_, nil):
                    try db.execute(sql: sql)
                    repairs.append("\(type) \(name) was missing")
                case (_, let found?) where found.sql != sql:
                    try db.execute(sql: "DROP \(found.type.uppercased()) \(name)")
                    try db.execute(sql: sql)
                    repairs.append("\(type) \(name) was changed")
                default:
                    continue
                }
            }
            let known = Set(expected.map { $0["name"] as String })
            for (name, found) in actual.sorted(by: { $0.key < $1.key }) where found.type == "trigger" && !known.contains(name) {
                try db.execute(sql: "DROP TRIGGER \(name)")
                repairs.append("trigger \(name) was not zhtj's and was dropped")
            }
            if !repairs.isEmpty {
                try record(SQLSession(.sqlite(db)), caller: Caller(uid: 0), action: "schema.repaired", target: "schema", detail: repairs.joined(separator: "; "), at: Date())
            }
            return repairs
        }
    }

    /// The schema repairs recorded in the audit chain, oldest first: when and what.
    static func schemaRepairs(_ db: SQLSession) throws -> [String] {
        try Row.fetchAll(db, sql: "SELECT at, reason FROM audit WHERE action = 'schema.repaired' ORDER BY id").map {
            "\(($0["at"] as String?) ?? ""): \(($0["reason"] as String?) ?? "")"
        }
    }
}
