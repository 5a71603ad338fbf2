import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

extension AppDatabase {
    /// The whole subtree of `orgID`, depth-first in creation order, with each node's depth below it.
    public func subtree(of orgID: Int64) throws -> [OrgTreeNode] {
        try subtree(of: orgID, depth: nil).nodes
    }

    /// The number of orgs in the subtree of `orgID` (the org included), counted up to `cap` at most: an index-only
    /// range of `org_path` that stops after `cap` entries, however large the subtree.
    public func subtreeSize(of orgID: Int64, upTo cap: Int) throws -> Int {
        try read { db in
            let (lower, upper) = Self.subtreeBounds(try Self.orgPath(db, orgID))
            return try Int.fetchOne(
                db, sql: "SELECT count(*) FROM (SELECT 1 FROM org WHERE path >= ? AND path < ? LIMIT ?) AS capped", arguments: [lower, upper, cap]) ?? 0
        }
    }

    /// The subtree of `orgID` down to `depth` levels below it (nil: all of it), depth-first, children in identifier
    /// order, with the number of orgs in the whole subtree. A node at the depth limit carries the number of orgs below
    /// it (`hidden`). Only the shown levels are read: the index `org_depth_path(depth, path)` (v9) gives each level of
    /// the subtree as one range; the orgs below the limit are counted on `org_path`, index only, never read.
    public func subtree(of orgID: Int64, depth: Int?) throws -> OrgTreePage {
        try read { db in
            guard let top = try OrgRecord.fetchOne(db, key: orgID) else { throw ZHTJError.orgNotFound(String(orgID)) }
            let (lower, upper) = Self.subtreeBounds(top.path)
            guard let depth else {
                let rows = try OrgRow.fetchAll(
                    db, sql: OrgRow.selection + " WHERE org.path >= ? AND org.path < ? ORDER BY org.id", arguments: [lower, upper])
                return OrgTreePage(nodes: Self.depthFirst(rows, top: top, hidden: [:]), total: rows.count, depth: nil)
            }
            let levels = Array(top.depth...(top.depth + depth))
            let arguments: SQLArguments = levels.map { $0 } + [lower, upper]
            let rows = try OrgRow.fetchAll(db, sql: Self.treeLevelsSQL(levels: levels.count), arguments: arguments)
            var hidden: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: Self.hiddenBelowSQL, arguments: [top.depth + depth, lower, upper]) {
                hidden[row["id"]] = row["n"]
            }
            let nodes = Self.depthFirst(rows, top: top, hidden: hidden)
            return OrgTreePage(nodes: nodes, total: nodes.count + hidden.values.reduce(0, +), depth: depth)
        }
    }

    /// The orgs of `levels` depths (the first arguments) in a subtree (the path range, the last two): one range of
    /// `org_depth_path` per depth.
    static func treeLevelsSQL(levels: Int) -> String {
        let depths = Array(repeating: "?", count: levels).joined(separator: ", ")
        return OrgRow.selection + " WHERE org.depth IN (\(depths)) AND org.path >= ? AND org.path < ? ORDER BY org.id"
    }

    /// For each org of one depth (the first argument) in a subtree (the path range), the number of orgs below it:
    /// `path > its path AND path < its upper bound` (its path with the final `/` replaced by `0`, as `subtreeBounds`
    /// makes it), counted on the index `org_path` alone.
    static let hiddenBelowSQL = """
        SELECT id, (SELECT count(*) FROM org AS below
                    WHERE below.path > org.path AND below.path < substr(org.path, 1, length(org.path) - 1) || '0') AS n
        FROM org WHERE depth = ? AND path >= ? AND path < ?
        """

    /// The rows of a subtree (in id order) as a depth-first list from its top, depths relative to the top; `hidden`
    /// gives the orgs left out below a node (none when 0).
    private static func depthFirst(_ rows: [OrgRow], top: OrgRecord, hidden: [Int64: Int]) -> [OrgTreeNode] {
        var children: [Int64: [OrgRow]] = [:]
        for row in rows { children[row.org.parentID ?? 0, default: []].append(row) }
        var out: [OrgTreeNode] = []
        out.reserveCapacity(rows.count)
        func visit(_ row: OrgRow, _ depth: Int) {
            let id = row.org.id!
            out.append(OrgTreeNode(org: row.summary, depth: depth, hidden: hidden[id].flatMap { $0 > 0 ? $0 : nil }))
            for child in children[id] ?? [] { visit(child, depth + 1) }
        }
        if let topRow = rows.first(where: { $0.org.id == top.id }) { visit(topRow, 0) }
        return out
    }

    static func orgPath(_ db: SQLSession, _ orgID: Int64) throws -> String {
        guard let path = try String.fetchOne(db, sql: "SELECT path FROM org WHERE id = ?", arguments: [orgID]) else {
            throw ZHTJError.orgNotFound(String(orgID))
        }
        return path
    }
}
