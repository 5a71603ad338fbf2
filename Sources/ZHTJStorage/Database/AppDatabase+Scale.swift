import Foundation
import GRDB
import ZHTJRegistry

extension AppDatabase {
    /// v6, for a province-sized registry (docs/performance-registry.md):
    /// - `orgAncestor`, the closure of the org tree (each org with itself and every ancestor), kept by a trigger on
    ///   org insert (paths never change);
    /// - `org.memberCount`, the members of the org's subtree, kept by triggers on member insert and transfer, so an
    ///   org's count no longer scans its subtree on every read;
    /// - `memberNameSuffix`, every suffix of every member's name (ASCII folded like LIKE), so "name contains X" is an
    ///   index range over suffixes starting with X instead of a scan of all members;
    /// - indexes on `org(parentID)` and `member(branchID, joinYear)`.
    static func registerScaleMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-province-scale") { db in
            try db.execute(
                sql: """
                    CREATE TABLE orgAncestor (
                        orgID INTEGER NOT NULL,
                        ancestorID INTEGER NOT NULL,
                        PRIMARY KEY (orgID, ancestorID)
                    ) WITHOUT ROWID;
                    CREATE TRIGGER org_ancestors AFTER INSERT ON org
                    BEGIN
                        INSERT INTO orgAncestor (orgID, ancestorID) SELECT NEW.id, ancestorID FROM orgAncestor WHERE orgID = NEW.parentID;
                        INSERT INTO orgAncestor (orgID, ancestorID) VALUES (NEW.id, NEW.id);
                    END;

                    ALTER TABLE org ADD COLUMN memberCount INTEGER NOT NULL DEFAULT 0;
                    CREATE TRIGGER member_count_insert AFTER INSERT ON member
                    BEGIN
                        UPDATE org SET memberCount = memberCount + 1
                        WHERE id IN (SELECT ancestorID FROM orgAncestor WHERE orgID = NEW.branchID);
                    END;
                    CREATE TRIGGER member_count_move AFTER UPDATE OF branchID ON member WHEN OLD.branchID IS NOT NEW.branchID
                    BEGIN
                        UPDATE org SET memberCount = memberCount - 1
                        WHERE id IN (SELECT ancestorID FROM orgAncestor WHERE orgID = OLD.branchID);
                        UPDATE org SET memberCount = memberCount + 1
                        WHERE id IN (SELECT ancestorID FROM orgAncestor WHERE orgID = NEW.branchID);
                    END;

                    CREATE TABLE suffixPosition (n INTEGER PRIMARY KEY);
                    WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 256)
                    INSERT INTO suffixPosition (n) SELECT n FROM k;
                    CREATE TABLE memberNameSuffix (
                        suffix TEXT NOT NULL,
                        memberID INTEGER NOT NULL,
                        PRIMARY KEY (suffix, memberID)
                    ) WITHOUT ROWID;
                    CREATE TRIGGER member_name_suffixes AFTER INSERT ON member
                    BEGIN
                        INSERT OR IGNORE INTO memberNameSuffix (suffix, memberID)
                        SELECT lower(substr(NEW.name, n)), NEW.id FROM suffixPosition WHERE n <= length(NEW.name);
                    END;
                    CREATE TRIGGER member_name_change AFTER UPDATE OF name ON member
                    BEGIN
                        DELETE FROM memberNameSuffix WHERE memberID = OLD.id
                            AND suffix IN (SELECT lower(substr(OLD.name, n)) FROM suffixPosition WHERE n <= length(OLD.name));
                        INSERT OR IGNORE INTO memberNameSuffix (suffix, memberID)
                        SELECT lower(substr(NEW.name, n)), NEW.id FROM suffixPosition WHERE n <= length(NEW.name);
                    END;

                    CREATE INDEX org_parent ON org(parentID);
                    CREATE INDEX member_branch_year ON member(branchID, joinYear);
                    DROP INDEX member_branch;
                    """)
            // The existing rows: ancestors from each path, counts, suffixes.
            let orgs = try Row.fetchAll(db, sql: "SELECT id, path FROM org")
            for org in orgs {
                let id: Int64 = org["id"]
                for ancestor in (org["path"] as String).split(separator: "/").compactMap({ Int64($0) }) {
                    try db.execute(sql: "INSERT OR IGNORE INTO orgAncestor (orgID, ancestorID) VALUES (?, ?)", arguments: [id, ancestor])
                }
            }
            try db.execute(
                sql: """
                    UPDATE org SET memberCount = (SELECT count(*) FROM member JOIN orgAncestor AS a ON a.orgID = member.branchID
                                                  WHERE a.ancestorID = org.id);
                    INSERT OR IGNORE INTO memberNameSuffix (suffix, memberID)
                    SELECT lower(substr(member.name, n)), member.id FROM member JOIN suffixPosition ON n <= length(member.name);
                    """)
        }
    }

    /// The bounds of the subtree below `path` (`/1/5/`) as a range on `org.path`, which an index can serve
    /// (`path LIKE '/1/5/%'` cannot): `path >= lower AND path < upper`. Paths are digits and `/`, so the upper bound is
    /// the path with its final `/` replaced by the next character, `0`: `/1/2/` covers `/1/2/7/` but not `/1/23/`.
    static func subtreeBounds(_ path: String) -> (lower: String, upper: String) {
        if path.hasSuffix("/") { return (path, String(path.dropLast()) + "0") }
        return (path, path + "\u{10FFFF}")
    }

    /// `values` as a JSON array, the argument of `json_each(?)` (a whole list of keys in one statement).
    static func jsonArray(_ values: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
    }

    /// The upper bound of the strings that start with `prefix` (for a prefix search as an index range).
    static func prefixUpperBound(_ prefix: String) -> String {
        prefix + "\u{10FFFF}"
    }
}
