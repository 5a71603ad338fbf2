import Foundation
import GRDB

extension AppDatabase {
    /// The schema, as numbered migrations. Never edit a migration that has shipped: add a new one.
    /// A migration uses no application code: what it needs is copied, frozen, into `FrozenMigrationHelpers`.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-orgs-admins-members") { db in
            try db.execute(
                sql: """
                    CREATE TABLE org (
                        id INTEGER PRIMARY KEY,
                        parentID INTEGER REFERENCES org(id),
                        path TEXT NOT NULL,
                        depth INTEGER NOT NULL,
                        shortName TEXT NOT NULL,
                        fullName TEXT NOT NULL,
                        category TEXT NOT NULL,
                        industry TEXT,
                        folder TEXT NOT NULL UNIQUE,
                        secretaryName TEXT,
                        secretaryIDNumber TEXT,
                        secretaryMobile TEXT,
                        createdAt DATETIME NOT NULL,
                        createdByUID INTEGER NOT NULL,
                        createdByAdmin INTEGER
                    );
                    CREATE UNIQUE INDEX org_parent_name ON org(ifnull(parentID, 0), shortName);
                    CREATE INDEX org_path ON org(path);
                    CREATE INDEX org_full_name ON org(fullName);
                    CREATE TRIGGER org_immutable BEFORE UPDATE OF shortName, fullName, category, industry, parentID, path ON org
                    BEGIN SELECT RAISE(ABORT, 'an org''s short name, full name, category and industry cannot be changed (R-O2)'); END;
                    CREATE TRIGGER org_no_delete BEFORE DELETE ON org
                    BEGIN SELECT RAISE(ABORT, 'orgs are not deleted'); END;

                    CREATE TABLE admin (
                        id INTEGER PRIMARY KEY,
                        orgID INTEGER NOT NULL REFERENCES org(id),
                        name TEXT NOT NULL,
                        idNumber TEXT NOT NULL,
                        joinDate TEXT NOT NULL,
                        mobile TEXT,
                        email TEXT,
                        uid INTEGER NOT NULL,
                        credentialHash TEXT NOT NULL UNIQUE,
                        createdAt DATETIME NOT NULL
                    );
                    CREATE INDEX admin_org ON admin(orgID);

                    CREATE TABLE registrationCode (
                        code TEXT PRIMARY KEY,
                        orgID INTEGER NOT NULL REFERENCES org(id),
                        issuedAt DATETIME NOT NULL,
                        expiresAt DATETIME NOT NULL,
                        issuedByUID INTEGER NOT NULL,
                        issuedByAdmin INTEGER,
                        usedAt DATETIME,
                        usedByAdmin INTEGER
                    );
                    CREATE INDEX code_org ON registrationCode(orgID);

                    CREATE TABLE redemptionFailure (
                        id INTEGER PRIMARY KEY,
                        uid INTEGER NOT NULL,
                        at DATETIME NOT NULL,
                        reason TEXT NOT NULL
                    );
                    CREATE INDEX failure_uid ON redemptionFailure(uid, at);

                    CREATE TABLE member (
                        id INTEGER PRIMARY KEY,
                        idNumber TEXT NOT NULL UNIQUE,
                        name TEXT NOT NULL,
                        birthDate TEXT NOT NULL,
                        ethnicity TEXT NOT NULL,
                        politicalStatus TEXT NOT NULL,
                        joinDate TEXT NOT NULL,
                        joinYear INTEGER NOT NULL,
                        branchID INTEGER NOT NULL REFERENCES org(id),
                        isCadre BOOLEAN NOT NULL,
                        developmentNumber TEXT UNIQUE,
                        mobile TEXT,
                        education TEXT,
                        occupation TEXT,
                        createdAt DATETIME NOT NULL,
                        createdByUID INTEGER NOT NULL,
                        createdByAdmin INTEGER
                    );
                    CREATE INDEX member_name ON member(name);
                    CREATE INDEX member_branch ON member(branchID);
                    CREATE TRIGGER member_no_delete BEFORE DELETE ON member
                    BEGIN SELECT RAISE(ABORT, 'a member record is kept for ever and cannot be deleted (R-M4)'); END;

                    CREATE TABLE event (
                        id INTEGER PRIMARY KEY,
                        at DATETIME NOT NULL,
                        uid INTEGER NOT NULL,
                        adminID INTEGER,
                        action TEXT NOT NULL,
                        target TEXT NOT NULL,
                        detail TEXT
                    );
                    CREATE TRIGGER event_no_update BEFORE UPDATE ON event
                    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
                    CREATE TRIGGER event_no_delete BEFORE DELETE ON event
                    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
                    """)
        }
        migrator.registerMigration("v2-uploads-archive") { db in
            try db.execute(
                sql: """
                    CREATE TABLE document (
                        sha256 TEXT PRIMARY KEY,
                        size INTEGER NOT NULL,
                        pages INTEGER NOT NULL,
                        archivedAt DATETIME NOT NULL
                    );
                    CREATE TRIGGER document_no_delete BEFORE DELETE ON document
                    BEGIN SELECT RAISE(ABORT, 'archived documents are kept for ever'); END;

                    -- Every file taken from the inbox: archived, unmatched, a duplicate, or refused.
                    CREATE TABLE upload (
                        id INTEGER PRIMARY KEY,
                        state TEXT NOT NULL,
                        sha256 TEXT REFERENCES document(sha256),
                        originalName BLOB NOT NULL,
                        displayName TEXT NOT NULL,
                        folder TEXT NOT NULL,
                        orgID INTEGER REFERENCES org(id),
                        size INTEGER,
                        pages INTEGER,
                        developmentNumber TEXT,
                        numberSource TEXT,
                        memberID INTEGER REFERENCES member(id),
                        reasonCode TEXT,
                        reason TEXT,
                        refusedPath BLOB,
                        checks TEXT NOT NULL,
                        device INTEGER,
                        inode INTEGER,
                        modified INTEGER,
                        receivedAt DATETIME NOT NULL,
                        resolvedAt DATETIME,
                        resolvedBy INTEGER
                    );
                    CREATE INDEX upload_state ON upload(state);
                    CREATE INDEX upload_number ON upload(developmentNumber);
                    CREATE INDEX upload_sha ON upload(sha256);
                    CREATE INDEX upload_identity ON upload(folder, inode, modified);

                    -- A member's e-archive versions, kept for ever (R-M4).
                    CREATE TABLE archiveVersion (
                        id INTEGER PRIMARY KEY,
                        memberID INTEGER NOT NULL REFERENCES member(id),
                        version INTEGER NOT NULL,
                        uploadID INTEGER NOT NULL REFERENCES upload(id),
                        sha256 TEXT NOT NULL REFERENCES document(sha256),
                        uploaderOrgID INTEGER NOT NULL REFERENCES org(id),
                        required BOOLEAN NOT NULL,
                        createdAt DATETIME NOT NULL,
                        UNIQUE (memberID, version)
                    );
                    CREATE TRIGGER archive_version_no_delete BEFORE DELETE ON archiveVersion
                    BEGIN SELECT RAISE(ABORT, 'archive versions are kept for ever (R-M4)'); END;
                    """)
        }
        migrator.registerMigration("v3-review-audit") { db in
            try db.execute(
                sql: """
                    ALTER TABLE archiveVersion ADD COLUMN state TEXT NOT NULL DEFAULT 'pending';
                    ALTER TABLE archiveVersion ADD COLUMN needsReview BOOLEAN NOT NULL DEFAULT 1;
                    ALTER TABLE archiveVersion ADD COLUMN reviewerOrgID INTEGER REFERENCES org(id);
                    ALTER TABLE archiveVersion ADD COLUMN decidedByAdmin INTEGER REFERENCES admin(id);
                    ALTER TABLE archiveVersion ADD COLUMN decidedAt DATETIME;
                    ALTER TABLE archiveVersion ADD COLUMN reason TEXT;
                    ALTER TABLE archiveVersion ADD COLUMN reasonCode TEXT;
                    ALTER TABLE archiveVersion ADD COLUMN changeRequestID INTEGER;
                    CREATE INDEX version_review ON archiveVersion(state, reviewerOrgID);
                    CREATE INDEX version_member ON archiveVersion(memberID, version);

                    CREATE TABLE changeRequest (
                        id INTEGER PRIMARY KEY,
                        memberID INTEGER NOT NULL REFERENCES member(id),
                        reason TEXT NOT NULL,
                        state TEXT NOT NULL,
                        requestedByAdmin INTEGER NOT NULL REFERENCES admin(id),
                        requestedByOrg INTEGER NOT NULL REFERENCES org(id),
                        reviewerOrgID INTEGER NOT NULL REFERENCES org(id),
                        decidedByAdmin INTEGER REFERENCES admin(id),
                        decidedAt DATETIME,
                        decisionReason TEXT,
                        usedByVersion INTEGER,
                        createdAt DATETIME NOT NULL
                    );
                    CREATE INDEX change_member ON changeRequest(memberID, state);
                    CREATE INDEX change_reviewer ON changeRequest(reviewerOrgID, state);

                    CREATE TABLE audit (
                        id INTEGER PRIMARY KEY,
                        at TEXT NOT NULL,
                        uid INTEGER NOT NULL,
                        adminID INTEGER,
                        orgID INTEGER,
                        action TEXT NOT NULL,
                        target TEXT NOT NULL,
                        reason TEXT,
                        prevHash TEXT NOT NULL,
                        hash TEXT NOT NULL
                    );
                    CREATE INDEX audit_target ON audit(target);
                    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    """)
            // The event log of v1 becomes the first rows of the audit chain.
            let events = try Row.fetchAll(db, sql: "SELECT * FROM event ORDER BY id")
            for event in events {
                try FrozenMigrationHelpers.v3AppendAudit(
                    db, at: event["at"] as Date, uid: event["uid"], adminID: event["adminID"], orgID: nil,
                    action: event["action"], target: event["target"], reason: event["detail"])
            }
            try db.execute(sql: "DROP TRIGGER event_no_update; DROP TRIGGER event_no_delete; DROP TABLE event;")
        }
        migrator.registerMigration("v4-reminders-transfers") { db in
            try db.execute(
                sql: """
                    -- At most one reminder per org and day, across restarts (R-E10).
                    CREATE TABLE reminderSent (
                        orgID INTEGER NOT NULL REFERENCES org(id),
                        day TEXT NOT NULL,
                        sentAt DATETIME NOT NULL,
                        file TEXT NOT NULL,
                        PRIMARY KEY (orgID, day)
                    );
                    CREATE TABLE hookDelivery (
                        id INTEGER PRIMARY KEY,
                        orgID INTEGER NOT NULL,
                        adminID INTEGER NOT NULL,
                        day TEXT NOT NULL,
                        attempts INTEGER NOT NULL,
                        ok BOOLEAN NOT NULL,
                        detail TEXT,
                        at DATETIME NOT NULL
                    );
                    CREATE TABLE transfer (
                        id INTEGER PRIMARY KEY,
                        memberID INTEGER NOT NULL REFERENCES member(id),
                        fromBranchID INTEGER NOT NULL REFERENCES org(id),
                        toBranchID INTEGER NOT NULL REFERENCES org(id),
                        byAdmin INTEGER NOT NULL,
                        at DATETIME NOT NULL
                    );
                    CREATE TRIGGER transfer_no_delete BEFORE DELETE ON transfer
                    BEGIN SELECT RAISE(ABORT, 'transfers are kept for ever'); END;
                    """)
        }
        migrator.registerMigration("v5-review-states-for-older-versions") { db in
            // Versions archived before v3 had no review state: give each the state the rules give a new one.
            let rows = try Row.fetchAll(
                db, sql: """
                    SELECT v.id, v.required, o.category, m.branchID FROM archiveVersion AS v
                    JOIN org AS o ON o.id = v.uploaderOrgID JOIN member AS m ON m.id = v.memberID
                    WHERE v.state = 'pending' AND v.reviewerOrgID IS NULL
                    """)
            let root = try Int64.fetchOne(db, sql: "SELECT id FROM org WHERE parentID IS NULL")
            for row in rows {
                let (state, needsReview) = FrozenMigrationHelpers.v5InitialState(
                    uploaderCategory: row["category"], needsEArchive: row["required"])
                let reviewer = needsReview ? try FrozenMigrationHelpers.v5ReviewerOrg(db, branchID: row["branchID"]) ?? root : nil
                try db.execute(
                    sql: "UPDATE archiveVersion SET state = ?, needsReview = ?, reviewerOrgID = ? WHERE id = ?",
                    arguments: [state, needsReview, reviewer, row["id"] as Int64])
            }
        }
        registerScaleMigration(&migrator)
        registerTallyMigration(&migrator)
        registerDueMigration(&migrator)
        registerTreeMigration(&migrator)
        registerBackupMigration(&migrator)
        registerMemberLifeMigration(&migrator)
        registerCadreMigration(&migrator)
        registerFeeTallyMigration(&migrator)
        return migrator
    }
}
