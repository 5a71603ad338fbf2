import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

/// Leaving the league (R-M4): the branch files, the superior committee decides; an approval marks the member as
/// left, which takes the member out of every count (the v11 triggers) and keeps the record.
extension AppDatabase {
    static let leaveSelection = """
        SELECT l.*, m.name AS memberName, b.fullName AS branchName, d.fullName AS deciderName,
            fa.name AS filedByName, da.name AS decidedByName
        FROM leaveRequest AS l JOIN member AS m ON m.id = l.memberID JOIN org AS b ON b.id = l.branchID
        JOIN org AS d ON d.id = l.deciderOrgID
        LEFT JOIN admin AS fa ON fa.id = l.filedByAdmin LEFT JOIN admin AS da ON da.id = l.decidedByAdmin
        """

    static func leaveInfo(_ row: Row) -> LeaveRequestInfo {
        var info = LeaveRequestInfo(
            id: row["id"], memberID: row["memberID"], member: row["memberName"], branch: row["branchName"],
            kind: Departure(rawValue: row["kind"]) ?? .withdrew, reason: row["reason"], meetingDate: row["meetingDate"],
            decider: row["deciderName"], deciderOrgID: row["deciderOrgID"], state: row["state"],
            filedBy: row["filedByName"] ?? "?", filedAt: row["filedAt"])
        info.decidedBy = row["decidedByName"]
        info.decidedAt = row["decidedAt"]
        info.decisionReason = row["decisionReason"]
        return info
    }

    /// The member's departure, if the member has left (checked inside a write, so nothing acts on a member who left).
    static func departure(_ db: SQLSession, memberID: Int64) throws -> (name: String, left: Departure?) {
        let row = try required(Row.fetchOne(db, sql: "SELECT name, leftAt, leftKind FROM member WHERE id = ?", arguments: [memberID]), "member \(memberID)")
        let leftAt: Date? = row["leftAt"]
        return (row["name"], leftAt == nil ? nil : Departure(rawValue: row["leftKind"] ?? "") ?? .withdrew)
    }

    public func deciderOrg(branchID: Int64) throws -> Int64 {
        try read { db in
            if let reviewer = try Self.reviewerOrg(db, branchID: branchID) { return reviewer }
            return try required(Int64.fetchOne(db, sql: "SELECT id FROM org WHERE parentID IS NULL"), "the root org")
        }
    }

    public func fileLeave(
        memberID: Int64, kind: Departure, reason: String, meetingDate: String, deciderOrgID: Int64, caller: Caller, now: Date
    ) throws -> LeaveRequestInfo {
        try write { db in
            let member = try Self.departure(db, memberID: memberID)
            if let left = member.left { throw ZHTJError.memberLeft(member.name, left) }
            if let open = try Int64.fetchOne(db, sql: "SELECT id FROM leaveRequest WHERE memberID = ? AND state = 'pending'", arguments: [memberID]) {
                throw ZHTJError.notAllowed("团员\(member.name)已有待审批的离团申请\(open) / \(member.name) already has leave request \(open) waiting for a decision")
            }
            let branchID = try required(Int64.fetchOne(db, sql: "SELECT branchID FROM member WHERE id = ?", arguments: [memberID]), "member \(memberID)")
            try db.execute(
                sql: """
                    INSERT INTO leaveRequest (memberID, branchID, kind, reason, meetingDate, deciderOrgID, state, filedAt, filedByAdmin)
                    VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)
                    """,
                arguments: [memberID, branchID, kind.rawValue, reason, meetingDate, deciderOrgID, now, caller.adminID])
            let id = try db.lastInsertedRowID()
            try Self.record(db, caller: caller, action: "leave.request", target: "member:\(memberID)",
                            detail: "#\(id) \(kind.rawValue), meeting \(meetingDate): \(reason)", at: now)
            return Self.leaveInfo(try required(Row.fetchOne(db, sql: Self.leaveSelection + " WHERE l.id = ?", arguments: [id]), "leave request \(id)"))
        }
    }

    public func leaveRequest(id: Int64) throws -> LeaveRequestInfo? {
        try read { db in try Row.fetchOne(db, sql: Self.leaveSelection + " WHERE l.id = ?", arguments: [id]).map(Self.leaveInfo) }
    }

    public func leaveRequests(within subtree: Subtree, all: Bool) throws -> [LeaveRequestInfo] {
        let (lower, upper) = Self.subtreeBounds(subtree.path)
        return try read { db in
            try Row.fetchAll(
                db, sql: Self.leaveSelection + " WHERE b.path >= ? AND b.path < ? \(all ? "" : "AND l.state = 'pending'") ORDER BY l.id LIMIT 1000",
                arguments: [lower, upper]
            ).map(Self.leaveInfo)
        }
    }

    public func decideLeave(id: Int64, approve: Bool, reason: String?, caller: Caller, now: Date) throws -> LeaveRequestInfo {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: Self.leaveSelection + " WHERE l.id = ?", arguments: [id]), row["state"] as String == "pending"
            else { throw ZHTJError.leaveRequestNotFound(id) }
            let memberID: Int64 = row["memberID"]
            let kind = Departure(rawValue: row["kind"]) ?? .withdrew
            if approve {
                let member = try Self.departure(db, memberID: memberID)
                if let left = member.left { throw ZHTJError.memberLeft(member.name, left) }
                try db.execute(sql: "UPDATE member SET leftAt = ?, leftKind = ? WHERE id = ? AND leftAt IS NULL", arguments: [now, kind.rawValue, memberID])
                // A transfer still waiting for the member ends with the membership.
                try Self.cancelOpenTransfer(db, memberID: memberID, because: "团员已\(kind.rawValue) / the member \(kind.english)", caller: caller, now: now)
            }
            try db.execute(
                sql: "UPDATE leaveRequest SET state = ?, decidedAt = ?, decidedByAdmin = ?, decisionReason = ? WHERE id = ? AND state = 'pending'",
                arguments: [approve ? "approved" : "rejected", now, caller.adminID, reason, id])
            try Self.record(db, caller: caller, action: approve ? "leave.approve" : "leave.reject", target: "member:\(memberID)",
                            detail: "#\(id) \(kind.rawValue)\(reason.map { ": \($0)" } ?? "")", at: now)
            return Self.leaveInfo(try required(Row.fetchOne(db, sql: Self.leaveSelection + " WHERE l.id = ?", arguments: [id]), "leave request \(id)"))
        }
    }
}
