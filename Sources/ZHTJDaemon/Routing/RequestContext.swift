import Foundation
import ZHTJCore
import ZHTJRegistry

/// Who calls and when, as the router established it: the peer's uid, the admin its credential names (if one was
/// sent) and whether the uid is the operator's.
public struct RequestContext: Sendable, HandlerContext {
    public var caller: Caller
    public var admin: AdminInfo?
    /// The admin's subtree: where the admin may act.
    public var scope: Subtree?
    public var isOperator: Bool
    public var now: Date
    /// The member whose own approved credential was sent (R-E13); `scope` is then the member's branch.
    public var member: MemberAccountInfo?
    /// The hash of the admin's credential that was sent (for `console.link`, whose sessions check it again).
    public var credentialHash: String?

    public init(caller: Caller, admin: AdminInfo?, scope: Subtree?, isOperator: Bool, now: Date, member: MemberAccountInfo? = nil, credentialHash: String? = nil) {
        self.credentialHash = credentialHash
        self.caller = caller
        self.admin = admin
        self.scope = scope
        self.isOperator = isOperator
        self.now = now
        self.member = member
    }

    public init?(_ request: RequestContext) { self = request }
    public static let requiresAdmin = false
}

/// The context of a command whose access is `.admin`: the router has checked the credential, so the admin is known.
public struct AdminContext: Sendable, HandlerContext {
    public var caller: Caller
    public var admin: AdminInfo
    /// The admin's subtree: where the admin may act.
    public var scope: Subtree
    public var isOperator: Bool
    public var now: Date
    public var credentialHash: String?

    public init?(_ request: RequestContext) {
        guard let admin = request.admin, let scope = request.scope else { return nil }
        self.credentialHash = request.credentialHash
        self.caller = request.caller
        self.admin = admin
        self.scope = scope
        self.isOperator = request.isOperator
        self.now = request.now
    }

    public static let requiresAdmin = true
}

/// The context of a command whose access is `.adminOrMember`: an admin (its subtree), or a member with their own
/// credential (R-E13), who reaches only their own record.
public struct ViewerContext: Sendable, HandlerContext {
    public var caller: Caller
    public var scope: Subtree
    /// Set for a member's own credential: the one member it may see.
    public var onlyMember: Int64?
    public var now: Date

    public init?(_ request: RequestContext) {
        guard let scope = request.scope, request.admin != nil || request.member != nil else { return nil }
        self.caller = request.caller
        self.scope = scope
        self.onlyMember = request.admin == nil ? request.member?.memberID : nil
        self.now = request.now
    }

    public static let requiresAdmin = false
}

/// What a handler is given: `RequestContext` for every caller, `AdminContext` for admins only.
public protocol HandlerContext: Sendable {
    /// The handler's view of a request; nil when it cannot have one (no admin for an `AdminContext`).
    init?(_ request: RequestContext)
    /// Whether only an admin's request can be served (such a handler may only serve `.admin` commands).
    static var requiresAdmin: Bool { get }
}
