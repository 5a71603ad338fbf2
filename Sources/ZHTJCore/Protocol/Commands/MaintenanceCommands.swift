/// The operator's maintenance: recounting the per-org tallies (issue 13), backups and the daemon's status (issue 14).
/// Each handler checks that the caller is the operator (the user running zhtjd, or root).
extension API {
    public enum AdminRecount: ZHTJCommand {
        public typealias Params = NoParams
        public typealias Result = RecountResult
        public static let name = "admin.recount"
        public static let access = Access.anyone
    }

    /// Starts a backup and answers at once; `admin.status` follows it.
    public enum AdminBackup: ZHTJCommand {
        public typealias Params = BackupParams
        public typealias Result = BackupStarted
        public static let name = "admin.backup"
        public static let access = Access.anyone
    }

    public enum AdminStatus: ZHTJCommand {
        public typealias Params = StatusParams
        public typealias Result = AdminStatusResult
        public static let name = "admin.status"
        public static let access = Access.anyone
    }
}
