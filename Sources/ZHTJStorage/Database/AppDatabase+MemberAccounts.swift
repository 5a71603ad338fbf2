import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

/// Members' own credentials (R-E13).
extension AppDatabase {
    static let accountSelection = """
        SELECT a.*, m.name AS memberName, m.branchID, b.fullName AS branchName, b.path AS branchPath, d.name AS decidedByName
        FROM memberAccount AS a JOIN member AS m ON m.id = a.memberID JOIN org AS b ON b.id = m.branchID
        LEFT JOIN admin AS d ON d.id = a.decidedByAdmin
        """

    static func accountInfo(_ row: Row) -> MemberAccountInfo {
        let uid: Int64 = row["uid"]
        var info = MemberAccountInfo(
            id: row["id"], memberID: row["memberID"], member: row["memberName"], branchID: row["branchID"], branch: row["branchName"],
            uid: UInt32(truncatingIfNeeded: uid), state: row["state"], requestedAt: row["requestedAt"])
        info.decidedBy = row["decidedByName"]
        info.decidedAt = row["decidedAt"]
        return info
    }

    public func requestMemberAccount(memberID: Int64, credentialHash: String, caller: Caller, now: Date) throws -> MemberAccountInfo {
        try write { db in
            let member = try Self.departure(db, memberID: memberID)
            if let left = member.left { throw ZHTJError.memberLeft(member.name, left) }
            try db.execute(
                sql: "INSERT INTO memberAccount (memberID, uid, credentialHash, state, requestedAt) VALUES (?, ?, ?, 'pending', ?)",
                arguments: [memberID, Int64(caller.uid), credentialHash, now])
            let id = try db.lastInsertedRowID()
            try Self.record(db, caller: caller, action: "member.self-register", target: "member:\(memberID)", detail: "account \(id), uid \(caller.uid)", at: now)
            return Self.accountInfo(try required(Row.fetchOne(db, sql: Self.accountSelection + " WHERE a.id = ?", arguments: [id]), "member account \(id)"))
        }
    }

    public func memberAccount(credentialHash: String) throws -> (account: MemberAccountInfo, branchPath: String)? {
        try read { db in
            try Row.fetchOne(db, sql: Self.accountSelection + " WHERE a.credentialHash = ?", arguments: [credentialHash]).map {
                (Self.accountInfo($0), $0["branchPath"])
            }
        }
    }

    public func memberAccountRequests(within subtree: Subtree) throws -> [MemberAccountInfo] {
        let (lower, upper) = Self.subtreeBounds(subtree.path)
        return try read { db in
            try Row.fetchAll(
                db, sql: Self.accountSelection + " WHERE a.state = 'pending' AND b.path >= ? AND b.path < ? ORDER BY a.id LIMIT 1000",
                arguments: [lower, upper]
            ).map(Self.accountInfo)
        }
    }

    public func approveMemberAccount(memberID: Int64, caller: Caller, now: Date) throws -> MemberAccountInfo {
        try write { db in
            guard let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM memberAccount WHERE memberID = ? AND state = 'pending' ORDER BY id DESC LIMIT 1", arguments: [memberID])
            else {
                let name = try String.fetchOne(db, sql: "SELECT name FROM member WHERE id = ?", arguments: [memberID]) ?? "#\(memberID)"
                throw ZHTJError.notAllowed("团员\(name)没有待批准的个人凭据申请（zhtj member self-register） / \(name) has no own credential waiting for approval")
            }
            try db.execute(
                sql: "UPDATE memberAccount SET state = 'revoked', decidedAt = ?, decidedByAdmin = ? WHERE memberID = ? AND id != ? AND state IN ('pending', 'approved')",
                arguments: [now, caller.adminID, memberID, id])
            try db.execute(
                sql: "UPDATE memberAccount SET state = 'approved', decidedAt = ?, decidedByAdmin = ? WHERE id = ?", arguments: [now, caller.adminID, id])
            try Self.record(db, caller: caller, action: "member.approve-self", target: "member:\(memberID)", detail: "account \(id)", at: now)
            return Self.accountInfo(try required(Row.fetchOne(db, sql: Self.accountSelection + " WHERE a.id = ?", arguments: [id]), "member account \(id)"))
        }
    }
}
