import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

/// The cadre e-database (R-E14): no archive of its own. A cadre's e-archive is the e-archive of the member with the
/// cadre's ID number, found when read, so a member imported after the cadre was entered is found too.
extension AppDatabase {
    public func cadreArchives(orgID: Int64) throws -> [CadreArchiveRow] {
        try read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT c.id, c.name, c.post, c.joinDate, c.developmentNumber, m.id AS memberID, m.joinYear AS memberJoinYear,
                        m.latestState, b.fullName AS branchName
                    FROM cadre AS c
                    LEFT JOIN member AS m ON m.idNumber = c.idNumber AND m.leftAt IS NULL
                    LEFT JOIN org AS b ON b.id = m.branchID
                    WHERE c.orgID = ? AND c.removedAt IS NULL ORDER BY c.id
                    """, arguments: [orgID]
            ).map { row in
                let joined = JoinDate(row["joinDate"])
                let memberID: Int64? = row["memberID"]
                let status = memberID.map { _ in
                    ReviewRules.status(
                        needsEArchive: (row["memberJoinYear"] as Int? ?? 0) >= MembershipRules.eArchiveFromYear,
                        latest: (row["latestState"] as String?).flatMap(ArchiveState.init(rawValue:)))
                }
                return CadreArchiveRow(
                    cadreID: row["id"], name: row["name"], post: row["post"], joinDate: row["joinDate"], developmentNumber: row["developmentNumber"],
                    needsEArchive: joined.map(MembershipRules.needsEArchive(joined:)) ?? false, memberID: memberID, branch: row["branchName"],
                    status: status)
            }
        }
    }
}
