import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

/// Cadres (R-C1): adding them one at a time or from a table, finding and listing them. A change of post and a
/// removal are in `AppDatabase+CadrePosts.swift`, the key-area figures in `AppDatabase+KeyArea.swift`.
extension AppDatabase {
    static let cadreSelection = "SELECT c.*, o.fullName AS orgName, o.path AS orgPath FROM cadre AS c JOIN org AS o ON o.id = c.orgID"

    static func cadreInfo(_ row: Row) -> CadreInfo {
        let joinDate: String = row["joinDate"]
        var info = CadreInfo(
            id: row["id"], orgID: row["orgID"], org: row["orgName"], memberID: row["memberID"], name: row["name"], idNumber: row["idNumber"],
            ethnicity: row["ethnicity"], education: row["education"], occupation: row["occupation"], politicalStatus: row["politicalStatus"],
            joinDate: joinDate, post: row["post"], postSince: row["postSince"], appointedHow: row["appointedHow"],
            kind: CadreKind(rawValue: row["kind"]) ?? .partTime, partyCommitteeMember: row["partyCommitteeMember"], onDuty: row["onDuty"],
            mobile: row["mobile"], volunteer: row["volunteer"],
            needsApplicationForm: (Int(joinDate.prefix(4)) ?? 0) >= MembershipRules.eArchiveFromYear, createdAt: row["createdAt"])
        info.developmentNumber = row["developmentNumber"]
        info.partyJoinDate = row["partyJoinDate"]
        info.partyApplication = row["partyApplication"]
        info.partyApplicationDate = row["partyApplicationDate"]
        info.volunteerDate = row["volunteerDate"]
        info.removedAt = row["removedAt"]
        info.removedTo = (row["removedTo"] as String?).flatMap(CadreDestination.init(rawValue:))
        info.removedOther = row["removedOther"]
        return info
    }

    static func cadrePost(_ row: Row) -> CadrePostInfo {
        CadrePostInfo(post: row["post"], since: row["since"], appointedHow: row["appointedHow"], recordedAt: row["recordedAt"], endedAt: row["endedAt"])
    }

    /// One cadre with its posts (inside a transaction).
    static func cadre(_ db: SQLSession, id: Int64) throws -> CadreInfo {
        var info = cadreInfo(try required(Row.fetchOne(db, sql: cadreSelection + " WHERE c.id = ?", arguments: [id]), "cadre \(id)"))
        info.posts = try Row.fetchAll(db, sql: "SELECT * FROM cadrePost WHERE cadreID = ? ORDER BY id", arguments: [id]).map(cadrePost)
        return info
    }

    public func addCadres(_ drafts: [CadreDraft], orgID: Int64, caller: Caller, now: Date) throws -> CadreAddOutcome {
        try write { db in
            var outcome = CadreAddOutcome()
            let category = try required(String.fetchOne(db, sql: "SELECT category FROM org WHERE id = ?", arguments: [orgID]), "org \(orgID)")
            let isBranch = OrgCategory(rawValue: category) == .branch
            var seen: [String: Int] = [:]
            var members: [Int64: Int64] = [:]
            for draft in drafts {
                func reject(_ column: CadreTable.Column, _ value: String, _ reason: String) {
                    outcome.issues.append(RowIssue(line: draft.line, column: column.rawValue, value: value, reason: reason))
                    outcome.rejectedLines.insert(draft.line)
                }
                let masked = IDNumber.masked(draft.idNumber)
                if let line = seen[draft.idNumber] {
                    reject(.idNumber, masked, "与第\(line)行身份证号码重复 / the same ID number as line \(line)")
                    continue
                }
                seen[draft.idNumber] = draft.line
                if let existing = try Int64.fetchOne(
                    db, sql: "SELECT id FROM cadre WHERE orgID = ? AND idNumber = ? AND removedAt IS NULL", arguments: [orgID, draft.idNumber])
                {
                    reject(.idNumber, masked, "已是本组织在任团干部（#\(existing)），换任职务请用 zhtj cadre change-post / already a cadre in post here (#\(existing)): a new post is `zhtj cadre change-post`")
                    continue
                }
                // A branch's cadres are members of the branch with a post (seed 001 §2.1.1).
                var memberID: Int64? = nil
                if isBranch {
                    guard let member = try Row.fetchOne(
                        db, sql: "SELECT id, name FROM member WHERE idNumber = ? AND branchID = ? AND leftAt IS NULL", arguments: [draft.idNumber, orgID])
                    else {
                        reject(.idNumber, masked, "团支部的团干部须是本支部团员：请先导入该团员（zhtj member import）/ a branch's cadres are members of the branch: import the member first")
                        continue
                    }
                    guard member["name"] as String == draft.name else {
                        reject(.name, draft.name, "与团员记录的姓名（\(member["name"] as String)）不同 / differs from the member's name, \(member["name"] as String)")
                        continue
                    }
                    memberID = member["id"]
                }
                try db.execute(
                    sql: """
                        INSERT INTO cadre (orgID, memberID, name, idNumber, birthDate, ethnicity, education, occupation, politicalStatus, joinDate,
                            developmentNumber, partyJoinDate, post, postSince, appointedHow, kind, partyCommitteeMember, onDuty, mobile,
                            partyApplication, partyApplicationDate, volunteer, volunteerDate, createdAt, createdByUID, createdByAdmin)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        orgID, memberID, draft.name, draft.idNumber, draft.birthDate.description, draft.ethnicity, draft.education, draft.occupation,
                        draft.politicalStatus, draft.joinDate.description, draft.developmentNumber, draft.partyJoinDate?.description, draft.post,
                        draft.postSince, draft.appointedHow, draft.kind.rawValue, draft.partyCommitteeMember, draft.onDuty, draft.mobile,
                        draft.partyApplication, draft.partyApplicationDate?.description, draft.volunteer, draft.volunteerDate?.description, now,
                        Int64(caller.uid), caller.adminID,
                    ])
                let id = try db.lastInsertedRowID()
                try db.execute(
                    sql: "INSERT INTO cadrePost (cadreID, post, since, appointedHow, recordedAt, recordedByAdmin) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [id, draft.post, draft.postSince, draft.appointedHow, now, caller.adminID])
                if let memberID {
                    // 是否为团干部 = 是 (R-M1) for the member who holds the post.
                    try db.execute(sql: "UPDATE member SET isCadre = 1 WHERE id = ? AND isCadre = 0", arguments: [memberID])
                    members[id] = memberID
                }
                outcome.added.append(try Self.cadre(db, id: id))
            }
            // One audit row for the whole add; a single branch cadre is also in the member's history.
            if outcome.added.count == 1, drafts.count == 1, let cadre = outcome.added.first {
                try Self.record(db, caller: caller, action: "cadre.add", target: "cadre:\(cadre.id)", detail: "\(cadre.post), \(cadre.kind.rawValue), org \(orgID)", at: now)
                if let memberID = members[cadre.id] {
                    try Self.record(db, caller: caller, action: "cadre.add", target: "member:\(memberID)", detail: "cadre #\(cadre.id): \(cadre.post)", at: now)
                }
            } else if !outcome.added.isEmpty {
                try Self.record(
                    db, caller: caller, action: "cadre.import", target: "org:\(orgID)",
                    detail: "\(outcome.added.count) added, \(outcome.rejectedLines.count) rejected; cadres " + Self.ranges(outcome.added.map(\.id)), at: now)
            }
            return outcome
        }
    }

    public func cadre(key raw: String, within subtree: Subtree) throws -> CadreInfo {
        let key = raw.trimmingCharacters(in: .whitespaces)
        let (lower, upper) = Self.subtreeBounds(subtree.path)
        return try read { db in
            let scoped = "AND o.path >= ? AND o.path < ? ORDER BY c.id LIMIT 20"
            var found: [Row] = []
            let idText = key.hasPrefix("#") ? String(key.dropFirst()) : key
            if key.count == 18 {
                found = try Row.fetchAll(db, sql: Self.cadreSelection + " WHERE c.idNumber = ? \(scoped)", arguments: [key.uppercased(), lower, upper])
            } else if let id = Int64(idText), idText.allSatisfy(\.isASCII) {
                found = try Row.fetchAll(db, sql: Self.cadreSelection + " WHERE c.id = ? \(scoped)", arguments: [id, lower, upper])
            }
            if found.isEmpty {
                found = try Row.fetchAll(db, sql: Self.cadreSelection + " WHERE c.name = ? \(scoped)", arguments: [key, lower, upper])
            }
            // One in post is meant before the removed records of the same person.
            let inPost = found.filter { ($0["removedAt"] as DatabaseValue).isNull }
            let candidates = inPost.isEmpty ? found : inPost
            guard let first = candidates.first else { throw ZHTJError.cadreNotFound(key) }
            guard candidates.count == 1 else {
                let names = candidates.map { "#\($0["id"] as Int64) \($0["name"] as String) \($0["orgName"] as String)" }
                throw ZHTJError.invalidField(
                    field: "团干部 cadre", value: key, reason: "对应多人：\(names.joined(separator: "、"))，请用 #编号 / names several cadres (\(names.joined(separator: ", "))): use #id")
            }
            return try Self.cadre(db, id: first["id"])
        }
    }

    public func cadres(within subtree: Subtree, includeRemoved: Bool, limit: Int) throws -> [CadreInfo] {
        let (lower, upper) = Self.subtreeBounds(subtree.path)
        return try read { db in
            let removed = includeRemoved ? "" : "AND c.removedAt IS NULL"
            var list = try Row.fetchAll(
                db, sql: Self.cadreSelection + " WHERE o.path >= ? AND o.path < ? \(removed) ORDER BY o.path, c.id LIMIT ?", arguments: [lower, upper, limit]
            ).map { Self.cadreInfo($0).masked }
            guard includeRemoved, !list.isEmpty else { return list }
            // The posts of the cadres listed (at most `limit`), not of every cadre of the subtree.
            var posts: [Int64: [CadrePostInfo]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT p.* FROM json_each(?) AS k JOIN cadrePost AS p ON p.cadreID = CAST(k.value AS INTEGER) ORDER BY p.id",
                arguments: [try Self.jsonArray(list.map { String($0.id) })])
            {
                posts[row["cadreID"], default: []].append(Self.cadrePost(row))
            }
            for i in list.indices { list[i].posts = posts[list[i].id] ?? [] }
            return list
        }
    }
}
