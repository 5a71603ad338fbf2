import Foundation
import GRDB

extension AppDatabase {
    /// v8, overdue counts kept exact (issue 13, R-E2): an e-archive is due 30 days after the join date (a month-only
    /// date counts from the month's last day), so each open member has a due date that never moves; "overdue today"
    /// is then the sum of the counts whose due date is before today, and the line moves with the date without
    /// rewriting a row.
    /// - `member.dueDate`: a virtual generated column, `YYYY-MM-DD`, from `joinDate`;
    /// - `member_open_due`: the open members (joined 2020 or later, R-E1, and not authenticated) in due-date order,
    ///   a partial index: the oldest overdue members of a subtree without a sort;
    /// - `orgDue(orgID, dueDate, count)`: for every org and each of its ancestors, the open members of its subtree by
    ///   due date; kept by triggers on member insert and on a change of branch, join date, join year or latest state,
    ///   in the transaction of the write. `AppDatabase.tallyDifferences()` recounts it too.
    /// Frozen SQL only (no application code), like every migration.
    static func registerDueMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8-org-due") { db in
            let openTerms = { (m: String) in "(\(m).joinYear >= 2020 AND \(m).latestState IS NOT 'approved')" }
            try db.execute(
                sql: """
                    ALTER TABLE member ADD COLUMN dueDate TEXT GENERATED ALWAYS AS (
                        CASE WHEN length(joinDate) = 7 THEN date(joinDate || '-01', '+1 month', '-1 day', '+30 days')
                        ELSE date(joinDate, '+30 days') END) VIRTUAL;
                    CREATE INDEX member_open_due ON member(dueDate, id) WHERE \(openTerms("member"));

                    CREATE TABLE orgDue (
                        orgID INTEGER NOT NULL,
                        dueDate TEXT NOT NULL,
                        count INTEGER NOT NULL,
                        PRIMARY KEY (orgID, dueDate)
                    ) WITHOUT ROWID;
                    INSERT INTO orgDue (orgID, dueDate, count)
                    SELECT a.ancestorID, m.dueDate, count(*)
                    FROM member AS m JOIN orgAncestor AS a ON a.orgID = m.branchID
                    WHERE \(openTerms("m"))
                    GROUP BY 1, 2;

                    CREATE TRIGGER member_due_insert AFTER INSERT ON member WHEN \(openTerms("NEW"))
                    BEGIN
                        INSERT INTO orgDue (orgID, dueDate, count)
                        SELECT ancestorID, NEW.dueDate, 1 FROM orgAncestor WHERE orgID = NEW.branchID
                        ON CONFLICT (orgID, dueDate) DO UPDATE SET count = count + 1;
                    END;
                    CREATE TRIGGER member_due_change AFTER UPDATE OF branchID, joinDate, joinYear, latestState ON member
                        WHEN OLD.branchID IS NOT NEW.branchID OR OLD.dueDate IS NOT NEW.dueDate OR \(openTerms("OLD")) IS NOT \(openTerms("NEW"))
                    BEGIN
                        UPDATE orgDue SET count = count - 1
                        WHERE \(openTerms("OLD")) AND orgID IN (SELECT ancestorID FROM orgAncestor WHERE orgID = OLD.branchID)
                            AND dueDate = OLD.dueDate;
                        INSERT INTO orgDue (orgID, dueDate, count)
                        SELECT ancestorID, NEW.dueDate, 1 FROM orgAncestor WHERE \(openTerms("NEW")) AND orgID = NEW.branchID
                        ON CONFLICT (orgID, dueDate) DO UPDATE SET count = count + 1;
                    END;
                    """)
        }
    }
}
