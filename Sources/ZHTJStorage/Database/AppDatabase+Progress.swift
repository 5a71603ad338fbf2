import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

extension AppDatabase {
    /// The progress view of `orgID`'s direct subordinates (R-O8), with the R-O1 and R-O4 flags, and totals per category.
    public func progress(orgID: Int64, now: Date) throws -> (rows: [ProgressRow], totals: [ProgressTotal]) {
        let children = try self.children(of: orgID)
        return try read { db in
            var rows: [ProgressRow] = []
            for child in children {
                let record = try required(OrgRecord.fetchOne(db, key: child.id), "org \(child.id)")
                let admin = try Row.fetchOne(db, sql: "SELECT name, mobile FROM admin WHERE orgID = ? ORDER BY id LIMIT 1", arguments: [child.id])
                let code = try Date.fetchOne(
                    db, sql: "SELECT max(expiresAt) FROM registrationCode WHERE orgID = ? AND usedAt IS NULL AND expiresAt > ?", arguments: [child.id, now])
                let subordinates = try Int.fetchOne(db, sql: "SELECT count(*) FROM org WHERE parentID = ?", arguments: [child.id]) ?? 0
                let (lower, upper) = Self.subtreeBounds(record.path)
                let branchesBelow = try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM org WHERE path >= ? AND path < ? AND category = 'branch' AND id != ?",
                    arguments: [lower, upper, child.id]) ?? 0
                let complete = record.secretaryName != nil && record.secretaryMobile != nil && record.industry != nil
                rows.append(ProgressRow(
                    org: child, adminRegistered: admin != nil, adminName: admin?["name"],
                    adminMobile: (admin?["mobile"] as String?).map(Mobile.masked), dataComplete: complete, hasSubordinates: subordinates > 0,
                    codeIssued: code != nil, codeExpiresAt: code,
                    noBranchBelow: (child.category == .committee || child.category == .workingCommittee || child.category == .generalBranch) && branchesBelow == 0,
                    tooFewMembers: child.category == .branch && child.memberCount < 3))
            }
            let totals = OrgCategory.allCases.compactMap { category -> ProgressTotal? in
                let of = rows.filter { $0.org.category == category }
                return of.isEmpty ? nil : ProgressTotal(category: category, orgs: of.count, registered: of.filter(\.adminRegistered).count)
            }
            return (rows, totals)
        }
    }
}
