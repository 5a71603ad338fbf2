import ZHTJRegistry

/// The SQLite database is the registry: each aggregate's protocol is implemented by the `AppDatabase+…` file of
/// the same subject.
extension AppDatabase: OrgStore, AdminStore, MemberStore, UploadStore, ReviewStore, ReminderStore, AuditLog, TallyStore, BackupStore {}
