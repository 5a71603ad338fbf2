import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

extension AppDatabase {
    /// Imports validated rows: each row's branch must be a branch in `subtree`; ID numbers and
    /// development numbers must be new (a row equal to the stored member counts as unchanged).
    /// The good rows go in together, in one transaction.
    public func importMembers(_ drafts: [MemberDraft], within subtree: Subtree, caller: Caller, now: Date) throws -> ImportOutcome {
        let scope = subtree.path
        return try write { db in
            var outcome = ImportOutcome()
            var branches: [String: Result<(Int64, String), ZHTJError>] = [:]
            var seenID: [String: Int] = [:]
            var seenNumber: [String: Int] = [:]
            // A large import's changed index pages stay in memory until the commit (256 MiB for this write, then back).
            // (SQLite's page cache; PostgreSQL's shared buffers are the server's.)
            let cacheSize = try db.sqlite.map { try Int.fetchOne($0, sql: "PRAGMA cache_size") ?? -2000 }
            if let sqlite = db.sqlite { try sqlite.execute(sql: "PRAGMA cache_size = -262144") }
            defer { if let sqlite = db.sqlite, let cacheSize { try? sqlite.execute(sql: "PRAGMA cache_size = \(cacheSize)") } }
            // The members the table names that exist already, by ID number and by development number: two statements
            // over the whole table's keys (json_each), not two queries per row.
            let existing = try Self.existingMembers(db, idNumbers: drafts.map(\.idNumber), numbers: drafts.compactMap(\.developmentNumber))
            let insertMember = try db.cachedStatement(
                sql: """
                    INSERT INTO member (idNumber, name, birthDate, ethnicity, politicalStatus, joinDate, joinYear, branchID, isCadre,
                        developmentNumber, mobile, education, occupation, createdAt, createdByUID, createdByAdmin)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            func reject(_ d: MemberDraft, _ column: MemberTable.Column, _ value: String, _ reason: String) {
                outcome.issues.append(RowIssue(line: d.line, column: column.rawValue, value: value, reason: reason))
                outcome.rejectedLines.insert(d.line)
            }
            // On PostgreSQL the derived data of the new members is kept set-based after the loop (PostgresBulk).
            if db.isPostgres { try PostgresBulk.begin(db) }
            for draft in drafts {
                let branch: Result<(Int64, String), ZHTJError>
                if let cached = branches[draft.branch] {
                    branch = cached
                } else {
                    do {
                        let row = try Self.resolveOrg(db, draft.branch, scopePath: scope)
                        branch = row.org.orgCategory == .branch ? .success((row.org.id!, row.org.fullName)) : .failure(.notBranch(row.org.fullName))
                    } catch let error as ZHTJError {
                        branch = .failure(error)
                    }
                    branches[draft.branch] = branch
                }
                guard case .success(let (branchID, branchName)) = branch else {
                    if case .failure(let error) = branch {
                        reject(draft, .branch, draft.branch, error.description)
                        if error.isDenial { outcome.deniedLines.append(draft.line) }
                    }
                    continue
                }
                if let line = seenID[draft.idNumber] {
                    reject(draft, .idNumber, IDNumber.masked(draft.idNumber), "与第\(line)行身份证号码重复 / the same ID number as line \(line)")
                    continue
                }
                seenID[draft.idNumber] = draft.line
                if let number = draft.developmentNumber {
                    if let line = seenNumber[number] {
                        reject(draft, .developmentNumber, number, "与第\(line)行发展团员编号重复 / the same development number as line \(line)")
                        continue
                    }
                    seenNumber[number] = draft.line
                }
                let record = MemberRecord(draft: draft, branchID: branchID, caller: caller, now: now)
                if let existing = existing.byIDNumber[draft.idNumber] {
                    if existing.sameData(as: record) {
                        outcome.unchanged += 1
                    } else {
                        reject(draft, .idNumber, IDNumber.masked(draft.idNumber),
                               "该身份证号码已登记（团员编号\(existing.id!)），数据不同；导入不会覆盖已有记录 / already registered (member \(existing.id!)) with other data; an import never overwrites a record")
                    }
                    continue
                }
                if let number = draft.developmentNumber, let owner = existing.byNumber[number] {
                    reject(draft, .developmentNumber, number,
                           "该发展团员编号已属于另一名团员（\(owner)）/ already belongs to another member (\(owner))")
                    continue
                }
                var inserted = record
                try insertMember.execute(arguments: [
                    record.idNumber, record.name, record.birthDate, record.ethnicity, record.politicalStatus, record.joinDate,
                    record.joinYear, record.branchID, record.isCadre, record.developmentNumber, record.mobile, record.education,
                    record.occupation, record.createdAt, record.createdByUID, record.createdByAdmin,
                ])
                inserted.id = try db.lastInsertedRowID()
                outcome.imported.append(inserted.info(branch: branchName))
            }
            if db.isPostgres {
                try PostgresBulk.end(db)
                try PostgresBulk.membersInserted(db, ids: outcome.imported.map(\.id))
            }
            // One audit row for the import, naming the members it registered (ids ascending, consecutive runs as
            // ranges), instead of one row per member.
            if !outcome.imported.isEmpty {
                try Self.record(db, caller: caller, action: "member.import", target: "members",
                                detail: "\(outcome.imported.count) imported, \(outcome.unchanged) unchanged; registered members "
                                    + Self.ranges(outcome.imported.map(\.id)), at: now)
            }
            return outcome
        }
    }

    /// Existing members by ID number, and existing development numbers with their member's name.
    private static func existingMembers(_ db: SQLSession, idNumbers: [String], numbers: [String]) throws
        -> (byIDNumber: [String: MemberRecord], byNumber: [String: String])
    {
        var byIDNumber: [String: MemberRecord] = [:]
        let members = try MemberRecord.fetchCursor(
            db, sql: "SELECT member.* FROM json_each(?) AS k JOIN member ON member.idNumber = k.value", arguments: [try jsonArray(idNumbers)])
        while let member = try members.next() { byIDNumber[member.idNumber] = member }
        var byNumber: [String: String] = [:]
        let owners = try Row.fetchCursor(
            db, sql: "SELECT member.developmentNumber, member.name FROM json_each(?) AS k JOIN member ON member.developmentNumber = k.value",
            arguments: [try jsonArray(numbers)])
        while let row = try owners.next() { byNumber[row["developmentNumber"]] = row["name"] }
        return (byIDNumber, byNumber)
    }

    /// `1-5,7,9-12` from ascending ids.
    static func ranges(_ ids: [Int64]) -> String {
        var parts: [String] = []
        var i = 0
        while i < ids.count {
            var j = i
            while j + 1 < ids.count && ids[j + 1] == ids[j] + 1 { j += 1 }
            parts.append(i == j ? "\(ids[i])" : "\(ids[i])-\(ids[j])")
            i = j + 1
        }
        return parts.joined(separator: ",")
    }

    private static let memberSelection = "SELECT member.*, org.fullName AS branchName, org.path AS branchPath FROM member JOIN org ON org.id = member.branchID"

    private static func infos(_ db: SQLSession, sql: String, arguments: SQLArguments) throws -> [MemberInfo] {
        try Row.fetchAll(db, sql: memberSelection + " " + sql, arguments: arguments).map { row in
            try MemberRecord(row: row).info(branch: row["branchName"])
        }
    }

    /// One member by member id, ID number, development number or exact name, within `subtree`.
    public func member(key raw: String, within subtree: Subtree) throws -> MemberInfo {
        let scope = subtree.path
        let key = raw.trimmingCharacters(in: .whitespaces)
        let (lower, upperPath) = Self.subtreeBounds(scope)
        return try read { db in
            let scoped = "AND org.path >= ? AND org.path < ?"
            var found: [MemberInfo] = []
            let upper = key.uppercased()
            if upper.count == 18 {
                found = try Self.infos(db, sql: "WHERE member.idNumber = ? \(scoped)", arguments: [upper, lower, upperPath])
            } else if key.count == 12, key.allSatisfy(\.isNumber) {
                found = try Self.infos(db, sql: "WHERE member.developmentNumber = ? \(scoped)", arguments: [key, lower, upperPath])
            } else if let id = Int64(key.hasPrefix("#") ? String(key.dropFirst()) : key) {
                found = try Self.infos(db, sql: "WHERE member.id = ? \(scoped)", arguments: [id, lower, upperPath])
            }
            if found.isEmpty {
                found = try Self.infos(db, sql: "WHERE member.name = ? \(scoped) LIMIT 20", arguments: [key, lower, upperPath])
            }
            guard var first = found.first else { throw ZHTJError.memberNotFound(key) }
            guard found.count == 1 else {
                throw ZHTJError.memberAmbiguous(key, candidates: found.map { "#\($0.id) \($0.name) \(IDNumber.masked($0.idNumber))" })
            }
            first.archives = try Row.fetchAll(
                db, sql: """
                    SELECT v.*, d.pages, d.size, u.displayName, u.checks, o.fullName, o.id AS orgID, r.fullName AS reviewerName, a.name AS decidedByName
                    FROM archiveVersion AS v JOIN document AS d ON d.sha256 = v.sha256 JOIN upload AS u ON u.id = v.uploadID
                    JOIN org AS o ON o.id = v.uploaderOrgID LEFT JOIN org AS r ON r.id = v.reviewerOrgID
                    LEFT JOIN admin AS a ON a.id = v.decidedByAdmin
                    WHERE v.memberID = ? ORDER BY v.version
                    """, arguments: [first.id]
            ).map {
                var info = ArchiveVersionInfo(
                    version: $0["version"], uploadID: $0["uploadID"], sha256: $0["sha256"], pages: $0["pages"], size: $0["size"],
                    fileName: $0["displayName"], uploadedBy: $0["fullName"], uploadedByID: $0["orgID"], required: $0["required"], createdAt: $0["createdAt"])
                info.state = ArchiveState(rawValue: $0["state"]) ?? .pending
                info.needsReview = $0["needsReview"]
                info.reviewer = $0["reviewerName"]
                info.reviewedBy = $0["decidedByName"]
                info.reviewedAt = $0["decidedAt"]
                info.reason = $0["reason"]
                info.reasonCode = $0["reasonCode"]
                info.checks = Self.checks($0["checks"])
                return info
            }
            first.status = ReviewRules.status(needsEArchive: first.needsEArchive, latest: first.archives?.last?.state)
            first.history = try Row.fetchAll(
                db, sql: "SELECT audit.*, admin.name AS adminName FROM audit LEFT JOIN admin ON admin.id = audit.adminID WHERE target = ? ORDER BY audit.id",
                arguments: ["member:\(first.id)"]
            ).map { HistoryEntry(at: $0["at"], action: $0["action"], actor: $0["adminName"] ?? "zhtjd", reason: $0["reason"]) }
            // Since issue 13 an import audits itself in one row (`member.import`, naming the members); the member's
            // own registration comes from its record (when, by whom), as the per-member audit row used to say.
            if first.history?.contains(where: { $0.action == "member.register" }) == false,
                let row = try Row.fetchOne(
                    db, sql: "SELECT m.createdAt, a.name AS adminName FROM member AS m LEFT JOIN admin AS a ON a.id = m.createdByAdmin WHERE m.id = ?",
                    arguments: [first.id])
            {
                first.history?.insert(HistoryEntry(at: row["createdAt"], action: "member.register", actor: row["adminName"] ?? "zhtjd", reason: "import"), at: 0)
            }
            return first
        }
    }

    /// Members whose name contains `text`, or whose ID number or development number starts with it,
    /// within `subtree`; ID numbers masked.
    public func searchMembers(_ raw: String, within subtree: Subtree, limit: Int) throws -> [MemberInfo] {
        let scope = subtree.path
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw ZHTJError.badRequest("empty search text / 搜索内容为空") }
        let (lower, upper) = Self.subtreeBounds(scope)
        let idPrefix = text.uppercased()
        // Each of the three matches is an index range: name suffixes (v6) starting with the text folded like LIKE,
        // and the ID-number and development-number prefixes.
        let hits = """
            SELECT memberID FROM memberNameSuffix WHERE suffix >= lower(?1) AND suffix < lower(?1) || ?2
            UNION SELECT id FROM member WHERE idNumber >= ?3 AND idNumber < ?3 || ?2
            UNION SELECT id FROM member WHERE developmentNumber >= ?4 AND developmentNumber < ?4 || ?2
            """
        return try read { db in
            // PostgreSQL's planner, seeing a whole-registry scope, would walk every member in id order testing each
            // against the matches (56 ms for one ID number among 200 000); the matches as an array first make it an
            // index look-up of those few ids.
            let match = db.isPostgres ? "member.id = ANY(ARRAY(\(hits)))" : "member.id IN (\(hits))"
            return try Self.infos(
                db,
                sql: """
                    WHERE \(match)
                    AND org.path >= ?5 AND org.path < ?6
                    ORDER BY member.id LIMIT ?7
                    """,
                arguments: [text, "\u{10FFFF}", idPrefix, text, lower, upper, limit]
            ).map(\.masked)
        }
    }
}
