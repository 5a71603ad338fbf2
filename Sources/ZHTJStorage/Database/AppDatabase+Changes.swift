import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

extension AppDatabase {
    private static let changeSelection = """
        SELECT c.*, m.name AS memberName, a.name AS requesterName FROM changeRequest AS c
        JOIN member AS m ON m.id = c.memberID JOIN admin AS a ON a.id = c.requestedByAdmin
        """

    private static func changeInfo(_ row: Row) -> ChangeRequestInfo {
        ChangeRequestInfo(
            id: row["id"], memberID: row["memberID"], member: row["memberName"], reason: row["reason"], state: row["state"],
            requestedBy: row["requesterName"], decisionReason: row["decisionReason"], createdAt: row["createdAt"])
    }

    /// Files a change request for a member (the handler has checked that the member is in the admin's subtree and
    /// that there is a reason): at most one open per member, only while the latest version is pending or approved,
    /// decided by the member's superior committee (R-E12).
    public func requestChange(memberID: Int64, reason: String, caller: Caller, now: Date) throws -> ChangeRequestInfo {
        let adminID = try required(caller.adminID, "the requesting admin")
        let orgID = try required(caller.orgID, "the requesting admin's org")
        return try write { db in
            let member = try required(Row.fetchOne(db, sql: "SELECT name, branchID FROM member WHERE id = ?", arguments: [memberID]), "member \(memberID)")
            let context = try Self.dropContext(db, memberID: memberID)
            if let open = try Int64.fetchOne(db, sql: "SELECT id FROM changeRequest WHERE memberID = ? AND state IN ('pending', 'approved')", arguments: [memberID]) {
                throw ZHTJError.changeRequestOpen(open)
            }
            guard context.latest == .pending || context.latest == .approved else { throw ZHTJError.changeNotNeeded(member["name"]) }
            guard let reviewer = try Self.reviewerOrg(db, branchID: member["branchID"]) else {
                throw ZHTJError.notAllowed("the member's branch has no superior committee to approve a change")
            }
            try db.execute(
                sql: """
                    INSERT INTO changeRequest (memberID, reason, state, requestedByAdmin, requestedByOrg, reviewerOrgID, createdAt)
                    VALUES (?, ?, 'pending', ?, ?, ?, ?)
                    """, arguments: [memberID, reason, adminID, orgID, reviewer, now])
            let id = try db.lastInsertedRowID()
            try Self.record(db, caller: caller, action: "change.request", target: "member:\(memberID)", detail: "#\(id) \(reason)", at: now)
            return Self.changeInfo(try required(Row.fetchOne(db, sql: Self.changeSelection + " WHERE c.id = ?", arguments: [id]), "change request \(id)"))
        }
    }

    /// The pending change requests `reviewerOrgID` decides.
    public func changeRequests(reviewerOrgID orgID: Int64) throws -> [ChangeRequestInfo] {
        try read { db in
            try Row.fetchAll(db, sql: Self.changeSelection + " WHERE c.reviewerOrgID = ? AND c.state = 'pending' ORDER BY c.id", arguments: [orgID]).map(Self.changeInfo)
        }
    }

    /// The reviewer org and state of a change request, for the handler's check of who may decide it.
    public func changeReviewer(id: Int64) throws -> (reviewerOrgID: Int64, state: String)? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT reviewerOrgID, state FROM changeRequest WHERE id = ?", arguments: [id]).map { ($0["reviewerOrgID"], $0["state"]) }
        }
    }

    /// Approves (one new file may come in) or rejects (with a reason) a change request that is still pending; one
    /// decided meanwhile is not found.
    public func decideChange(id: Int64, approve: Bool, reason: String?, caller: Caller, now: Date) throws -> ChangeRequestInfo {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: Self.changeSelection + " WHERE c.id = ?", arguments: [id]), row["state"] as String == "pending"
            else { throw ZHTJError.changeRequestNotFound(id) }
            // Approving makes sense only while the latest version is still pending or approved.
            if approve {
                let latest = try Self.dropContext(db, memberID: row["memberID"]).latest
                guard latest == .pending || latest == .approved else { throw ZHTJError.changeNotNeeded(row["memberName"]) }
            }
            try db.execute(
                sql: "UPDATE changeRequest SET state = ?, decidedByAdmin = ?, decidedAt = ?, decisionReason = ? WHERE id = ? AND state = 'pending'",
                arguments: [approve ? "approved" : "rejected", caller.adminID, now, reason, id])
            let memberID: Int64 = row["memberID"]
            try Self.record(db, caller: caller, action: approve ? "change.approve" : "change.reject", target: "member:\(memberID)", detail: "#\(id) \(reason ?? "")", at: now)
            return Self.changeInfo(try required(Row.fetchOne(db, sql: Self.changeSelection + " WHERE c.id = ?", arguments: [id]), "change request \(id)"))
        }
    }

    /// Sets a member's development number (the handler has validated it and checked R-M3): refused when another
    /// member has it. Returns the uploads that it lets match.
    public func setNumber(memberID: Int64, number: String, previous: String?, reason: String, caller: Caller, now: Date) throws -> [Int64] {
        try write { db in
            if let owner = try String.fetchOne(db, sql: "SELECT name FROM member WHERE developmentNumber = ? AND id != ?", arguments: [number, memberID]) {
                throw ZHTJError.invalidField(field: "发展团员编号 development number", value: number, reason: "已属于\(owner) / already belongs to \(owner)")
            }
            try db.execute(sql: "UPDATE member SET developmentNumber = ? WHERE id = ?", arguments: [number, memberID])
            try Self.record(db, caller: caller, action: "member.set-number", target: "member:\(memberID)",
                            detail: "\(previous ?? "—") → \(number): \(reason)", at: now)
        }
        return try matchUnmatched(now: now)
    }

    /// Audits a download whose bytes were read (R-E13).
    public func recordDownload(memberID: Int64, version: Int, caller: Caller, now: Date) throws {
        try write { db in
            try Self.record(db, caller: caller, action: "archive.download", target: "member:\(memberID)", detail: "v\(version)", at: now)
        }
    }

    /// Audits a member card that was made (R-W3, R-E13).
    public func recordCard(memberID: Int64, pages: Int, caller: Caller, now: Date) throws {
        try write { db in
            try Self.record(db, caller: caller, action: "member.card", target: "member:\(memberID)", detail: "\(pages) pages", at: now)
        }
    }
}
