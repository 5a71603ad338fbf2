/// The operator's maintenance: recounting the per-org tallies (issue 13).
extension API {
    public enum AdminRecount: ZHTJCommand {
        public typealias Params = NoParams
        public typealias Result = RecountResult
        public static let name = "admin.recount"
        public static let access = Access.anyone
    }
}
