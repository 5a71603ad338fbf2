import Crypto
import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

extension AppDatabase {
    /// The hash of an audit row: SHA-256 over its fields and the hash of the row before it.
    static func auditHash(id: Int64, at: String, uid: Int64, adminID: Int64?, orgID: Int64?, action: String, target: String, reason: String?, prevHash: String) -> String {
        let text = [String(id), at, String(uid), adminID.map(String.init) ?? "", orgID.map(String.init) ?? "", action, target, reason ?? "", prevHash]
            .joined(separator: "\u{1F}")
        return Hex.string(SHA256.hash(data: Data(text.utf8)))
    }

    static let genesis = String(repeating: "0", count: 64)

    static func stamp(_ date: Date) -> String {
        UTCStamp.string(date, milliseconds: true)
    }

    /// Appends one row to the audit chain (inside the caller's write transaction).
    static func appendAudit(
        _ db: SQLSession, at: Date, uid: Int64, adminID: Int64?, orgID: Int64?, action: String, target: String, reason: String?
    ) throws {
        let last = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1"))
        let id: Int64 = (last?["id"] as Int64? ?? 0) + 1
        let prev: String = last?["hash"] ?? genesis
        let time = stamp(at)
        let hash = auditHash(id: id, at: time, uid: uid, adminID: adminID, orgID: orgID, action: action, target: target, reason: reason, prevHash: prev)
        try db.cachedStatement(
            sql: "INSERT INTO audit (id, at, uid, adminID, orgID, action, target, reason, prevHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [id, time, uid, adminID, orgID, action, target, reason, prev, hash])
    }

    /// Checks the chain row by row, in one read, and lists the archived documents' hashes.
    public func auditHead() throws -> (id: Int64, hash: String)? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").map { ($0["id"], $0["hash"]) }
        }
    }

    public func auditRowHash(id: Int64) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT hash FROM audit WHERE id = ?", arguments: [id]) }
    }

    public func verifyAuditChain() throws -> AuditChainCheck {
        try read { db in
            var breaks: [AuditChainCheck.Break] = []
            var prev = Self.genesis
            var expectedID: Int64 = 1
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id")
            for row in rows {
                let id: Int64 = row["id"]
                if id != expectedID { breaks.append(.init(row: id, problem: "row \(expectedID) is missing before row \(id)")) }
                expectedID = id + 1
                let stored: String = row["hash"]
                let prevStored: String = row["prevHash"]
                if prevStored != prev { breaks.append(.init(row: id, problem: "its link to the row before does not match")) }
                let computed = Self.auditHash(
                    id: id, at: row["at"], uid: row["uid"], adminID: row["adminID"], orgID: row["orgID"], action: row["action"],
                    target: row["target"], reason: row["reason"], prevHash: prevStored)
                if computed != stored { breaks.append(.init(row: id, problem: "its content was changed after it was written")) }
                prev = stored
            }
            let hashes = try String.fetchAll(db, sql: "SELECT sha256 FROM document ORDER BY sha256")
            var check = AuditChainCheck(rows: rows.count, breaks: breaks, documentHashes: hashes)
            check.schemaRepairs = try Self.schemaRepairs(db)
            return check
        }
    }
}
