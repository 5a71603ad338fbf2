/// The browser console's login (issue 17): a one-time link asked for over the socket, so with the kernel's uid and
/// the admin's credential; no password exists anywhere.
extension API {
    /// A link valid `ConsoleLinkResult.validSeconds` that opens one session in a browser, once.
    public enum ConsoleLink: ZHTJCommand {
        public typealias Params = NoParams
        public typealias Result = ConsoleLinkResult
        public static let name = "console.link"
        public static let access = Access.admin
    }

    /// Ends every console session (and unused link) of the calling admin.
    public enum ConsoleLogoutAll: ZHTJCommand {
        public typealias Params = NoParams
        public typealias Result = ConsoleLogoutResult
        public static let name = "console.logoutAll"
        public static let access = Access.admin
    }
}
