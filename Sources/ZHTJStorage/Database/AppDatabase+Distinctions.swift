import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

/// Rewards and sanctions (R-W2): v11's `distinction`, whose rows are never updated or deleted.
extension AppDatabase: DistinctionStore {
    private static let distinctionSelection = """
        SELECT d.*, m.name AS memberName, o.fullName AS grantingOrgName, a.name AS adminName FROM distinction AS d
        JOIN member AS m ON m.id = d.memberID JOIN org AS o ON o.id = d.grantingOrgID LEFT JOIN admin AS a ON a.id = d.enteredByAdmin
        """

    private static func distinctionInfo(_ row: Row) throws -> DistinctionInfo {
        let kind: String = row["kind"]
        return DistinctionInfo(
            id: row["id"], memberID: row["memberID"], member: row["memberName"],
            kind: try required(DistinctionKind(rawValue: kind), "the kind \(kind) of distinction \(row["id"] as Int64)"),
            title: row["title"], level: row["level"], date: row["date"], document: row["document"], grantingOrgID: row["grantingOrgID"],
            grantingOrg: row["grantingOrgName"], enteredAt: row["enteredAt"], enteredBy: row["adminName"] ?? "zhtjd",
            workingDays: row["workingDays"])
    }

    /// Records a reward or sanction granted by the caller's org, with its audit row on the member, in one transaction.
    public func addDistinction(_ entry: NewDistinction, caller: Caller, now: Date) throws -> DistinctionInfo {
        let adminID = try required(caller.adminID, "the entering admin")
        let orgID = try required(caller.orgID, "the granting org")
        return try write { db in
            _ = try required(Int64.fetchOne(db, sql: "SELECT id FROM member WHERE id = ?", arguments: [entry.memberID]), "member \(entry.memberID)")
            try db.execute(
                sql: """
                    INSERT INTO distinction (memberID, kind, title, level, date, document, grantingOrgID, enteredAt, enteredByAdmin, workingDays)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    entry.memberID, entry.kind.rawValue, entry.title, entry.level, entry.date.description, entry.document, orgID, now, adminID,
                    entry.workingDays,
                ])
            let id = try db.lastInsertedRowID()
            let late = WorkingDays.isLate(workingDays: entry.workingDays) ? " (late)" : ""
            try Self.record(
                db, caller: caller, action: "distinction.\(entry.kind.rawValue)", target: "member:\(entry.memberID)",
                detail: "#\(id) \(entry.level) \(entry.title), \(entry.document) \(entry.date): \(entry.workingDays) working days\(late)", at: now)
            return try Self.distinctionInfo(
                try required(Row.fetchOne(db, sql: Self.distinctionSelection + " WHERE d.id = ?", arguments: [id]), "distinction \(id)"))
        }
    }

    public func distinctions(memberID: Int64) throws -> [DistinctionInfo] {
        try read { db in
            try Row.fetchAll(db, sql: Self.distinctionSelection + " WHERE d.memberID = ? ORDER BY d.id", arguments: [memberID]).map(Self.distinctionInfo)
        }
    }
}
