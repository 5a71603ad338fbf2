import ZHTJRegistry

/// The database is the registry, on SQLite or PostgreSQL: each aggregate's protocol is implemented by the
/// `AppDatabase+…` file of the same subject.
extension AppDatabase: OrgStore, AdminStore, MemberStore, UploadStore, ReviewStore, ReminderStore, AuditLog, TallyStore, BackupStore,
    InboxClaimStore, DailyTaskStore, MemberLifeStore, MemberAccountStore, CadreStore
{}
