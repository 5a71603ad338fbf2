/// Who acts, as the audit chain records it: the peer's uid (SO_PEERCRED) and, once registered, the admin and the
/// admin's org. It decides nothing: what a caller may do is decided above the store (the daemon's handlers with
/// the domain's rules), which passes a `Subtree` where a query is limited to one.
public struct Caller: Sendable, Equatable {
    public var uid: UInt32
    public var adminID: Int64?
    public var orgID: Int64?
    /// Where the request came from when not the socket: `console` for the browser console (issue 17). The audit
    /// row's detail says so.
    public var via: String?

    public init(uid: UInt32, adminID: Int64? = nil, orgID: Int64? = nil, via: String? = nil) {
        self.uid = uid
        self.adminID = adminID
        self.orgID = orgID
        self.via = via
    }
}
