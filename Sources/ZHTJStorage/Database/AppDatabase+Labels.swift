import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

extension AppDatabase {
    /// The members `zhtj labels` prints (issue 11): those who need an e-archive (R-E1) in the subtree of `orgRef`
    /// (default: the whole `subtree`), or the members named by `memberKeys`; with `onlyMissing`, only those with no file
    /// waiting or approved. Members with no development number are returned apart: no label can carry them.
    public func labelEntries(orgRef: String?, memberKeys: [String], onlyMissing: Bool, within subtree: Subtree) throws -> (entries: [LabelEntry], withoutNumber: [String]) {
        let scope = subtree.path
        let top = try orgRef.map { try resolveOrg($0, within: subtree) }
        let (lower, upper) = Self.subtreeBounds(try top.map { try self.path(of: $0.id) } ?? scope)
        var ids: Set<Int64>? = nil
        if !memberKeys.isEmpty {
            ids = Set(try memberKeys.map { try member(key: $0, within: subtree).id })
        }
        let rows = try read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT m.id, m.name, m.developmentNumber, b.id AS branchID, b.shortName AS branch, v.state
                    FROM org AS b JOIN member AS m ON m.branchID = b.id AND m.joinYear >= ? AND m.leftAt IS NULL
                    LEFT JOIN archiveVersion AS v ON v.memberID = m.id
                        AND v.version = (SELECT max(version) FROM archiveVersion WHERE memberID = m.id)
                    WHERE b.path >= ? AND b.path < ?
                    ORDER BY b.path, m.developmentNumber, m.id
                    """, arguments: [MembershipRules.eArchiveFromYear, lower, upper])
        }
        var entries: [LabelEntry] = []
        var withoutNumber: [String] = []
        for row in rows {
            let id: Int64 = row["id"]
            if let ids, !ids.contains(id) { continue }
            let state: String? = row["state"]
            if onlyMissing, state == ArchiveState.pending.rawValue || state == ArchiveState.approved.rawValue { continue }
            let name: String = row["name"]
            guard let number: String = row["developmentNumber"] else {
                withoutNumber.append(name)
                continue
            }
            entries.append(LabelEntry(developmentNumber: number, name: name, branch: row["branch"], branchID: row["branchID"]))
        }
        return (entries, withoutNumber)
    }
}
