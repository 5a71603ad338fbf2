import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

extension AppDatabase {
    private static let uploadSelection = """
        SELECT upload.*, member.name AS memberName, archiveVersion.version AS version
        FROM upload
        LEFT JOIN member ON member.id = upload.memberID
        LEFT JOIN archiveVersion ON archiveVersion.uploadID = upload.id
        LEFT JOIN org ON org.id = upload.orgID
        """

    private static func info(_ row: Row) -> UploadInfo {
        var info = UploadInfo(
            id: row["id"], state: UploadState(rawValue: row["state"]) ?? .refused, name: row["displayName"], folder: row["folder"],
            orgID: row["orgID"], size: row["size"], pages: row["pages"], developmentNumber: row["developmentNumber"],
            numberSource: row["numberSource"], memberID: row["memberID"], memberName: row["memberName"], version: row["version"],
            reasonCode: row["reasonCode"], reason: row["reason"], sha256: row["sha256"], receivedAt: row["receivedAt"])
        let checks = Self.checks(row["checks"])
        info.suggestion = checks["suggestion"]
        if info.state == .unmatched { info.reason = checks["match"] }
        info.numberConfidence = checks["numberConfidence"].flatMap { Int($0) }
        return info
    }

    /// An upload's checks (a flat JSON object of strings), as a dictionary.
    static func checks(_ json: String?) -> [String: String] {
        guard let json, json.contains("\"") else { return [:] }
        return ((try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: String]) ?? [:]
    }

    /// Uploads in `state` whose folder's org is in `subtree`, oldest first.
    public func uploads(state: UploadState, within subtree: Subtree, limit: Int) throws -> [UploadInfo] {
        let (lower, upper) = Self.subtreeBounds(subtree.path)
        return try read { db in
            try Row.fetchAll(
                db, sql: Self.uploadSelection + " WHERE upload.state = ? AND org.path >= ? AND org.path < ? ORDER BY upload.id LIMIT ?",
                arguments: [state.rawValue, lower, upper, limit]
            ).map(Self.info)
        }
    }

    public func upload(id: Int64) throws -> UploadInfo? {
        try read { db in try Row.fetchOne(db, sql: Self.uploadSelection + " WHERE upload.id = ?", arguments: [id]).map(Self.info) }
    }

    /// The raw stored paths of a refused upload: where it lies now, and the inbox folder it came from.
    public func refusedLocation(id: Int64) throws -> (refusedPath: [UInt8], name: [UInt8], folder: String)? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT refusedPath, originalName, folder FROM upload WHERE id = ? AND state = 'refused'", arguments: [id]).map {
                (Array(($0["refusedPath"] as Data?) ?? Data()), Array(($0["originalName"] as Data?) ?? Data()), $0["folder"])
            }
        }
    }

    /// Gives an unmatched upload to a member (both checked by the handler to be in the admin's subtree): it becomes
    /// the member's next version.
    public func attach(uploadID: Int64, memberID: Int64, caller: Caller, now: Date) throws -> UploadInfo {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: Self.uploadSelection + " WHERE upload.id = ?", arguments: [uploadID]) else {
                throw ZHTJError.uploadNotFound(uploadID)
            }
            let member = try required(Row.fetchOne(db, sql: "SELECT id, branchID, joinYear FROM member WHERE id = ?", arguments: [memberID]), "member \(memberID)")
            let branchID: Int64 = member["branchID"]
            guard row["state"] as String == UploadState.unmatched.rawValue, let sha: String = row["sha256"] else {
                throw ZHTJError.uploadNotUnmatched(uploadID)
            }
            let joinYear: Int = member["joinYear"]
            // A file from the inbox root is the member's own branch's upload, as in ingest (R-E4).
            let fromRoot = (row["folder"] as String).isEmpty
            _ = try Self.addVersion(db, memberID: memberID, uploadID: uploadID, sha256: sha, uploaderOrgID: fromRoot ? branchID : (row["orgID"] ?? branchID),
                                    required: joinYear >= MembershipRules.eArchiveFromYear, now: now)
            try db.execute(sql: "UPDATE upload SET state = 'archived', memberID = ?, resolvedAt = ?, resolvedBy = ? WHERE id = ?",
                           arguments: [memberID, now, caller.adminID, uploadID])
            try Self.record(db, caller: caller, action: "upload.attach", target: "upload:\(uploadID)", detail: "member:\(memberID)", at: now)
        }
        return try required(upload(id: uploadID), "upload \(uploadID)")
    }

    /// Matches the unmatched uploads whose number now names a member inside the folder's subtree
    /// (after an import or a number correction). Returns the uploads it matched.
    @discardableResult
    public func matchUnmatched(now: Date) throws -> [Int64] {
        try write { db in
            let rows = try Row.fetchAll(
                db, sql: """
                    SELECT upload.id, upload.sha256, upload.orgID, upload.folder, member.id AS memberID, member.joinYear,
                        member.branchID, b.path AS branchPath, o.path AS orgPath
                    FROM upload
                    JOIN member ON member.developmentNumber = upload.developmentNumber
                    JOIN org AS b ON b.id = member.branchID
                    LEFT JOIN org AS o ON o.id = upload.orgID
                    WHERE upload.state = 'unmatched' AND upload.sha256 IS NOT NULL
                    """)
            var matched: [Int64] = []
            for row in rows {
                let branchPath: String = row["branchPath"]
                let orgPath: String? = row["orgPath"]
                let fromRoot = (row["folder"] as String).isEmpty
                guard fromRoot || orgPath.map({ branchPath.hasPrefix($0) }) == true else { continue }
                let id: Int64 = row["id"]
                let memberID: Int64 = row["memberID"]
                let uploader: Int64 = fromRoot ? row["branchID"] : (row["orgID"] ?? row["branchID"])
                do {
                    // Checked first: a member whose e-archive is pending or approved keeps the file unmatched (R-E12).
                    _ = try Self.addVersion(db, memberID: memberID, uploadID: id, sha256: row["sha256"], uploaderOrgID: uploader,
                                            required: (row["joinYear"] as Int) >= MembershipRules.eArchiveFromYear, now: now)
                } catch ZHTJError.changeRequired {
                    continue
                }
                try db.execute(sql: "UPDATE upload SET state = 'archived', memberID = ?, orgID = ?, resolvedAt = ? WHERE id = ?",
                               arguments: [memberID, uploader, now, id])
                try Self.record(db, caller: Caller(uid: 0), action: "upload.matched", target: "upload:\(id)", detail: "member:\(memberID)", at: now)
                matched.append(id)
            }
            return matched
        }
    }

    /// Marks a refused upload as put back into the inbox.
    public func markRetried(uploadID: Int64, caller: Caller, now: Date) throws {
        try write { db in
            try db.execute(sql: "UPDATE upload SET state = 'retried', resolvedAt = ?, resolvedBy = ? WHERE id = ?", arguments: [now, caller.adminID, uploadID])
            try Self.record(db, caller: caller, action: "upload.retry", target: "upload:\(uploadID)", at: now)
        }
    }

    /// Every archived document's hash.
    public func documentHashes() throws -> Set<String> {
        try read { db in Set(try String.fetchAll(db, sql: "SELECT sha256 FROM document")) }
    }
}
