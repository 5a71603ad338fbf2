import Foundation
import GRDB

extension AppDatabase {
    /// v7, per-org tallies kept exact (issue 13): for every org and each of its ancestors, the members of its
    /// subtree by join year and by where their e-archive stands, so the banner, `stats` and the overview read a few
    /// rows instead of scanning every member below the org.
    /// - `member.latestState`: the state of the member's latest archive version (NULL: none), kept by triggers on
    ///   `archiveVersion` insert and state change;
    /// - `orgTally(orgID, joinYear, bucket, count)`: `bucket` is `none` (no file, or only superseded ones), `pending`,
    ///   `rejected` or `approved`; kept by triggers on member insert, transfer and latest-state change, in the same
    ///   transaction as the write. `AppDatabase.tallyDifferences()` recounts from the base tables.
    /// Frozen SQL only (no application code), like every migration.
    static func registerTallyMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7-org-tallies") { db in
            let bucket = { (state: String) in
                "CASE WHEN \(state) IN ('pending', 'rejected', 'approved') THEN \(state) ELSE 'none' END"
            }
            try db.execute(
                sql: """
                    ALTER TABLE member ADD COLUMN latestState TEXT;
                    UPDATE member SET latestState = (
                        SELECT state FROM archiveVersion WHERE memberID = member.id ORDER BY version DESC LIMIT 1);

                    CREATE TABLE orgTally (
                        orgID INTEGER NOT NULL,
                        joinYear INTEGER NOT NULL,
                        bucket TEXT NOT NULL,
                        count INTEGER NOT NULL,
                        PRIMARY KEY (orgID, joinYear, bucket)
                    ) WITHOUT ROWID;
                    INSERT INTO orgTally (orgID, joinYear, bucket, count)
                    SELECT a.ancestorID, m.joinYear, \(bucket("m.latestState")), count(*)
                    FROM member AS m JOIN orgAncestor AS a ON a.orgID = m.branchID
                    GROUP BY 1, 2, 3;

                    CREATE TRIGGER version_latest_insert AFTER INSERT ON archiveVersion
                    BEGIN
                        UPDATE member SET latestState = (
                            SELECT state FROM archiveVersion WHERE memberID = NEW.memberID ORDER BY version DESC LIMIT 1)
                        WHERE id = NEW.memberID;
                    END;
                    CREATE TRIGGER version_latest_state AFTER UPDATE OF state ON archiveVersion WHEN OLD.state IS NOT NEW.state
                    BEGIN
                        UPDATE member SET latestState = (
                            SELECT state FROM archiveVersion WHERE memberID = NEW.memberID ORDER BY version DESC LIMIT 1)
                        WHERE id = NEW.memberID;
                    END;

                    CREATE TRIGGER member_tally_insert AFTER INSERT ON member
                    BEGIN
                        INSERT INTO orgTally (orgID, joinYear, bucket, count)
                        SELECT ancestorID, NEW.joinYear, \(bucket("NEW.latestState")), 1 FROM orgAncestor WHERE orgID = NEW.branchID
                        ON CONFLICT (orgID, joinYear, bucket) DO UPDATE SET count = count + 1;
                    END;
                    CREATE TRIGGER member_tally_change AFTER UPDATE OF branchID, joinYear, latestState ON member
                        WHEN OLD.branchID IS NOT NEW.branchID OR OLD.joinYear IS NOT NEW.joinYear
                            OR \(bucket("OLD.latestState")) IS NOT \(bucket("NEW.latestState"))
                    BEGIN
                        UPDATE orgTally SET count = count - 1
                        WHERE orgID IN (SELECT ancestorID FROM orgAncestor WHERE orgID = OLD.branchID)
                            AND joinYear = OLD.joinYear AND bucket = \(bucket("OLD.latestState"));
                        INSERT INTO orgTally (orgID, joinYear, bucket, count)
                        SELECT ancestorID, NEW.joinYear, \(bucket("NEW.latestState")), 1 FROM orgAncestor WHERE orgID = NEW.branchID
                        ON CONFLICT (orgID, joinYear, bucket) DO UPDATE SET count = count + 1;
                    END;
                    """)
        }
    }
}
