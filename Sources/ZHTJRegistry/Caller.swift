/// Who makes a change: the peer's uid (SO_PEERCRED) and, once registered, the admin and their org.
public struct Caller: Sendable, Equatable {
    public var uid: UInt32
    public var adminID: Int64?
    public var orgID: Int64?
    /// The materialised path of the admin's org (`/1/5/42/`); everything below it is in scope.
    public var orgPath: String?

    public init(uid: UInt32, adminID: Int64? = nil, orgID: Int64? = nil, orgPath: String? = nil) {
        self.uid = uid
        self.adminID = adminID
        self.orgID = orgID
        self.orgPath = orgPath
    }

    /// Whether `path` is the caller's org or below it.
    public func covers(path: String) -> Bool {
        guard let orgPath else { return false }
        return path.hasPrefix(orgPath)
    }
}
