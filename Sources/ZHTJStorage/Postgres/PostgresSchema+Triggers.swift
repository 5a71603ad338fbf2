extension PostgresSchema {
    /// The triggers that keep derived data (member counts, name suffixes, latest states, tallies, due counts) do
    /// nothing while the transaction has set `zhtj.bulk` to `on`: a bulk write (an import, `admin migrate`) does
    /// their work set-based afterwards (`PostgresBulk`). PostgreSQL keeps every version of a row updated in one
    /// transaction, so a few hot rows (the root's tallies) updated once per member would make a large import
    /// quadratic.
    /// pg1, the triggers: SQLite's, each a function and a row trigger with the same name, firing on the same event
    /// and condition. No two triggers of one event read what the other writes, and each tally trigger takes one
    /// from the old key and adds one to the new, so PostgreSQL's running them at the end of the statement leaves the
    /// same counts as SQLite's running them after each row. (One statement inserting several versions of one member
    /// would leave SQLite a zero-count tally row for the state the member passed through, PostgreSQL none; the
    /// registry inserts one version per statement.)
    static let pg1Triggers = """
        -- The refusals of v1…v4: the message is the trigger's argument.
        CREATE FUNCTION refuse_write() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '%', TG_ARGV[0];
        END
        $$;

        -- R-O2; paths never change, which orgAncestor relies on.
        CREATE TRIGGER org_immutable BEFORE UPDATE OF shortName, fullName, category, industry, parentID, path ON org
            FOR EACH ROW EXECUTE FUNCTION refuse_write('an org''s short name, full name, category and industry cannot be changed (R-O2)');
        CREATE TRIGGER org_no_delete BEFORE DELETE ON org
            FOR EACH ROW EXECUTE FUNCTION refuse_write('orgs are not deleted');
        CREATE TRIGGER org_no_truncate BEFORE TRUNCATE ON org
            FOR EACH STATEMENT EXECUTE FUNCTION refuse_write('orgs are not deleted');
        CREATE TRIGGER member_no_delete BEFORE DELETE ON member
            FOR EACH ROW EXECUTE FUNCTION refuse_write('a member record is kept for ever and cannot be deleted (R-M4)');
        CREATE TRIGGER member_no_truncate BEFORE TRUNCATE ON member
            FOR EACH STATEMENT EXECUTE FUNCTION refuse_write('a member record is kept for ever and cannot be deleted (R-M4)');
        CREATE TRIGGER document_no_delete BEFORE DELETE ON document
            FOR EACH ROW EXECUTE FUNCTION refuse_write('archived documents are kept for ever');
        CREATE TRIGGER document_no_truncate BEFORE TRUNCATE ON document
            FOR EACH STATEMENT EXECUTE FUNCTION refuse_write('archived documents are kept for ever');
        CREATE TRIGGER archive_version_no_delete BEFORE DELETE ON archiveVersion
            FOR EACH ROW EXECUTE FUNCTION refuse_write('archive versions are kept for ever (R-M4)');
        CREATE TRIGGER archive_version_no_truncate BEFORE TRUNCATE ON archiveVersion
            FOR EACH STATEMENT EXECUTE FUNCTION refuse_write('archive versions are kept for ever (R-M4)');
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
            FOR EACH ROW EXECUTE FUNCTION refuse_write('the audit log is append-only');
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
            FOR EACH ROW EXECUTE FUNCTION refuse_write('the audit log is append-only');
        CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
            FOR EACH STATEMENT EXECUTE FUNCTION refuse_write('the audit log is append-only');
        CREATE TRIGGER transfer_no_delete BEFORE DELETE ON transfer
            FOR EACH ROW EXECUTE FUNCTION refuse_write('transfers are kept for ever');
        CREATE TRIGGER transfer_no_truncate BEFORE TRUNCATE ON transfer
            FOR EACH STATEMENT EXECUTE FUNCTION refuse_write('transfers are kept for ever');
        -- The triggers hold for every role, the owner too; these say the same to any other role.
        REVOKE UPDATE, DELETE, TRUNCATE ON audit FROM PUBLIC;
        REVOKE DELETE, TRUNCATE ON org, member, document, archiveVersion, transfer FROM PUBLIC;
        REVOKE UPDATE (shortName, fullName, category, industry, parentID, path) ON org FROM PUBLIC;

        -- v6: an org's ancestors are its parent's and itself (paths never change, so neither do they).
        CREATE FUNCTION org_ancestors() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO orgAncestor (orgID, ancestorID) SELECT NEW.id, ancestorID FROM orgAncestor WHERE orgID = NEW.parentID;
            INSERT INTO orgAncestor (orgID, ancestorID) VALUES (NEW.id, NEW.id);
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER org_ancestors AFTER INSERT ON org FOR EACH ROW EXECUTE FUNCTION org_ancestors();

        -- v6: org.memberCount, the members of the org's subtree.
        CREATE FUNCTION member_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF current_setting('zhtj.bulk', true) = 'on' THEN RETURN NULL; END IF;
            UPDATE org SET memberCount = memberCount + 1
            WHERE id IN (SELECT ancestorID FROM orgAncestor WHERE orgID = NEW.branchID);
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER member_count_insert AFTER INSERT ON member FOR EACH ROW EXECUTE FUNCTION member_count_insert();

        CREATE FUNCTION member_count_move() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF current_setting('zhtj.bulk', true) = 'on' THEN RETURN NULL; END IF;
            UPDATE org SET memberCount = memberCount - 1
            WHERE id IN (SELECT ancestorID FROM orgAncestor WHERE orgID = OLD.branchID);
            UPDATE org SET memberCount = memberCount + 1
            WHERE id IN (SELECT ancestorID FROM orgAncestor WHERE orgID = NEW.branchID);
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER member_count_move AFTER UPDATE OF branchID ON member
            FOR EACH ROW WHEN (OLD.branchID IS DISTINCT FROM NEW.branchID) EXECUTE FUNCTION member_count_move();

        -- v6: the name's suffixes. COLLATE "C" makes lower() fold ASCII only, as SQLite's lower() (and LIKE) do.
        CREATE FUNCTION member_name_suffixes() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF current_setting('zhtj.bulk', true) = 'on' THEN RETURN NULL; END IF;
            INSERT INTO memberNameSuffix (suffix, memberID)
            SELECT lower(substr(NEW.name, n::INT) COLLATE "C"), NEW.id FROM suffixPosition WHERE n <= length(NEW.name)
            ON CONFLICT DO NOTHING;
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER member_name_suffixes AFTER INSERT ON member FOR EACH ROW EXECUTE FUNCTION member_name_suffixes();

        CREATE FUNCTION member_name_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF current_setting('zhtj.bulk', true) = 'on' THEN RETURN NULL; END IF;
            DELETE FROM memberNameSuffix WHERE memberID = OLD.id
                AND suffix IN (SELECT lower(substr(OLD.name, n::INT) COLLATE "C") FROM suffixPosition WHERE n <= length(OLD.name));
            INSERT INTO memberNameSuffix (suffix, memberID)
            SELECT lower(substr(NEW.name, n::INT) COLLATE "C"), NEW.id FROM suffixPosition WHERE n <= length(NEW.name)
            ON CONFLICT DO NOTHING;
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER member_name_change AFTER UPDATE OF name ON member FOR EACH ROW EXECUTE FUNCTION member_name_change();

        -- v7: member.latestState, the state of the member's latest archive version (one function, both triggers).
        CREATE FUNCTION version_latest() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF current_setting('zhtj.bulk', true) = 'on' THEN RETURN NULL; END IF;
            UPDATE member SET latestState = (
                SELECT state FROM archiveVersion WHERE memberID = NEW.memberID ORDER BY version DESC LIMIT 1)
            WHERE id = NEW.memberID;
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER version_latest_insert AFTER INSERT ON archiveVersion FOR EACH ROW EXECUTE FUNCTION version_latest();
        CREATE TRIGGER version_latest_state AFTER UPDATE OF state ON archiveVersion
            FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION version_latest();

        -- v7: orgTally. The bucket of a latest state: `none` for no version or a superseded one.
        CREATE FUNCTION member_tally_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF current_setting('zhtj.bulk', true) = 'on' THEN RETURN NULL; END IF;
            INSERT INTO orgTally (orgID, joinYear, bucket, count)
            SELECT ancestorID, NEW.joinYear,
                CASE WHEN NEW.latestState IN ('pending', 'rejected', 'approved') THEN NEW.latestState ELSE 'none' END, 1
            FROM orgAncestor WHERE orgID = NEW.branchID
            ON CONFLICT (orgID, joinYear, bucket) DO UPDATE SET count = orgTally.count + 1;
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER member_tally_insert AFTER INSERT ON member FOR EACH ROW EXECUTE FUNCTION member_tally_insert();

        CREATE FUNCTION member_tally_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF current_setting('zhtj.bulk', true) = 'on' THEN RETURN NULL; END IF;
            UPDATE orgTally SET count = count - 1
            WHERE orgID IN (SELECT ancestorID FROM orgAncestor WHERE orgID = OLD.branchID)
                AND joinYear = OLD.joinYear
                AND bucket = CASE WHEN OLD.latestState IN ('pending', 'rejected', 'approved') THEN OLD.latestState ELSE 'none' END;
            INSERT INTO orgTally (orgID, joinYear, bucket, count)
            SELECT ancestorID, NEW.joinYear,
                CASE WHEN NEW.latestState IN ('pending', 'rejected', 'approved') THEN NEW.latestState ELSE 'none' END, 1
            FROM orgAncestor WHERE orgID = NEW.branchID
            ON CONFLICT (orgID, joinYear, bucket) DO UPDATE SET count = orgTally.count + 1;
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER member_tally_change AFTER UPDATE OF branchID, joinYear, latestState ON member
            FOR EACH ROW WHEN (OLD.branchID IS DISTINCT FROM NEW.branchID OR OLD.joinYear IS DISTINCT FROM NEW.joinYear
                OR CASE WHEN OLD.latestState IN ('pending', 'rejected', 'approved') THEN OLD.latestState ELSE 'none' END
                    IS DISTINCT FROM CASE WHEN NEW.latestState IN ('pending', 'rejected', 'approved') THEN NEW.latestState ELSE 'none' END)
            EXECUTE FUNCTION member_tally_change();

        -- v8: orgDue, the open members (joined 2020 or later, R-E1, and not authenticated) by due date.
        CREATE FUNCTION member_due_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF current_setting('zhtj.bulk', true) = 'on' THEN RETURN NULL; END IF;
            INSERT INTO orgDue (orgID, dueDate, count)
            SELECT ancestorID, NEW.dueDate, 1 FROM orgAncestor WHERE orgID = NEW.branchID
            ON CONFLICT (orgID, dueDate) DO UPDATE SET count = orgDue.count + 1;
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER member_due_insert AFTER INSERT ON member
            FOR EACH ROW WHEN (NEW.joinYear >= 2020 AND NEW.latestState IS DISTINCT FROM 'approved')
            EXECUTE FUNCTION member_due_insert();

        CREATE FUNCTION member_due_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF current_setting('zhtj.bulk', true) = 'on' THEN RETURN NULL; END IF;
            UPDATE orgDue SET count = count - 1
            WHERE (OLD.joinYear >= 2020 AND OLD.latestState IS DISTINCT FROM 'approved')
                AND orgID IN (SELECT ancestorID FROM orgAncestor WHERE orgID = OLD.branchID)
                AND dueDate = OLD.dueDate;
            INSERT INTO orgDue (orgID, dueDate, count)
            SELECT ancestorID, NEW.dueDate, 1 FROM orgAncestor
            WHERE (NEW.joinYear >= 2020 AND NEW.latestState IS DISTINCT FROM 'approved') AND orgID = NEW.branchID
            ON CONFLICT (orgID, dueDate) DO UPDATE SET count = orgDue.count + 1;
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER member_due_change AFTER UPDATE OF branchID, joinDate, joinYear, latestState ON member
            FOR EACH ROW WHEN (OLD.branchID IS DISTINCT FROM NEW.branchID OR OLD.dueDate IS DISTINCT FROM NEW.dueDate
                OR (OLD.joinYear >= 2020 AND OLD.latestState IS DISTINCT FROM 'approved')
                    IS DISTINCT FROM (NEW.joinYear >= 2020 AND NEW.latestState IS DISTINCT FROM 'approved'))
            EXECUTE FUNCTION member_due_change();
        """
}
