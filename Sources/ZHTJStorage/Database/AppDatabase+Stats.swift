import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

extension AppDatabase {
    /// Moves a member to another branch: refused while the member needs an e-archive and is not authenticated (R-E11).
    /// The archive stays with the member; the move is recorded in the member's history.
    public func transfer(memberKey: String, to targetRef: String, caller: Caller, now: Date) throws -> MemberInfo {
        let member = try self.member(key: memberKey, caller: caller)
        let target = try resolveOrg(targetRef, scopePath: nil)
        guard target.category == .branch else { throw ZHTJError.notBranch(target.fullName) }
        guard target.id != member.branchID else { throw ZHTJError.badRequest("the member is already in \(target.fullName)") }
        let status = member.status ?? .notAuthenticated
        if member.needsEArchive, status != .authenticated {
            throw ZHTJError.notAllowed(
                "团员\(member.name)身份\(status.chinese)，认证前不能转接 / \(member.name) is \(status.rawValue): members who need an e-archive are authenticated before a transfer (R-E11)")
        }
        try write { db in
            try db.execute(sql: "INSERT INTO transfer (memberID, fromBranchID, toBranchID, byAdmin, at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [member.id, member.branchID, target.id, caller.adminID, now])
            try db.execute(sql: "UPDATE member SET branchID = ? WHERE id = ?", arguments: [target.id, member.id])
            try Self.record(db, caller: caller, action: "member.transfer", target: "member:\(member.id)", detail: "\(member.branch) → \(target.fullName)", at: now)
        }
        // The member may now be outside the caller's subtree: read the result without the scope.
        return try self.member(key: String(member.id), caller: Caller(uid: caller.uid, adminID: caller.adminID, orgID: caller.orgID, orgPath: "/"))
    }

    /// Per direct subordinate of `orgID` and join year: counts of each status; new members count only the
    /// authenticated among those who need an e-archive (R-E11).
    public func stats(orgID: Int64, year: Int?) throws -> [StatsRow] {
        let children = try self.children(of: orgID)
        let targets = children.isEmpty ? [try required(self.org(id: orgID), "org \(orgID)")] : children
        return try read { db in
            var rows: [StatsRow] = []
            for org in targets {
                let path = try required(String.fetchOne(db, sql: "SELECT path FROM org WHERE id = ?", arguments: [org.id]), "the path of org \(org.id)")
                let (lower, upper) = Self.subtreeBounds(path)
                // Counted in SQL per join year and latest state; only members who need an e-archive look up a version.
                let groups = try Row.fetchAll(
                    db, sql: """
                        SELECT m.joinYear, v.state AS latest, count(*) AS n
                        FROM org AS b JOIN member AS m ON m.branchID = b.id AND (?3 IS NULL OR m.joinYear = ?3)
                        LEFT JOIN archiveVersion AS v ON m.joinYear >= ?4 AND v.memberID = m.id
                            AND v.version = (SELECT max(version) FROM archiveVersion WHERE memberID = m.id)
                        WHERE b.path >= ?1 AND b.path < ?2
                        GROUP BY m.joinYear, v.state
                        """, arguments: [lower, upper, year, MembershipRules.eArchiveFromYear])
                var byYear: [Int: [MemberStatus: Int]] = [:]
                for group in groups {
                    let joinYear: Int = group["joinYear"]
                    let latest = (group["latest"] as String?).flatMap(ArchiveState.init(rawValue:))
                    let status = ReviewRules.status(needsEArchive: joinYear >= MembershipRules.eArchiveFromYear, latest: latest)
                    byYear[joinYear, default: [:]][status, default: 0] += group["n"] as Int
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
