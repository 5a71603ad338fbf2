import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

extension AppDatabase {
    /// The root org, if `init` has run.
    public func rootOrg() throws -> OrgSummary? {
        try read { db in try OrgRow.fetchOne(db, sql: OrgRow.selection + " WHERE parentID IS NULL")?.summary }
    }

    public func org(id: Int64) throws -> OrgSummary? {
        try read { db in try Self.orgRow(db, id: id)?.summary }
    }

    static func orgRow(_ db: SQLSession, id: Int64) throws -> OrgRow? {
        try OrgRow.fetchOne(db, sql: OrgRow.selection + " WHERE org.id = ?", arguments: [id])
    }

    /// Creates the root org and a registration code for its admin (once; a second call is refused).
    public func createRoot(name: String, category: OrgCategory, industry: String?, caller: Caller, now: Date) throws -> (OrgSummary, CodeInfo) {
        try write { db in
            if let root = try OrgRecord.fetchOne(db, sql: "SELECT * FROM org WHERE parentID IS NULL") {
                throw ZHTJError.rootExists(root.fullName)
            }
            let org = try Self.insertOrg(db, name: name, fullName: nil, category: category, industry: industry, parent: nil, caller: caller, now: now)
            let orgID = try required(org.id, "the new root org's id")
            let code = try Self.issueCode(db, orgID: orgID, caller: caller, now: now)
            try Self.record(db, caller: caller, action: "init", target: "org:\(orgID)", detail: name, at: now)
            return (try required(Self.orgRow(db, id: orgID), "the new root org \(orgID)").summary, code)
        }
    }

    /// Creates an org under `parentID` (the handler has checked that the parent is in the admin's subtree).
    public func createOrg(
        name: String, fullName: String?, category: OrgCategory, industry: String?, parentID: Int64, caller: Caller, now: Date
    ) throws -> OrgSummary {
        try write { db in
            guard let parent = try OrgRecord.fetchOne(db, key: parentID) else { throw ZHTJError.orgNotFound(String(parentID)) }
            guard parent.orgCategory.mayContain(category) else {
                throw ZHTJError.categoryNotAllowed(parent: parent.fullName, parentCategory: parent.orgCategory, child: category)
            }
            let org = try Self.insertOrg(db, name: name, fullName: fullName, category: category, industry: industry, parent: parent, caller: caller, now: now)
            let orgID = try required(org.id, "the new org's id")
            try Self.record(db, caller: caller, action: "org.create", target: "org:\(orgID)", detail: org.fullName, at: now)
            return try required(Self.orgRow(db, id: orgID), "the new org \(orgID)").summary
        }
    }

    private static func insertOrg(
        _ db: SQLSession, name: String, fullName: String?, category: OrgCategory, industry: String?, parent: OrgRecord?,
        caller: Caller, now: Date
    ) throws -> OrgRecord {
        let sameName = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM org WHERE ifnull(parentID, 0) = ? AND shortName = ?", arguments: [parent?.id ?? 0, name])
        if try required(sameName, "the count of orgs named \(name)") > 0 {
            throw ZHTJError.duplicateOrg(name)
        }
        let full = fullName ?? OrgNaming.fullName(shortName: name, parentFullName: parent?.fullName)
        // The id before the insert: the org's path and folder name carry it. On PostgreSQL from the identity column's
        // sequence; on SQLite (one writer, under BEGIN IMMEDIATE) the next after the largest.
        let nextIDSQL = db.isPostgres ? "SELECT nextval(pg_get_serial_sequence('org', 'id'))" : "SELECT ifnull(max(id), 0) + 1 FROM org"
        let nextID = try required(Int64.fetchOne(db, sql: nextIDSQL), "the next org id")
        var record = OrgRecord(
            id: nextID, parentID: parent?.id, path: (parent?.path ?? "/") + "\(nextID)/", depth: (parent?.depth ?? -1) + 1,
            shortName: name, fullName: full, category: category.rawValue, industry: industry,
            folder: OrgNaming.folderName(id: nextID, shortName: name), createdAt: now, createdByUID: Int64(caller.uid),
            createdByAdmin: caller.adminID)
        try record.insert(db)
        return record
    }

    /// Finds an org by identifier (`42`, `0042`), full name or short name, among all orgs.
    /// An org outside `scopePath` is refused as outside the caller's subtree.
    public func resolveOrg(_ ref: String, within subtree: Subtree?) throws -> OrgSummary {
        try read { db in try Self.resolveOrg(db, ref, scopePath: subtree?.path).summary }
    }

    static func resolveOrg(_ db: SQLSession, _ raw: String, scopePath: String?) throws -> OrgRow {
        let ref = raw.trimmingCharacters(in: .whitespaces)
        var rows: [OrgRow] = []
        if !ref.isEmpty, ref.allSatisfy({ $0.isASCII && $0.isNumber }), let id = Int64(ref) {
            rows = try OrgRow.fetchAll(db, sql: OrgRow.selection + " WHERE org.id = ?", arguments: [id])
        }
        if rows.isEmpty {
            rows = try OrgRow.fetchAll(db, sql: OrgRow.selection + " WHERE org.fullName = ?", arguments: [ref])
        }
        if rows.isEmpty {
            rows = try OrgRow.fetchAll(db, sql: OrgRow.selection + " WHERE org.shortName = ?", arguments: [ref])
        }
        if let scopePath, rows.count > 1 {
            let inScope = rows.filter { $0.org.path.hasPrefix(scopePath) }
            // Orgs outside the caller's subtree are neither listed nor named.
            guard !inScope.isEmpty else { throw ZHTJError.outsideSubtree(ref) }
            rows = inScope
        }
        guard let first = rows.first else { throw ZHTJError.orgNotFound(ref) }
        guard rows.count == 1 else {
            throw ZHTJError.orgAmbiguous(ref, candidates: rows.map { "\($0.org.fullName) (\(OrgNaming.displayID($0.org.id!)))" })
        }
        if let scopePath, !first.org.path.hasPrefix(scopePath) { throw ZHTJError.outsideSubtree(ref) }
        return first
    }

    /// The direct children of `orgID`.
    public func children(of orgID: Int64) throws -> [OrgSummary] {
        try read { db in
            try OrgRow.fetchAll(db, sql: OrgRow.selection + " WHERE org.parentID = ? ORDER BY org.id", arguments: [orgID]).map(\.summary)
        }
    }

    /// The materialised path of an org (`/1/5/42/`).
    public func path(of orgID: Int64) throws -> String {
        try read { db in
            guard let path = try String.fetchOne(db, sql: "SELECT path FROM org WHERE id = ?", arguments: [orgID]) else {
                throw ZHTJError.orgNotFound(String(orgID))
            }
            return path
        }
    }

    /// Records an org's secretary (R-O5). Names, category and industry stay as they are.
    public func setSecretary(orgID: Int64, name: String, idNumber: String, mobile: String, caller: Caller, now: Date) throws -> OrgSummary {
        try write { db in
            try db.execute(
                sql: "UPDATE org SET secretaryName = ?, secretaryIDNumber = ?, secretaryMobile = ? WHERE id = ?",
                arguments: [name, idNumber, mobile, orgID])
            try Self.record(db, caller: caller, action: "org.secretary", target: "org:\(orgID)", detail: name, at: now)
            return try required(Self.orgRow(db, id: orgID), "org \(orgID)").summary
        }
    }
}
