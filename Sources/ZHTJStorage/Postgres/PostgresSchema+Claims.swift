extension PostgresSchema {
    /// pg2 (issue 15): several daemons on one registry. A file is claimed before it is read (`InboxClaimStore`): one
    /// row per inbox file being processed, with the daemon and the end of its lease. A daily task (the reminder
    /// sweep) is recorded when done, so no other daemon runs it again that day (`DailyTaskStore`). SQLite needs
    /// neither (one daemon per SQLite registry). Frozen SQL.
    static let pg2InboxClaims = """
        CREATE TABLE inboxClaim (
            folder TEXT COLLATE "C" NOT NULL,
            name BYTEA NOT NULL,
            inode BIGINT NOT NULL,
            modified BIGINT NOT NULL,
            daemon TEXT COLLATE "C" NOT NULL,
            claimedAt TEXT COLLATE "C" NOT NULL,
            leaseUntil TEXT COLLATE "C" NOT NULL,
            PRIMARY KEY (folder, name)
        );
        CREATE TABLE dailyTask (
            task TEXT COLLATE "C" NOT NULL,
            day TEXT COLLATE "C" NOT NULL,
            daemon TEXT COLLATE "C" NOT NULL,
            finishedAt TEXT COLLATE "C" NOT NULL,
            PRIMARY KEY (task, day)
        );
        """
}
