import Foundation
import GRDB

extension AppDatabase {
    /// v13, league fees counted without reading every member (issue 16, R-W4), kept like v7's tallies in the
    /// transaction of each write:
    /// - `orgJoinMonth(orgID, joinMonth, count)`: for every org and each of its ancestors, the members of its subtree
    ///   who have not left, by join month (`YYYY-MM`): the members who owe a month's fee are those joined by it;
    /// - `orgFeePaid(orgID, month, paid, paidFen)`: the payments of those members for each month (a payment counts
    ///   from the member's join month on), at the member's current branch: a transfer or a departure moves them.
    /// Frozen SQL only (no application code), like every migration.
    static func registerFeeTallyMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v13-fee-tallies") { db in
            try db.execute(
                sql: """
                    CREATE TABLE orgJoinMonth (
                        orgID INTEGER NOT NULL,
                        joinMonth TEXT NOT NULL,
                        count INTEGER NOT NULL,
                        PRIMARY KEY (orgID, joinMonth)
                    ) WITHOUT ROWID;
                    INSERT INTO orgJoinMonth (orgID, joinMonth, count)
                    SELECT a.ancestorID, substr(m.joinDate, 1, 7), count(*) FROM member AS m JOIN orgAncestor AS a ON a.orgID = m.branchID
                    WHERE m.leftAt IS NULL GROUP BY 1, 2;

                    CREATE TABLE orgFeePaid (
                        orgID INTEGER NOT NULL,
                        month TEXT NOT NULL,
                        paid INTEGER NOT NULL,
                        paidFen INTEGER NOT NULL,
                        PRIMARY KEY (orgID, month)
                    ) WITHOUT ROWID;
                    INSERT INTO orgFeePaid (orgID, month, paid, paidFen)
                    SELECT a.ancestorID, f.month, count(*), sum(f.amountFen)
                    FROM feePayment AS f JOIN member AS m ON m.id = f.memberID JOIN orgAncestor AS a ON a.orgID = m.branchID
                    WHERE m.leftAt IS NULL AND f.month >= substr(m.joinDate, 1, 7) GROUP BY 1, 2;

                    CREATE TRIGGER member_join_month_insert AFTER INSERT ON member WHEN NEW.leftAt IS NULL
                    BEGIN
                        INSERT INTO orgJoinMonth (orgID, joinMonth, count)
                        SELECT ancestorID, substr(NEW.joinDate, 1, 7), 1 FROM orgAncestor WHERE orgID = NEW.branchID
                        ON CONFLICT (orgID, joinMonth) DO UPDATE SET count = count + 1;
                    END;
                    CREATE TRIGGER member_join_month_change AFTER UPDATE OF branchID, joinDate, leftAt ON member
                        WHEN OLD.branchID IS NOT NEW.branchID OR OLD.joinDate IS NOT NEW.joinDate OR (OLD.leftAt IS NULL) IS NOT (NEW.leftAt IS NULL)
                    BEGIN
                        UPDATE orgJoinMonth SET count = count - 1
                        WHERE OLD.leftAt IS NULL AND orgID IN (SELECT ancestorID FROM orgAncestor WHERE orgID = OLD.branchID)
                            AND joinMonth = substr(OLD.joinDate, 1, 7);
                        INSERT INTO orgJoinMonth (orgID, joinMonth, count)
                        SELECT ancestorID, substr(NEW.joinDate, 1, 7), 1 FROM orgAncestor WHERE NEW.leftAt IS NULL AND orgID = NEW.branchID
                        ON CONFLICT (orgID, joinMonth) DO UPDATE SET count = count + 1;
                        UPDATE orgFeePaid SET paid = paid - 1,
                            paidFen = paidFen - (SELECT amountFen FROM feePayment WHERE memberID = OLD.id AND month = orgFeePaid.month)
                        WHERE OLD.leftAt IS NULL AND orgID IN (SELECT ancestorID FROM orgAncestor WHERE orgID = OLD.branchID)
                            AND month IN (SELECT month FROM feePayment WHERE memberID = OLD.id AND month >= substr(OLD.joinDate, 1, 7));
                        INSERT INTO orgFeePaid (orgID, month, paid, paidFen)
                        SELECT a.ancestorID, f.month, 1, f.amountFen FROM feePayment AS f JOIN orgAncestor AS a ON a.orgID = NEW.branchID
                        WHERE NEW.leftAt IS NULL AND f.memberID = NEW.id AND f.month >= substr(NEW.joinDate, 1, 7)
                        ON CONFLICT (orgID, month) DO UPDATE SET paid = paid + 1, paidFen = paidFen + excluded.paidFen;
                    END;
                    CREATE TRIGGER fee_paid_insert AFTER INSERT ON feePayment
                    BEGIN
                        INSERT INTO orgFeePaid (orgID, month, paid, paidFen)
                        SELECT a.ancestorID, NEW.month, 1, NEW.amountFen FROM member AS m JOIN orgAncestor AS a ON a.orgID = m.branchID
                        WHERE m.id = NEW.memberID AND m.leftAt IS NULL AND NEW.month >= substr(m.joinDate, 1, 7)
                        ON CONFLICT (orgID, month) DO UPDATE SET paid = paid + 1, paidFen = paidFen + excluded.paidFen;
                    END;
                    """)
        }
    }
}
