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

    /// Files a change request for a member of the caller's subtree: the member's org or a superior (R-E12).
    public func requestChange(memberKey: String, reason: String, caller: Caller, now: Date) throws -> ChangeRequestInfo {
        let member = try self.member(key: memberKey, caller: caller)
        guard let adminID = caller.adminID, let orgID = caller.orgID else { throw ZHTJError.credentialRequired }
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ZHTJError.reasonRequired }
        return try write { db in
            let context = try Self.dropContext(db, memberID: member.id)
            if let open = try Int64.fetchOne(db, sql: "SELECT id FROM changeRequest WHERE memberID = ? AND state IN ('pending', 'approved')", arguments: [member.id]) {
                throw ZHTJError.changeRequestOpen(open)
            }
            guard context.latest == .pending || context.latest == .approved else { throw ZHTJError.changeNotNeeded(member.name) }
            guard let reviewer = try Self.reviewerOrg(db, branchID: member.branchID) else {
                throw ZHTJError.notAllowed("the member's branch has no superior committee to approve a change")
            }
            try db.execute(
                sql: """
                    INSERT INTO changeRequest (memberID, reason, state, requestedByAdmin, requestedByOrg, reviewerOrgID, createdAt)
                    VALUES (?, ?, 'pending', ?, ?, ?, ?)
                    """, arguments: [member.id, reason, adminID, orgID, reviewer, now])
            let id = db.lastInsertedRowID
            try Self.record(db, caller: caller, action: "change.request", target: "member:\(member.id)", detail: "#\(id) \(reason)", at: now)
            return Self.changeInfo(try required(Row.fetchOne(db, sql: Self.changeSelection + " WHERE c.id = ?", arguments: [id]), "change request \(id)"))
        }
    }

    /// The change requests the caller's org decides.
    public func changeRequests(caller: Caller) throws -> [ChangeRequestInfo] {
        guard let orgID = caller.orgID else { throw ZHTJError.credentialRequired }
        return try read { db in
            try Row.fetchAll(db, sql: Self.changeSelection + " WHERE c.reviewerOrgID = ? AND c.state = 'pending' ORDER BY c.id", arguments: [orgID]).map(Self.changeInfo)
        }
    }

    /// Approves (one new file may come in) or rejects (with a reason) a pending change request.
    public func decideChange(id: Int64, approve: Bool, reason: String?, caller: Caller, now: Date) throws -> ChangeRequestInfo {
        guard let orgID = caller.orgID else { throw ZHTJError.credentialRequired }
        if !approve, (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ZHTJError.reasonRequired }
        let open = try read { db in
            try Row.fetchOne(db, sql: "SELECT reviewerOrgID, state FROM changeRequest WHERE id = ?", arguments: [id]).map {
                ($0["reviewerOrgID"] as Int64) == orgID && ($0["state"] as String) == "pending"
            } ?? false
        }
        guard open else { throw ZHTJError.changeRequestNotFound(id) }
        return try write { db in
            guard let row = try Row.fetchOne(db, sql: Self.changeSelection + " WHERE c.id = ?", arguments: [id]),
                row["reviewerOrgID"] as Int64 == orgID, row["state"] as String == "pending"
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

    /// Corrects a member's development number (R-M3): the member's own org or its direct superior only.
    public func setNumber(memberKey: String, number raw: String, reason: String, caller: Caller, now: Date) throws -> MemberInfo {
        let member = try self.member(key: memberKey, caller: caller)
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ZHTJError.reasonRequired }
        let year = CivilDate(now).year
        let joinYear = Int(member.joinDate.prefix(4))
        let number: String
        switch DevelopmentNumber.validate(raw, currentYear: year, joinYear: joinYear) {
        case .success(let n): number = n
        case .failure(let p): throw ZHTJError.invalidField(field: "发展团员编号 development number", value: raw, reason: p.message)
        }
        let parent = try read { db in try Int64.fetchOne(db, sql: "SELECT parentID FROM org WHERE id = ?", arguments: [member.branchID]) }
        guard caller.orgID == member.branchID || (parent != nil && caller.orgID == parent) else {
            throw ZHTJError.notAllowed("only the member's own org and its direct superior may correct a development number (R-M3)")
        }
        try write { db in
            if let owner = try String.fetchOne(db, sql: "SELECT name FROM member WHERE developmentNumber = ? AND id != ?", arguments: [number, member.id]) {
                throw ZHTJError.invalidField(field: "发展团员编号 development number", value: number, reason: "已属于\(owner) / already belongs to \(owner)")
            }
            try db.execute(sql: "UPDATE member SET developmentNumber = ? WHERE id = ?", arguments: [number, member.id])
            try Self.record(db, caller: caller, action: "member.set-number", target: "member:\(member.id)",
                            detail: "\(member.developmentNumber ?? "—") → \(number): \(reason)", at: now)
        }
        try matchUnmatched(now: now)
        return try self.member(key: String(member.id), caller: caller)
    }

    /// The version `archive.get` sends: `version`, or the latest, of a member in the caller's subtree (R-E13).
    /// The daemon reads its bytes from `archive/`, then audits the download with `recordDownload(_:caller:now:)`.
    public func downloadVersion(memberKey: String, version: Int?, caller: Caller) throws -> ArchiveDownload {
        let member = try self.member(key: memberKey, caller: caller)
        guard let chosen = version.flatMap({ v in member.archives?.first { $0.version == v } }) ?? (version == nil ? member.archives?.last : nil) else {
            throw ZHTJError.versionNotFound(member.name, version)
        }
        return ArchiveDownload(memberID: member.id, version: chosen)
    }

    /// Audits a download whose bytes were read (R-E13).
    public func recordDownload(_ download: ArchiveDownload, caller: Caller, now: Date) throws {
        try write { db in
            try Self.record(db, caller: caller, action: "archive.download", target: "member:\(download.memberID)", detail: "v\(download.version.version)", at: now)
        }
    }
}
