import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

/// The lines of the electronic member card (R-W3), read in one transaction.
extension AppDatabase {
    public func cardLines(memberID: Int64, months: [String]) throws
        -> (transfers: [MemberCard.Transfer], fees: [MemberCard.Fee], distinctions: [MemberCard.Distinction])
    {
        try read { db in
            var transfers = try Row.fetchAll(
                db, sql: """
                    SELECT t.at, f.fullName AS fromName, o.fullName AS toName FROM transfer AS t
                    JOIN org AS f ON f.id = t.fromBranchID JOIN org AS o ON o.id = t.toBranchID
                    WHERE t.memberID = ? ORDER BY t.id
                    """, arguments: [memberID]
            ).map { MemberCard.Transfer(at: $0["at"], from: $0["fromName"], to: $0["toName"], outOfTree: false) }
            transfers += try Row.fetchAll(
                db, sql: """
                    SELECT r.decidedAt, f.fullName AS fromName, r.destination FROM transferRequest AS r JOIN org AS f ON f.id = r.fromBranchID
                    WHERE r.memberID = ? AND r.state = 'out' ORDER BY r.id
                    """, arguments: [memberID]
            ).map { MemberCard.Transfer(at: $0["decidedAt"], from: $0["fromName"], to: $0["destination"] ?? "", outOfTree: true) }
            var paid: [String: Int] = [:]
            if let first = months.first, let last = months.last {
                for row in try Row.fetchAll(
                    db, sql: "SELECT month, amountFen FROM feePayment WHERE memberID = ? AND month >= ? AND month <= ?",
                    arguments: [memberID, first, last])
                {
                    paid[row["month"]] = row["amountFen"]
                }
            }
            let distinctions = try Row.fetchAll(
                db, sql: """
                    SELECT d.kind, d.title, d.level, d.date, d.document, o.fullName AS orgName FROM distinction AS d
                    JOIN org AS o ON o.id = d.grantingOrgID WHERE d.memberID = ? ORDER BY d.date, d.id
                    """, arguments: [memberID]
            ).map {
                MemberCard.Distinction(kind: $0["kind"], title: $0["title"], level: $0["level"], date: $0["date"], document: $0["document"], grantedBy: $0["orgName"])
            }
            return (transfers.sorted { $0.at < $1.at }, months.map { MemberCard.Fee(month: $0, amountFen: paid[$0]) }, distinctions)
        }
    }
}
