import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

extension AppDatabase {
    /// Moves a member to another branch (the handler has checked R-E11 and the admin's subtree); the archive stays
    /// with the member and the move is recorded in the member's history.
    public func transfer(memberID: Int64, to target: OrgSummary, caller: Caller, now: Date) throws {
        try write { db in
            let branch = try required(
                Row.fetchOne(db, sql: "SELECT org.id, org.fullName FROM member JOIN org ON org.id = member.branchID WHERE member.id = ?", arguments: [memberID]),
                "the branch of member \(memberID)")
            let fromID: Int64 = branch["id"], fromName: String = branch["fullName"]
            try db.execute(sql: "INSERT INTO transfer (memberID, fromBranchID, toBranchID, byAdmin, at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [memberID, fromID, target.id, caller.adminID, now])
            try db.execute(sql: "UPDATE member SET branchID = ? WHERE id = ?", arguments: [target.id, memberID])
            try Self.record(db, caller: caller, action: "member.transfer", target: "member:\(memberID)", detail: "\(fromName) → \(target.fullName)", at: now)
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
