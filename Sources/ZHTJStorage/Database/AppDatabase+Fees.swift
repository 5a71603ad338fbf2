import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

/// League-fee payments (R-W4): v11's `feePayment`, one row per member and month, never updated or deleted.
extension AppDatabase: FeeStore {
    private static let feeSelection = """
        SELECT f.*, m.name AS memberName, a.name AS adminName FROM feePayment AS f
        JOIN member AS m ON m.id = f.memberID LEFT JOIN admin AS a ON a.id = f.recordedByAdmin
        """

    private static func feeInfo(_ row: Row) -> FeePaymentInfo {
        FeePaymentInfo(
            id: row["id"], memberID: row["memberID"], member: row["memberName"], month: row["month"], amountFen: row["amountFen"],
            source: row["source"], reference: row["reference"], recordedAt: row["recordedAt"], recordedBy: row["adminName"] ?? "zhtjd")
    }

    static func leftReason(_ leftAt: String) -> String {
        "已于\(leftAt.prefix(10))离团，不再交纳团费 / left on \(leftAt.prefix(10)): no fees are due (R-W4)"
    }

    static func paidReason(amountFen: Int, recordedAt: String) -> String {
        "该月团费已于\(recordedAt.prefix(10))记录（\(FeeAmount.yuan(amountFen))元），不会覆盖 / already recorded for this month (\(FeeAmount.yuan(amountFen)) yuan on \(recordedAt.prefix(10))): a payment is never overwritten (R-W4)"
    }

    /// Records one payment, with its audit row on the member, in one transaction.
    public func recordFee(memberID: Int64, month: String, amountFen: Int, reference: String?, caller: Caller, now: Date) throws -> FeePaymentInfo {
        let adminID = try required(caller.adminID, "the recording admin")
        return try write { db in
            let member = try required(Row.fetchOne(db, sql: "SELECT name, leftAt FROM member WHERE id = ?", arguments: [memberID]), "member \(memberID)")
            let name: String = member["name"]
            if let leftAt = member["leftAt"] as String? {
                throw ZHTJError.invalidField(field: "团员 member", value: name, reason: Self.leftReason(leftAt))
            }
            if let paid = try Row.fetchOne(db, sql: "SELECT amountFen, recordedAt FROM feePayment WHERE memberID = ? AND month = ?", arguments: [memberID, month]) {
                throw ZHTJError.invalidField(field: "月份 month", value: month, reason: "\(name): " + Self.paidReason(amountFen: paid["amountFen"], recordedAt: paid["recordedAt"]))
            }
            try db.execute(
                sql: "INSERT INTO feePayment (memberID, month, amountFen, source, reference, recordedAt, recordedByAdmin) VALUES (?, ?, ?, 'manual', ?, ?, ?)",
                arguments: [memberID, month, amountFen, reference, now, adminID])
            let id = try db.lastInsertedRowID()
            try Self.record(
                db, caller: caller, action: "fee.record", target: "member:\(memberID)",
                detail: "#\(id) \(month) \(FeeAmount.yuan(amountFen)) yuan" + (reference.map { " ref \($0)" } ?? ""), at: now)
            return Self.feeInfo(try required(Row.fetchOne(db, sql: Self.feeSelection + " WHERE f.id = ?", arguments: [id]), "fee payment \(id)"))
        }
    }

    /// Records a table's rows in one transaction, with one audit row for the import; reports each row it refuses.
    public func importFees(_ drafts: [FeeDraft], within subtree: Subtree, caller: Caller, now: Date) throws -> FeeImportOutcome {
        let adminID = try required(caller.adminID, "the recording admin")
        return try write { db in
            var outcome = FeeImportOutcome()
            func reject(_ d: FeeDraft, _ column: String, _ value: String, _ reason: String) {
                outcome.issues.append(RowIssue(line: d.line, column: column, value: value, reason: reason))
                outcome.rejectedLines.insert(d.line)
            }
            let members = try Self.feeMembers(db, drafts)
            let paid = try Self.paidMonths(db, memberIDs: Set(members.values.map(\.id)))
            var seen: [String: Int] = [:]
            var months = Set<String>()
            for draft in drafts {
                let shown = draft.key.shown
                guard let member = members[draft.key], subtree.contains(path: member.path) else {
                    if members[draft.key] != nil { outcome.deniedLines.append(draft.line) }
                    reject(draft, draft.key.column, shown, "在您管理的范围内找不到该团员 / no such member in the orgs you administer")
                    continue
                }
                if let leftAt = member.leftAt {
                    reject(draft, draft.key.column, shown, Self.leftReason(leftAt))
                    continue
                }
                let pair = "\(member.id) \(draft.month)"
                if let line = seen[pair] {
                    reject(draft, FeeTable.Column.month.rawValue, draft.month, "与第\(line)行为同一团员同一月份 / the same member and month as line \(line)")
                    continue
                }
                if let existing = paid[pair] {
                    reject(draft, FeeTable.Column.month.rawValue, draft.month, Self.paidReason(amountFen: existing.amountFen, recordedAt: existing.recordedAt))
                    continue
                }
                seen[pair] = draft.line
                try db.execute(
                    sql: "INSERT INTO feePayment (memberID, month, amountFen, source, reference, recordedAt, recordedByAdmin) VALUES (?, ?, ?, 'import', ?, ?, ?)",
                    arguments: [member.id, draft.month, draft.amountFen, draft.reference, now, adminID])
                outcome.recorded.append(member.id)
                months.insert(draft.month)
            }
            if !outcome.recorded.isEmpty {
                try Self.record(
                    db, caller: caller, action: "fee.import", target: "fees",
                    detail: "\(outcome.recorded.count) payments for \(months.sorted().joined(separator: ",")); members "
                        + Self.ranges(Array(Set(outcome.recorded)).sorted()), at: now)
            }
            return outcome
        }
    }

    private struct FeeMember {
        var id: Int64
        var leftAt: String?
        var path: String
    }

    /// The members the drafts name, by their key: two statements over all the keys (json_each), not one per row.
    private static func feeMembers(_ db: SQLSession, _ drafts: [FeeDraft]) throws -> [FeeDraft.Key: FeeMember] {
        var ids: [String] = [], numbers: [String] = []
        for d in drafts {
            switch d.key {
            case .idNumber(let v): ids.append(v)
            case .developmentNumber(let v): numbers.append(v)
            }
        }
        var found: [FeeDraft.Key: FeeMember] = [:]
        for (column, keys) in [("idNumber", ids), ("developmentNumber", numbers)] where !keys.isEmpty {
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT member.id, member.leftAt, member.\(column) AS memberKey, org.path FROM json_each(?) AS k
                    JOIN member ON member.\(column) = k.value JOIN org ON org.id = member.branchID
                    """, arguments: [try jsonArray(keys)])
            for row in rows {
                let key: String = row["memberKey"]
                found[column == "idNumber" ? .idNumber(key) : .developmentNumber(key)] = FeeMember(id: row["id"], leftAt: row["leftAt"], path: row["path"])
            }
        }
        return found
    }

    /// The months already paid by these members, as "memberID month".
    private static func paidMonths(_ db: SQLSession, memberIDs: Set<Int64>) throws -> [String: (amountFen: Int, recordedAt: String)] {
        guard !memberIDs.isEmpty else { return [:] }
        let json = try jsonArray(memberIDs.map(String.init))
        var paid: [String: (amountFen: Int, recordedAt: String)] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT f.memberID, f.month, f.amountFen, f.recordedAt FROM json_each(?) AS k JOIN feePayment AS f ON f.memberID = CAST(k.value AS INTEGER)",
            arguments: [json])
        {
            paid["\(row["memberID"] as Int64) \(row["month"] as String)"] = (row["amountFen"], row["recordedAt"])
        }
        return paid
    }

    public func feePayments(memberID: Int64) throws -> [FeePaymentInfo] {
        try read { db in
            try Row.fetchAll(db, sql: Self.feeSelection + " WHERE f.memberID = ? ORDER BY f.month", arguments: [memberID]).map(Self.feeInfo)
        }
    }

    /// Per direct subordinate (or the org itself): the tallies of v13, two small reads per row. The unpaid members:
    /// the subtree's branches in path order (`org_path`) and each branch's members by join year (`member_branch_year`),
    /// so the list stops at its limit without a sort.
    public func feeStatus(orgID: Int64, month: String, limit: Int) throws -> (rows: [FeeOrgStatus], unpaid: [FeeUnpaidMember]) {
        let children = try self.children(of: orgID)
        let targets = children.isEmpty ? [try required(self.org(id: orgID), "org \(orgID)")] : children
        return try read { db in
            let path: String = try required(String.fetchOne(db, sql: "SELECT path FROM org WHERE id = ?", arguments: [orgID]), "org \(orgID)")
            let (lower, upper) = Self.subtreeBounds(path)
            let due = "org.path >= ?1 AND org.path < ?2 AND member.leftAt IS NULL AND substr(member.joinDate, 1, 7) <= ?3"
            let rows = try targets.map { org in
                let members = try Int.fetchOne(
                    db, sql: "SELECT coalesce(sum(count), 0) FROM orgJoinMonth WHERE orgID = ? AND joinMonth <= ?", arguments: [org.id, month]) ?? 0
                let paid = try Row.fetchOne(db, sql: "SELECT paid, paidFen FROM orgFeePaid WHERE orgID = ? AND month = ?", arguments: [org.id, month])
                return FeeOrgStatus(orgID: org.id, org: org.fullName, members: members, paid: paid?["paid"] ?? 0, paidFen: paid?["paidFen"] ?? 0)
            }.filter { $0.members > 0 || $0.paid > 0 }
            let unpaid = try Row.fetchAll(
                db,
                sql: """
                    SELECT member.id, member.name, member.idNumber, org.id AS branchID, org.fullName AS branchName
                    FROM org CROSS JOIN member ON member.branchID = org.id
                    WHERE \(due) AND NOT EXISTS (SELECT 1 FROM feePayment AS f WHERE f.memberID = member.id AND f.month = ?3)
                    ORDER BY org.path, member.joinYear, member.id LIMIT ?4
                    """, arguments: [lower, upper, month, limit]
            ).map {
                FeeUnpaidMember(memberID: $0["id"], name: $0["name"], idNumber: IDNumber.masked($0["idNumber"]), branchID: $0["branchID"], branch: $0["branchName"])
            }
            return (rows, unpaid)
        }
    }
}
