/// One command of the socket protocol (docs/protocol.md): its wire name, its parameters, its result and who may
/// send it, in one type. The daemon registers a handler per command type; the client sends a command type, so a
/// subcommand cannot pair a command with the wrong parameters or result.
public protocol ZHTJCommand: Sendable {
    associatedtype Params: Codable & Sendable
    associatedtype Result: Codable & Sendable
    /// The `command` field of a request, e.g. `review.approve`.
    static var name: String { get }
    /// Whether a request must carry a credential (checked once, by the daemon's router).
    static var access: Access { get }
}

/// Whether a command needs a credential. A credential that is sent is always checked, also where none is needed;
/// what an admin may do to which org or member is decided by the command's handler (docs/protocol.md, "Who may call
/// what").
public enum Access: String, Sendable, CaseIterable {
    /// No credential needed (`whoami`, `register`; `init`, `org.code` and `audit.verify` check for the operator).
    case anyone
    /// A credential, or the operator's uid without one (`org.tree`).
    case adminOrOperator
    /// A credential; without one the answer is `credential_required`.
    case admin
    /// An admin's credential, or an approved member's own (R-E13), which reaches only that member's record.
    case adminOrMember
}

/// The namespace of the command types (`API.ReviewApprove`), grouped by feature in the files beside this one.
public enum API {}
