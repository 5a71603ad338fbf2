import Foundation
import GRDB

extension AppDatabase {
    /// v12, cadres (issue 16, R-C1, R-C2) and key-area monitoring (seed 001 §2.2, §2.3):
    /// - `cadre`: one row per cadre of an org (a branch's cadre also names its member), with the R-C1 fields and the
    ///   current post. Never deleted; a removal sets `removedAt`, `removedTo` (and `removedOther` for 其他) and ends
    ///   the post, after which the row is not changed (R-C2). One row in post per person and org.
    /// - `cadrePost`: the posts a cadre held, oldest first; a change of post ends one and starts the next. Not
    ///   deleted; only an open post's `endedAt` is ever set.
    /// - `orgKeyArea`: a university's student count, a state firm's level and location, written once and never
    ///   changed ("提交成功后不允许修改").
    /// Frozen SQL only (no application code), like every migration.
    static func registerCadreMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v12-cadres") { db in
            try db.execute(
                sql: """
                    CREATE TABLE cadre (
                        id INTEGER PRIMARY KEY,
                        orgID INTEGER NOT NULL REFERENCES org(id),
                        memberID INTEGER REFERENCES member(id),
                        name TEXT NOT NULL,
                        idNumber TEXT NOT NULL,
                        birthDate TEXT NOT NULL,
                        ethnicity TEXT NOT NULL,
                        education TEXT NOT NULL,
                        occupation TEXT NOT NULL,
                        politicalStatus TEXT NOT NULL,
                        joinDate TEXT NOT NULL,
                        developmentNumber TEXT,
                        partyJoinDate TEXT,
                        post TEXT NOT NULL,
                        postSince TEXT NOT NULL,
                        appointedHow TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        partyCommitteeMember BOOLEAN NOT NULL,
                        onDuty BOOLEAN NOT NULL,
                        mobile TEXT NOT NULL,
                        partyApplication BOOLEAN,
                        partyApplicationDate TEXT,
                        volunteer BOOLEAN NOT NULL,
                        volunteerDate TEXT,
                        createdAt DATETIME NOT NULL,
                        createdByUID INTEGER NOT NULL,
                        createdByAdmin INTEGER,
                        removedAt DATETIME,
                        removedTo TEXT,
                        removedOther TEXT,
                        removedByAdmin INTEGER
                    );
                    CREATE INDEX cadre_org ON cadre(orgID);
                    CREATE INDEX cadre_member ON cadre(memberID);
                    CREATE INDEX cadre_id_number ON cadre(idNumber);
                    CREATE UNIQUE INDEX cadre_one_in_post ON cadre(orgID, idNumber) WHERE removedAt IS NULL;
                    CREATE TRIGGER cadre_no_delete BEFORE DELETE ON cadre
                    BEGIN SELECT RAISE(ABORT, 'a cadre''s record is kept for ever: removal ends the post (R-C2)'); END;
                    CREATE TRIGGER cadre_removed_final BEFORE UPDATE ON cadre WHEN OLD.removedAt IS NOT NULL
                    BEGIN SELECT RAISE(ABORT, 'a removed cadre''s record is not changed (R-C2)'); END;

                    CREATE TABLE cadrePost (
                        id INTEGER PRIMARY KEY,
                        cadreID INTEGER NOT NULL REFERENCES cadre(id),
                        post TEXT NOT NULL,
                        since TEXT NOT NULL,
                        appointedHow TEXT NOT NULL,
                        recordedAt DATETIME NOT NULL,
                        recordedByAdmin INTEGER,
                        endedAt DATETIME
                    );
                    CREATE INDEX cadre_post_cadre ON cadrePost(cadreID);
                    CREATE UNIQUE INDEX cadre_post_one_open ON cadrePost(cadreID) WHERE endedAt IS NULL;
                    CREATE TRIGGER cadre_post_no_delete BEFORE DELETE ON cadrePost
                    BEGIN SELECT RAISE(ABORT, 'a cadre''s posts are kept for ever (R-C1)'); END;
                    CREATE TRIGGER cadre_post_ended_final BEFORE UPDATE ON cadrePost WHEN OLD.endedAt IS NOT NULL
                        OR NEW.post IS NOT OLD.post OR NEW.since IS NOT OLD.since OR NEW.appointedHow IS NOT OLD.appointedHow
                    BEGIN SELECT RAISE(ABORT, 'a post once recorded is not changed; only its end is set (R-C1)'); END;

                    CREATE TABLE orgKeyArea (
                        id INTEGER PRIMARY KEY,
                        orgID INTEGER NOT NULL UNIQUE REFERENCES org(id),
                        area TEXT NOT NULL,
                        studentCount INTEGER,
                        enterpriseLevel TEXT,
                        location TEXT,
                        recordedAt DATETIME NOT NULL,
                        recordedByAdmin INTEGER
                    );
                    CREATE TRIGGER org_key_area_no_update BEFORE UPDATE ON orgKeyArea
                    BEGIN SELECT RAISE(ABORT, 'key-area figures are not changed once submitted (seed 001 2.2)'); END;
                    CREATE TRIGGER org_key_area_no_delete BEFORE DELETE ON orgKeyArea
                    BEGIN SELECT RAISE(ABORT, 'key-area figures are not changed once submitted (seed 001 2.2)'); END;
                    """)
        }
    }
}
