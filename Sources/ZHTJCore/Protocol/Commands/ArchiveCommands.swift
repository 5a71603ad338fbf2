/// The archive: downloads through the socket (R-E13) and the audit chain's check.
extension API {
    public enum ArchiveGet: ZHTJCommand {
        public typealias Params = GetParams
        public typealias Result = GetResult
        public static let name = "archive.get"
        public static let access = Access.adminOrMember
    }

    public enum AuditVerify: ZHTJCommand {
        public typealias Params = NoParams
        public typealias Result = AuditVerifyResult
        public static let name = "audit.verify"
        public static let access = Access.anyone
    }

    /// Appends the chain's head to `outbox/audit-anchors.txt` now (issue 14).
    public enum AuditAnchor: ZHTJCommand {
        public typealias Params = NoParams
        public typealias Result = AuditAnchorResult
        public static let name = "audit.anchor"
        public static let access = Access.anyone
    }
}
