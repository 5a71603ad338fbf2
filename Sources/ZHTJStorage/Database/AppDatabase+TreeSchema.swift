import Foundation
import GRDB

extension AppDatabase {
    /// v9, lists that page (issue 13): `org.tree` shows the top levels of a large subtree without reading the rest.
    /// - `org_depth_path(depth, path)`: one level of a subtree is one index range (`depth = ? AND path >= ? AND
    ///   path < ?`), so N levels are N ranges, whatever lies below them. `depth` is the absolute depth every org row
    ///   has had since v1 (the root 0), set when the org is inserted and never changed (paths never change). Nothing
    ///   read it before, so the migration sets it once more from the path (the number of `/` less 2) wherever it
    ///   differs.
    /// The review queue's page needs no new index: `version_review(state, reviewerOrgID)` holds each reviewer's rows
    /// in rowid (= id) order, so `id > ? ORDER BY id LIMIT ?` walks it with no sort.
    /// Frozen SQL only (no application code), like every migration; registered after v7 and after the v8 of the
    /// other branch whenever the two meet (it depends on neither).
    static func registerTreeMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9-org-depth-index") { db in
            try db.execute(
                sql: """
                    UPDATE org SET depth = length(path) - length(replace(path, '/', '')) - 2
                    WHERE depth IS NOT length(path) - length(replace(path, '/', '')) - 2;
                    CREATE INDEX org_depth_path ON org(depth, path);
                    """)
        }
    }
}
