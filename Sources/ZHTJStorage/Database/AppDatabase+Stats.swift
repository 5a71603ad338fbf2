import Foundation
import GRDB
import ZHTJCore

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
        let targets = children.isEmpty ? [try self.org(id: orgID)!] : children
        return try read { db in
            var rows: [StatsRow] = []
            for org in targets {
                let path = try String.fetchOne(db, sql: "SELECT path FROM org WHERE id = ?", arguments: [org.id])!
                let members = try Row.fetchAll(
                    db, sql: """
                        SELECT m.joinYear, (SELECT state FROM archiveVersion WHERE memberID = m.id ORDER BY version DESC LIMIT 1) AS latest
                        FROM member AS m JOIN org AS b ON b.id = m.branchID
                        WHERE b.path LIKE ? AND (? IS NULL OR m.joinYear = ?)
                        """, arguments: [path + "%", year, year])
                var byYear: [Int: [MemberStatus]] = [:]
                for m in members {
                    let joinYear: Int = m["joinYear"]
                    let latest = (m["latest"] as String?).flatMap(ArchiveState.init(rawValue:))
                    byYear[joinYear, default: []].append(ReviewRules.status(needsEArchive: joinYear >= MembershipRules.eArchiveFromYear, latest: latest))
                }
                for (joinYear, statuses) in byYear.sorted(by: { $0.key < $1.key }) {
                    func count(_ s: MemberStatus) -> Int { statuses.filter { $0 == s }.count }
                    rows.append(StatsRow(
                        orgID: org.id, org: org.fullName, joinYear: joinYear,
                        newMembers: count(.notRequired) + statuses.filter(ReviewRules.countsAsNewMember).count,
                        notRequired: count(.notRequired), notAuthenticated: count(.notAuthenticated),
                        authenticationFailed: count(.authenticationFailed), authenticated: count(.authenticated)))
                }
            }
            return rows
        }
    }
}
