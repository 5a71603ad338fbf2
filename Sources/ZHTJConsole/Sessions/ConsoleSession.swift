import Foundation

/// A browser's session: the admin who opened it with a one-time link, and its CSRF token.
public struct ConsoleSession: Sendable, Equatable {
    /// Who asked for the link over the socket: the admin, the uid that sent the credential, and the credential's
    /// hash, so that every request is checked again (a revoked credential ends the console too).
    public struct Admin: Sendable, Equatable {
        public var id: Int64
        public var uid: UInt32
        public var credentialHash: String
        /// Shown in the page header.
        public var name: String
        public var org: String
        public init(id: Int64, uid: UInt32, credentialHash: String, name: String, org: String) {
            self.id = id
            self.uid = uid
            self.credentialHash = credentialHash
            self.name = name
            self.org = org
        }
    }

    public var admin: Admin
    /// Sent back with every POST (a form field or the `X-CSRF-Token` header).
    public var csrf: String
    public var started: Date
    public var lastSeen: Date
}
