import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

/// The fee tallies (v13) against a recount, and their rebuild: part of `tallyDifferences` and `rebuildTallies`.
extension AppDatabase {
    /// Members who have not left, per org of their subtree and join month.
    static let joinMonthRecountSQL = """
        SELECT a.ancestorID AS orgID, substr(m.joinDate, 1, 7) AS joinMonth, count(*) AS count
        FROM member AS m JOIN orgAncestor AS a ON a.orgID = m.branchID WHERE m.leftAt IS NULL GROUP BY 1, 2
        """

    /// Their payments (from the join month on), per org and month.
    static let feePaidRecountSQL = """
        SELECT a.ancestorID AS orgID, f.month AS month, count(*) AS paid, sum(f.amountFen) AS paidFen
        FROM feePayment AS f JOIN member AS m ON m.id = f.memberID JOIN orgAncestor AS a ON a.orgID = m.branchID
        WHERE m.leftAt IS NULL AND f.month >= substr(m.joinDate, 1, 7) GROUP BY 1, 2
        """

    /// Stored and recounted, as tally keys: `joined YYYY-MM`, `paid YYYY-MM`, `paidFen YYYY-MM` (zero rows left out).
    static func feeTallies(_ db: SQLSession) throws -> (stored: [TallyKey: Int], actual: [TallyKey: Int]) {
        func joined(_ sql: String) throws -> [TallyKey: Int] {
            var result: [TallyKey: Int] = [:]
            for row in try Row.fetchAll(db, sql: sql) where (row["count"] as Int) != 0 {
                let month: String = row["joinMonth"]
                result[TallyKey(orgID: row["orgID"], joinYear: Int(month.prefix(4)) ?? 0, bucket: "joined " + month)] = row["count"]
            }
            return result
        }
        func paid(_ sql: String) throws -> [TallyKey: Int] {
            var result: [TallyKey: Int] = [:]
            for row in try Row.fetchAll(db, sql: sql) {
                let month: String = row["month"], orgID: Int64 = row["orgID"], year = Int(month.prefix(4)) ?? 0
                if (row["paid"] as Int) != 0 { result[TallyKey(orgID: orgID, joinYear: year, bucket: "paid " + month)] = row["paid"] }
                if (row["paidFen"] as Int) != 0 { result[TallyKey(orgID: orgID, joinYear: year, bucket: "paidFen " + month)] = row["paidFen"] }
            }
            return result
        }
        let stored = try joined("SELECT orgID, joinMonth, count FROM orgJoinMonth")
            .merging(try paid("SELECT orgID, month, paid, paidFen FROM orgFeePaid")) { $0 + $1 }
        let actual = try joined(joinMonthRecountSQL).merging(try paid(feePaidRecountSQL)) { $0 + $1 }
        return (stored, actual)
    }

    static func rebuildFeeTallies(_ db: SQLSession) throws {
        try db.execute(sql: "DELETE FROM orgJoinMonth")
        try db.execute(sql: "INSERT INTO orgJoinMonth (orgID, joinMonth, count) " + joinMonthRecountSQL)
        try db.execute(sql: "DELETE FROM orgFeePaid")
        try db.execute(sql: "INSERT INTO orgFeePaid (orgID, month, paid, paidFen) " + feePaidRecountSQL)
    }
}
