import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

extension AppDatabase {
    /// The ids and categories of an org's ancestors, nearest first (not the org itself).
    static func ancestors(_ db: SQLSession, of orgID: Int64) throws -> [(id: Int64, category: OrgCategory)] {
        guard let path = try String.fetchOne(db, sql: "SELECT path FROM org WHERE id = ?", arguments: [orgID]) else { return [] }
        let ids = path.split(separator: "/").compactMap { Int64($0) }.filter { $0 != orgID }.reversed()
        return try ids.compactMap { id in
            try String.fetchOne(db, sql: "SELECT category FROM org WHERE id = ?", arguments: [id]).flatMap(OrgCategory.init(rawValue:)).map { (id, $0) }
        }
    }

    /// The superior committee that reviews a branch's members (R-E4).
    static func reviewerOrg(_ db: SQLSession, branchID: Int64) throws -> Int64? {
        ReviewRules.reviewer(ancestors: try ancestors(db, of: branchID))
    }

    /// The state of the member's latest version and an approved, unused change request, if any.
    static func dropContext(_ db: SQLSession, memberID: Int64) throws -> (latest: ArchiveState?, changeRequestID: Int64?, required: Bool) {
        let latest = try String.fetchOne(db, sql: "SELECT state FROM archiveVersion WHERE memberID = ? ORDER BY version DESC LIMIT 1", arguments: [memberID])
        let change = try Int64.fetchOne(db, sql: "SELECT id FROM changeRequest WHERE memberID = ? AND state = 'approved' ORDER BY id LIMIT 1", arguments: [memberID])
        let joinYear = try Int.fetchOne(db, sql: "SELECT joinYear FROM member WHERE id = ?", arguments: [memberID]) ?? 0
        return (latest.flatMap(ArchiveState.init(rawValue:)), change, joinYear >= MembershipRules.eArchiveFromYear)
    }

    static func drop(_ context: (latest: ArchiveState?, changeRequestID: Int64?, required: Bool)) -> ReviewRules.Drop {
        ReviewRules.drop(latest: context.latest, approvedChangeRequest: context.changeRequestID != nil, required: context.required)
    }

    /// What a new file for this member would meet (R-E7, R-E12), before anything is archived.
    public func dropDecision(memberID: Int64) throws -> ReviewRules.Drop {
        try read { db in
            return Self.drop(try Self.dropContext(db, memberID: memberID))
        }
    }

    /// Adds the member's next version under the review rules: pending for the superior committee when it came from a
    /// branch or general branch (R-E4), approved without review from a committee-level folder (R-E5) or when no
    /// e-archive is needed (R-E1); refused while the latest is pending or approved, unless a change request was
    /// approved (R-E12), which it then uses up.
    static func addVersion(_ db: SQLSession, memberID: Int64, uploadID: Int64, sha256: String, uploaderOrgID: Int64, required: Bool, now: Date) throws -> Int {
        guard let member = try Row.fetchOne(db, sql: "SELECT name, developmentNumber, branchID FROM member WHERE id = ?", arguments: [memberID]) else {
            throw ZHTJError.memberNotFound("#\(memberID)")
        }
        let context = try dropContext(db, memberID: memberID)
        let drop = Self.drop(context)
        if drop == .refuse { throw ZHTJError.changeRequired(member["developmentNumber"] ?? member["name"]) }
        let uploader = try String.fetchOne(db, sql: "SELECT category FROM org WHERE id = ?", arguments: [uploaderOrgID]).flatMap(OrgCategory.init(rawValue:)) ?? .branch
        let (state, needsReview) = ReviewRules.initialState(uploader: uploader, needsEArchive: required)
        // With no committee-level org above the branch, the root org reviews, so no file waits for nobody.
        let reviewer = needsReview
            ? try reviewerOrg(db, branchID: member["branchID"]) ?? Int64.fetchOne(db, sql: "SELECT id FROM org WHERE parentID IS NULL")
            : nil
        let next = try Int.fetchOne(db, sql: "SELECT ifnull(max(version), 0) + 1 FROM archiveVersion WHERE memberID = ?", arguments: [memberID])
        let version = try ZHTJStorage.required(next, "the next version number of member \(memberID)")  // (the parameter `required` hides the helper)
        if drop == .acceptSuperseding {
            try db.execute(sql: "UPDATE archiveVersion SET state = 'superseded' WHERE memberID = ? AND state IN ('pending', 'approved')", arguments: [memberID])
        }
        try db.execute(
            sql: """
                INSERT INTO archiveVersion (memberID, version, uploadID, sha256, uploaderOrgID, required, createdAt, state, needsReview,
                    reviewerOrgID, changeRequestID)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [memberID, version, uploadID, sha256, uploaderOrgID, required, now, state.rawValue, needsReview, reviewer,
                        context.changeRequestID])
        if let change = context.changeRequestID {
            // Used by the next version, also a replacement after a rejection: it never lets a second file in later.
            try db.execute(sql: "UPDATE changeRequest SET state = 'used', usedByVersion = ? WHERE id = ?", arguments: [version, change])
        }
        try record(db, caller: Caller(uid: 0, orgID: uploaderOrgID), action: "archive.version", target: "member:\(memberID)",
                   detail: "v\(version) \(state.rawValue)\(needsReview ? "" : " (no review)")", at: now)
        return version
    }

    /// One page of the caller's queue: at most `limit` pending versions (nil: every one) whose id is greater than
    /// `after`, oldest first, with the count of all of them and of those after the page. Only the page is read: the
    /// index `version_review(state, reviewerOrgID)` keeps each reviewer's rows in id (rowid) order, so `id > ?`
    /// starts the walk and `LIMIT` ends it, with no sort (docs/performance.md has the plan); the counts are
    /// index-only ranges of the same index.
    public func reviewPage(reviewerOrgID orgID: Int64, after: Int64?, limit: Int?, now: Date) throws -> ReviewsPage {
        try read { db in
            // One more than the page tells whether anything is left after it; Int.max is no limit (on both engines).
            var rows = try Row.fetchAll(db, sql: Self.reviewPageSQL, arguments: [orgID, after ?? 0, limit.map { $0 + 1 } ?? Int.max])
            let more = limit.map { rows.count > $0 } ?? false
            if more { rows.removeLast() }
            let items = rows.map { Self.reviewItem($0, now: now) }
            let total = try Self.pendingCount(db, reviewerOrgID: orgID)
            let next = more ? items.last?.id : nil
            let remaining = try next.map { try Self.pendingCount(db, reviewerOrgID: orgID, after: $0) } ?? 0
            return ReviewsPage(items: items, total: total, remaining: remaining, next: next)
        }
    }

    /// A page of `reviewPage`: reviewer, `after`, and the row limit.
    static let reviewPageSQL = pendingReviewsSQL + " AND v.reviewerOrgID = ? AND v.id > ? ORDER BY v.id LIMIT ?"

    /// The pending versions of a reviewer with an id greater than the second argument.
    static let pendingCountSQL = "SELECT count(*) FROM archiveVersion WHERE state = 'pending' AND reviewerOrgID = ? AND id > ?"

    /// How many versions wait for `orgID`'s review (with an id greater than `after`): a range of `version_review`.
    static func pendingCount(_ db: SQLSession, reviewerOrgID orgID: Int64, after: Int64 = Int64.min) throws -> Int {
        try Int.fetchOne(db, sql: pendingCountSQL, arguments: [orgID, after]) ?? 0
    }

    /// The pending versions with what a reviewer sees; the caller adds conditions and the order.
    static let pendingReviewsSQL = """
        SELECT v.id, v.version, v.reviewerOrgID, m.name, m.id AS memberID, m.developmentNumber, b.fullName AS branch, d.pages,
            u.numberSource, u.checks, u.displayName, u.receivedAt, o.fullName AS uploader
        FROM archiveVersion AS v JOIN member AS m ON m.id = v.memberID JOIN org AS b ON b.id = m.branchID
        JOIN document AS d ON d.sha256 = v.sha256 JOIN upload AS u ON u.id = v.uploadID JOIN org AS o ON o.id = v.uploaderOrgID
        WHERE v.state = 'pending'
        """

    static func reviewItem(_ row: Row, now: Date) -> ReviewItem {
        let received: Date = row["receivedAt"]
        var item = ReviewItem(
            id: row["id"], member: row["name"], memberID: row["memberID"], developmentNumber: row["developmentNumber"],
            branch: row["branch"], pages: row["pages"], version: row["version"], numberSource: row["numberSource"],
            fileName: row["displayName"], uploadedBy: row["uploader"], receivedAt: received,
            waitingDays: max(0, Int(now.timeIntervalSince(received) / 86400)))
        if item.numberSource == "ocr" { item.numberConfidence = Self.checks(row["checks"])["numberConfidence"].flatMap { Int($0) } }
        return item
    }

    /// Per direct subordinate: pending, approved, rejected and not uploaded among the members who need an e-archive,
    /// from the kept tallies (v7).
    public func reviewOverview(orgID: Int64) throws -> [ReviewOverviewRow] {
        let children = try self.children(of: orgID)
        return try read { db in
            try children.map { child in
                var counts: [String: Int] = [:]
                for row in try Row.fetchAll(
                    db, sql: "SELECT bucket, sum(count) AS n FROM orgTally WHERE orgID = ? AND joinYear >= ? GROUP BY bucket",
                    arguments: [child.id, MembershipRules.eArchiveFromYear])
                {
                    counts[row["bucket"]] = row["n"]
                }
                return ReviewOverviewRow(
                    org: child, pending: counts["pending"] ?? 0, approved: counts["approved"] ?? 0, rejected: counts["rejected"] ?? 0,
                    notUploaded: counts["none"] ?? 0)
            }
        }
    }

    /// A version as a reviewer's decision needs it.
    public func reviewTarget(id: Int64) throws -> ReviewTarget? {
        try read { db in
            try Row.fetchOne(
                db, sql: """
                    SELECT v.id, v.memberID, v.version, v.state, v.reviewerOrgID, m.name, m.developmentNumber, o.folder,
                        a.name AS decidedByName
                    FROM archiveVersion AS v JOIN member AS m ON m.id = v.memberID JOIN org AS o ON o.id = v.uploaderOrgID
                    LEFT JOIN admin AS a ON a.id = v.decidedByAdmin WHERE v.id = ?
                    """, arguments: [id]
            ).map { row in
                ReviewTarget(
                    id: row["id"], memberID: row["memberID"], version: row["version"], state: ArchiveState(rawValue: row["state"]) ?? .pending,
                    reviewerOrgID: row["reviewerOrgID"], decidedByName: row["decidedByName"], memberName: row["name"],
                    developmentNumber: row["developmentNumber"], uploaderFolder: row["folder"])
            }
        }
    }

    /// Moves a pending version to `state` and appends its audit row; false when it is no longer pending.
    public func recordDecision(reviewID: Int64, state: ArchiveState, reason: String?, reasonCode: String?, caller: Caller, now: Date) throws -> Bool {
        try write { db in
            try db.execute(
                sql: "UPDATE archiveVersion SET state = ?, decidedByAdmin = ?, decidedAt = ?, reason = ?, reasonCode = ? WHERE id = ? AND state = 'pending'",
                arguments: [state.rawValue, caller.adminID, now, reason, reasonCode, reviewID])
            guard db.changesCount == 1 else { return false }
            guard let row = try Row.fetchOne(db, sql: "SELECT memberID, version FROM archiveVersion WHERE id = ?", arguments: [reviewID]) else { return false }
            let memberID: Int64 = row["memberID"]
            try Self.record(db, caller: caller, action: state == .approved ? "review.approve" : "review.reject", target: "member:\(memberID)",
                            detail: ["v\(row["version"] as Int)", reasonCode, reason].compactMap { $0 }.joined(separator: " "), at: now)
            return true
        }
    }
}
