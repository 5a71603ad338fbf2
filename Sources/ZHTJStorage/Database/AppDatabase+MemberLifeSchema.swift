import Foundation
import GRDB

extension AppDatabase {
    /// v11, a member's life in the registry (issue 16): leaving the league (R-M4), transfers the receiving org
    /// accepts (R-W1), rewards and sanctions (R-W2) and fee payments (R-W4).
    /// - `member.leftAt`, `member.leftKind`: set when the member has left the league (退团, 脱团, 开除团籍) or the
    ///   tree (转出). The record stays for ever; a member who has left counts nowhere: the member counts (v6), the
    ///   tallies (v7) and the due counts (v8) leave them out, their triggers now firing on `leftAt` too, and the
    ///   open-member index (v8) no longer lists them, so reminders do not either.
    /// - `leaveRequest`: the branch's request and the superior committee's decision.
    /// - `transferRequest`: filed by the sending side, accepted or refused by the receiving side; out of the tree it
    ///   names a destination and ends at once. A move that is accepted is still recorded in `transfer` (v4).
    /// - `distinction`: a reward or a sanction, by the granting org, with the working days between the document and
    ///   its entry.
    /// - `feePayment`: one payment per member and month.
    /// - `memberAccount`: a member's own credential (R-E13), bound to a system user, usable once the branch approved
    ///   it (`pending`, `approved`, `revoked`).
    /// Nothing here is deleted. Frozen SQL only (no application code), like every migration.
    static func registerMemberLifeMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v11-member-life") { db in
            let openTerms = { (m: String) in "(\(m).joinYear >= 2020 AND \(m).latestState IS NOT 'approved' AND \(m).leftAt IS NULL)" }
            let bucket = { (state: String) in "CASE WHEN \(state) IN ('pending', 'rejected', 'approved') THEN \(state) ELSE 'none' END" }
            try db.execute(
                sql: """
                    ALTER TABLE member ADD COLUMN leftAt DATETIME;
                    ALTER TABLE member ADD COLUMN leftKind TEXT;

                    DROP TRIGGER member_count_move;
                    CREATE TRIGGER member_count_move AFTER UPDATE OF branchID, leftAt ON member
                        WHEN OLD.branchID IS NOT NEW.branchID OR (OLD.leftAt IS NULL) IS NOT (NEW.leftAt IS NULL)
                    BEGIN
                        UPDATE org SET memberCount = memberCount - 1
                        WHERE OLD.leftAt IS NULL AND id IN (SELECT ancestorID FROM orgAncestor WHERE orgID = OLD.branchID);
                        UPDATE org SET memberCount = memberCount + 1
                        WHERE NEW.leftAt IS NULL AND id IN (SELECT ancestorID FROM orgAncestor WHERE orgID = NEW.branchID);
                    END;

                    DROP TRIGGER member_tally_change;
                    CREATE TRIGGER member_tally_change AFTER UPDATE OF branchID, joinYear, latestState, leftAt ON member
                        WHEN OLD.branchID IS NOT NEW.branchID OR OLD.joinYear IS NOT NEW.joinYear
                            OR \(bucket("OLD.latestState")) IS NOT \(bucket("NEW.latestState"))
                            OR (OLD.leftAt IS NULL) IS NOT (NEW.leftAt IS NULL)
                    BEGIN
                        UPDATE orgTally SET count = count - 1
                        WHERE OLD.leftAt IS NULL AND orgID IN (SELECT ancestorID FROM orgAncestor WHERE orgID = OLD.branchID)
                            AND joinYear = OLD.joinYear AND bucket = \(bucket("OLD.latestState"));
                        INSERT INTO orgTally (orgID, joinYear, bucket, count)
                        SELECT ancestorID, NEW.joinYear, \(bucket("NEW.latestState")), 1 FROM orgAncestor
                        WHERE NEW.leftAt IS NULL AND orgID = NEW.branchID
                        ON CONFLICT (orgID, joinYear, bucket) DO UPDATE SET count = count + 1;
                    END;

                    DROP TRIGGER member_due_change;
                    CREATE TRIGGER member_due_change AFTER UPDATE OF branchID, joinDate, joinYear, latestState, leftAt ON member
                        WHEN OLD.branchID IS NOT NEW.branchID OR OLD.dueDate IS NOT NEW.dueDate OR \(openTerms("OLD")) IS NOT \(openTerms("NEW"))
                    BEGIN
                        UPDATE orgDue SET count = count - 1
                        WHERE \(openTerms("OLD")) AND orgID IN (SELECT ancestorID FROM orgAncestor WHERE orgID = OLD.branchID)
                            AND dueDate = OLD.dueDate;
                        INSERT INTO orgDue (orgID, dueDate, count)
                        SELECT ancestorID, NEW.dueDate, 1 FROM orgAncestor WHERE \(openTerms("NEW")) AND orgID = NEW.branchID
                        ON CONFLICT (orgID, dueDate) DO UPDATE SET count = count + 1;
                    END;

                    DROP INDEX member_open_due;
                    CREATE INDEX member_open_due ON member(dueDate, id) WHERE \(openTerms("member"));

                    CREATE TABLE leaveRequest (
                        id INTEGER PRIMARY KEY,
                        memberID INTEGER NOT NULL REFERENCES member(id),
                        branchID INTEGER NOT NULL REFERENCES org(id),
                        kind TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        meetingDate TEXT NOT NULL,
                        deciderOrgID INTEGER NOT NULL REFERENCES org(id),
                        state TEXT NOT NULL,
                        filedAt DATETIME NOT NULL,
                        filedByAdmin INTEGER NOT NULL,
                        decidedAt DATETIME,
                        decidedByAdmin INTEGER,
                        decisionReason TEXT
                    );
                    CREATE INDEX leave_decider ON leaveRequest(deciderOrgID, state);
                    CREATE INDEX leave_member ON leaveRequest(memberID);
                    CREATE UNIQUE INDEX leave_one_open ON leaveRequest(memberID) WHERE state = 'pending';
                    CREATE TRIGGER leave_no_delete BEFORE DELETE ON leaveRequest
                    BEGIN SELECT RAISE(ABORT, 'leave requests are kept for ever (R-M4)'); END;

                    CREATE TABLE transferRequest (
                        id INTEGER PRIMARY KEY,
                        memberID INTEGER NOT NULL REFERENCES member(id),
                        fromBranchID INTEGER NOT NULL REFERENCES org(id),
                        toBranchID INTEGER REFERENCES org(id),
                        destination TEXT,
                        note TEXT,
                        state TEXT NOT NULL,
                        filedAt DATETIME NOT NULL,
                        filedByAdmin INTEGER NOT NULL,
                        decidedAt DATETIME,
                        decidedByAdmin INTEGER,
                        refusal TEXT
                    );
                    CREATE INDEX transfer_request_to ON transferRequest(toBranchID, state);
                    CREATE INDEX transfer_request_from ON transferRequest(fromBranchID, state);
                    CREATE INDEX transfer_request_member ON transferRequest(memberID);
                    CREATE UNIQUE INDEX transfer_one_open ON transferRequest(memberID) WHERE state = 'pending';
                    CREATE TRIGGER transfer_request_no_delete BEFORE DELETE ON transferRequest
                    BEGIN SELECT RAISE(ABORT, 'transfers are kept for ever'); END;

                    CREATE TABLE distinction (
                        id INTEGER PRIMARY KEY,
                        memberID INTEGER NOT NULL REFERENCES member(id),
                        kind TEXT NOT NULL,
                        title TEXT NOT NULL,
                        level TEXT NOT NULL,
                        date TEXT NOT NULL,
                        document TEXT NOT NULL,
                        grantingOrgID INTEGER NOT NULL REFERENCES org(id),
                        enteredAt DATETIME NOT NULL,
                        enteredByAdmin INTEGER NOT NULL,
                        workingDays INTEGER NOT NULL
                    );
                    CREATE INDEX distinction_member ON distinction(memberID);
                    CREATE TRIGGER distinction_no_delete BEFORE DELETE ON distinction
                    BEGIN SELECT RAISE(ABORT, 'rewards and sanctions are kept for ever (R-W2)'); END;
                    CREATE TRIGGER distinction_no_update BEFORE UPDATE ON distinction
                    BEGIN SELECT RAISE(ABORT, 'a recorded reward or sanction is not changed (R-W2)'); END;

                    CREATE TABLE feePayment (
                        id INTEGER PRIMARY KEY,
                        memberID INTEGER NOT NULL REFERENCES member(id),
                        month TEXT NOT NULL,
                        amountFen INTEGER NOT NULL,
                        source TEXT NOT NULL,
                        reference TEXT,
                        recordedAt DATETIME NOT NULL,
                        recordedByAdmin INTEGER NOT NULL
                    );
                    CREATE UNIQUE INDEX fee_member_month ON feePayment(memberID, month);
                    CREATE INDEX fee_month ON feePayment(month, memberID);
                    CREATE TRIGGER fee_no_delete BEFORE DELETE ON feePayment
                    BEGIN SELECT RAISE(ABORT, 'fee payments are kept for ever (R-W4)'); END;
                    CREATE TRIGGER fee_no_update BEFORE UPDATE ON feePayment
                    BEGIN SELECT RAISE(ABORT, 'a recorded fee payment is not changed (R-W4)'); END;

                    CREATE TABLE memberAccount (
                        id INTEGER PRIMARY KEY,
                        memberID INTEGER NOT NULL REFERENCES member(id),
                        uid INTEGER NOT NULL,
                        credentialHash TEXT NOT NULL UNIQUE,
                        state TEXT NOT NULL,
                        requestedAt DATETIME NOT NULL,
                        decidedAt DATETIME,
                        decidedByAdmin INTEGER
                    );
                    CREATE INDEX member_account_member ON memberAccount(memberID, state);
                    """)
        }
    }
}
