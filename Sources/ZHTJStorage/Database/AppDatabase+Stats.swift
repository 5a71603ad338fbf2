import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

extension AppDatabase {
    /// Moves a member to another branch at once (storage tests; the daemon's transfers go through
    /// `fileTransfer` and `decideTransfer`, R-W1).
    public func transfer(memberID: Int64, to target: OrgSummary, caller: Caller, now: Date) throws {
        try write { db in
            let fromID = try required(Int64.fetchOne(db, sql: "SELECT branchID FROM member WHERE id = ?", arguments: [memberID]), "member \(memberID)")
            try Self.moveMember(db, memberID: memberID, from: fromID, to: target.id, caller: caller, now: now)
        }
    }

    /// Per direct subordinate of `orgID` and join year: counts of each status; new members count only the
    /// authenticated among those who need an e-archive (R-E11). From the kept tallies (v7): one row per subordinate,
    /// join year and e-archive state, whatever the number of members below.
    public func stats(orgID: Int64, year: Int?) throws -> [StatsRow] {
        let children = try self.children(of: orgID)
        let targets = children.isEmpty ? [try required(self.org(id: orgID), "org \(orgID)")] : children
        return try read { db in
            var rows: [StatsRow] = []
            for org in targets {
                let groups = try Row.fetchAll(
                    db, sql: "SELECT joinYear, bucket, count FROM orgTally WHERE orgID = ?1 AND (CAST(?2 AS INTEGER) IS NULL OR joinYear = ?2) AND count > 0",
                    arguments: [org.id, year])
                var byYear: [Int: [MemberStatus: Int]] = [:]
                for group in groups {
                    let joinYear: Int = group["joinYear"]
                    let status = ReviewRules.status(needsEArchive: joinYear >= MembershipRules.eArchiveFromYear, latest: Self.latestState(bucket: group["bucket"]))
                    byYear[joinYear, default: [:]][status, default: 0] += group["count"] as Int
                }
                for (joinYear, counts) in byYear.sorted(by: { $0.key < $1.key }) {
                    func count(_ s: MemberStatus) -> Int { counts[s] ?? 0 }
                    let newMembers = counts.filter { ReviewRules.countsAsNewMember($0.key) }.map(\.value).reduce(0, +)
                    rows.append(StatsRow(
                        orgID: org.id, org: org.fullName, joinYear: joinYear,
                        newMembers: count(.notRequired) + newMembers,
                        notRequired: count(.notRequired), notAuthenticated: count(.notAuthenticated),
                        authenticationFailed: count(.authenticationFailed), authenticated: count(.authenticated)))
                }
            }
            return rows
        }
    }
}
