/// What the daemon needs from a database, one protocol per aggregate (the files beside this one). The SQLite
/// implementation (`AppDatabase` in ZHTJStorage, the only code that knows SQL or GRDB) conforms to all of them;
/// a second database (PostgreSQL, for a province) is another conformance. docs/architecture.md explains the cut.
///
/// Every method is one transaction: what must change together (a version and its audit row, a decision and the
/// check that it is still pending) changes together inside the store.
public typealias Registry = OrgStore & AdminStore & MemberStore & UploadStore & ReviewStore & ReminderStore & AuditLog & TallyStore
    & BackupStore & InboxClaimStore & DailyTaskStore & MemberLifeStore & MemberAccountStore & DistinctionStore & FeeStore & CadreStore
