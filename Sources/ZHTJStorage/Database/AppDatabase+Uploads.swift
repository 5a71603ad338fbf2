import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

extension AppDatabase {
    /// Records an upload; an archived upload for a member becomes the member's next archive version.
    /// Returns the upload's id and the version number.
    public func recordUpload(_ u: NewUpload, now: Date) throws -> (id: Int64, version: Int?) {
        try write { db in try Self.insertUpload(db, u, now: now) }
    }

    /// Group commit: records several uploads in one transaction (one WAL fsync for all). Each is recorded in its own
    /// savepoint, so one that meets `changeRequired` (a decision landed since the pipeline's check) is left out and
    /// reported as that failure while the others are committed; any other error records none of them.
    public func recordUploads(_ uploads: [NewUpload], now: Date) throws -> [Result<(id: Int64, version: Int?), ZHTJError>] {
        try write { db in
            try uploads.map { u in
                var outcome: Result<(id: Int64, version: Int?), ZHTJError> = .failure(.changeRequired(u.developmentNumber ?? ""))
                do {
                    try db.inSavepoint {
                        outcome = .success(try Self.insertUpload(db, u, now: now))
                        return .commit
                    }
                } catch ZHTJError.changeRequired(let who) {
                    outcome = .failure(.changeRequired(who))
                }
                return outcome
            }
        }
    }

    static func insertUpload(_ db: SQLSession, _ u: NewUpload, now: Date) throws -> (id: Int64, version: Int?) {
        if let sha = u.sha256 {
            try db.execute(
                sql: "INSERT OR IGNORE INTO document (sha256, size, pages, archivedAt) VALUES (?, ?, ?, ?)",
                arguments: [sha, u.size ?? 0, u.pages ?? 0, now])
        }
        try db.execute(
            sql: """
                INSERT INTO upload (state, sha256, originalName, displayName, folder, orgID, size, pages, developmentNumber,
                    numberSource, memberID, reasonCode, reason, refusedPath, checks, device, inode, modified, receivedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                u.state.rawValue, u.sha256, Data(u.originalName), u.displayName, u.folder, u.orgID, u.size, u.pages,
                u.developmentNumber, u.numberSource, u.memberID, u.reasonCode, u.reason, u.refusedPath.map { Data($0) },
                u.checks, u.device.map { Int64(bitPattern: $0) }, u.inode.map { Int64(bitPattern: $0) }, u.modified, now,
            ])
        let id = try db.lastInsertedRowID()
        var version: Int? = nil
        if u.state == .archived, let member = u.memberID, let sha = u.sha256 {
            version = try Self.addVersion(db, memberID: member, uploadID: id, sha256: sha, uploaderOrgID: u.uploaderOrgID ?? u.orgID ?? 0, required: u.required, now: now)
        }
        try Self.record(db, caller: Caller(uid: 0), action: "upload.\(u.state.rawValue)", target: "upload:\(id)", detail: u.reasonCode ?? u.developmentNumber, at: now)
        return (id, version)
    }

    /// The upload already recorded for this very inbox entry (same folder, name, inode and mtime): the pipeline
    /// stopped after its commit and before it removed or moved the file. Returns its id, state and refused path.
    /// A file put back by `retry` keeps its inode and mtime, so retried records never count.
    public func committedUpload(folder: String, name: [UInt8], inode: UInt64, modified: Int64, size: Int) throws -> (id: Int64, state: UploadState, refusedPath: [UInt8]?)? {
        try read { db in
            try Row.fetchOne(
                db, sql: """
                    SELECT id, state, refusedPath FROM upload
                    WHERE folder = ? AND inode = ? AND modified = ? AND originalName = ? AND state != 'retried'
                        AND (size IS NULL OR size = ?) ORDER BY id DESC
                    """,
                arguments: [folder, Int64(bitPattern: inode), modified, Data(name), size]
            ).map { ($0["id"], UploadState(rawValue: $0["state"]) ?? .refused, ($0["refusedPath"] as Data?).map { Array($0) }) }
        }
    }

    /// Whether these bytes are already in the archive's records.
    public func hasDocument(_ sha256: String) throws -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM document WHERE sha256 = ?)", arguments: [sha256]) ?? false }
    }

    /// The member holding a development number, with the path of their branch.
    public func member(developmentNumber: String) throws -> (id: Int64, branchID: Int64, branchPath: String, joinYear: Int, name: String)? {
        try read { db in
            try Row.fetchOne(
                db, sql: "SELECT member.id, member.branchID, org.path, member.joinYear, member.name FROM member JOIN org ON org.id = member.branchID WHERE developmentNumber = ?",
                arguments: [developmentNumber]
            ).map { ($0["id"], $0["branchID"], $0["path"], $0["joinYear"], $0["name"]) }
        }
    }

    /// An org's path and category, by id.
    public func orgPathAndCategory(_ id: Int64) throws -> (path: String, category: OrgCategory)? {
        try read { db in
            try OrgRecord.fetchOne(db, key: id).map { ($0.path, $0.orgCategory) }
        }
    }
}
