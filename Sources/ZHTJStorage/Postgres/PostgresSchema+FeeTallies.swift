extension PostgresSchema {
    /// pg5 (issue 16): SQLite's v13 (`AppDatabase.registerFeeTallyMigration`): members by join month and fee
    /// payments per org, kept by triggers that do nothing in bulk mode (`PostgresBulk` does their work). Frozen SQL.
    static let pg5FeeTallies = """
        CREATE TABLE orgJoinMonth (
            orgID BIGINT NOT NULL,
            joinMonth TEXT COLLATE "C" NOT NULL,
            count BIGINT NOT NULL,
            PRIMARY KEY (orgID, joinMonth)
        );
        CREATE TABLE orgFeePaid (
            orgID BIGINT NOT NULL,
            month TEXT COLLATE "C" NOT NULL,
            paid BIGINT NOT NULL,
            paidFen BIGINT NOT NULL,
            PRIMARY KEY (orgID, month)
        );

        CREATE FUNCTION member_join_month_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF current_setting('zhtj.bulk', true) = 'on' THEN RETURN NULL; END IF;
            INSERT INTO orgJoinMonth (orgID, joinMonth, count)
            SELECT ancestorID, substr(NEW.joinDate, 1, 7), 1 FROM orgAncestor WHERE orgID = NEW.branchID
            ON CONFLICT (orgID, joinMonth) DO UPDATE SET count = orgJoinMonth.count + 1;
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER member_join_month_insert AFTER INSERT ON member
            FOR EACH ROW WHEN (NEW.leftAt IS NULL) EXECUTE FUNCTION member_join_month_insert();

        CREATE FUNCTION member_join_month_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF current_setting('zhtj.bulk', true) = 'on' THEN RETURN NULL; END IF;
            UPDATE orgJoinMonth SET count = count - 1
            WHERE OLD.leftAt IS NULL AND orgID IN (SELECT ancestorID FROM orgAncestor WHERE orgID = OLD.branchID)
                AND joinMonth = substr(OLD.joinDate, 1, 7);
            INSERT INTO orgJoinMonth (orgID, joinMonth, count)
            SELECT ancestorID, substr(NEW.joinDate, 1, 7), 1 FROM orgAncestor WHERE NEW.leftAt IS NULL AND orgID = NEW.branchID
            ON CONFLICT (orgID, joinMonth) DO UPDATE SET count = orgJoinMonth.count + 1;
            UPDATE orgFeePaid SET paid = paid - 1,
                paidFen = paidFen - (SELECT amountFen FROM feePayment WHERE memberID = OLD.id AND month = orgFeePaid.month)
            WHERE OLD.leftAt IS NULL AND orgID IN (SELECT ancestorID FROM orgAncestor WHERE orgID = OLD.branchID)
                AND month IN (SELECT month FROM feePayment WHERE memberID = OLD.id AND month >= substr(OLD.joinDate, 1, 7));
            INSERT INTO orgFeePaid (orgID, month, paid, paidFen)
            SELECT a.ancestorID, f.month, 1, f.amountFen FROM feePayment AS f JOIN orgAncestor AS a ON a.orgID = NEW.branchID
            WHERE NEW.leftAt IS NULL AND f.memberID = NEW.id AND f.month >= substr(NEW.joinDate, 1, 7)
            ON CONFLICT (orgID, month) DO UPDATE SET paid = orgFeePaid.paid + 1, paidFen = orgFeePaid.paidFen + excluded.paidFen;
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER member_join_month_change AFTER UPDATE OF branchID, joinDate, leftAt ON member
            FOR EACH ROW WHEN (OLD.branchID IS DISTINCT FROM NEW.branchID OR OLD.joinDate IS DISTINCT FROM NEW.joinDate
                OR (OLD.leftAt IS NULL) IS DISTINCT FROM (NEW.leftAt IS NULL))
            EXECUTE FUNCTION member_join_month_change();

        CREATE FUNCTION fee_paid_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF current_setting('zhtj.bulk', true) = 'on' THEN RETURN NULL; END IF;
            INSERT INTO orgFeePaid (orgID, month, paid, paidFen)
            SELECT a.ancestorID, NEW.month, 1, NEW.amountFen FROM member AS m JOIN orgAncestor AS a ON a.orgID = m.branchID
            WHERE m.id = NEW.memberID AND m.leftAt IS NULL AND NEW.month >= substr(m.joinDate, 1, 7)
            ON CONFLICT (orgID, month) DO UPDATE SET paid = orgFeePaid.paid + 1, paidFen = orgFeePaid.paidFen + excluded.paidFen;
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER fee_paid_insert AFTER INSERT ON feePayment FOR EACH ROW EXECUTE FUNCTION fee_paid_insert();
        """
}
