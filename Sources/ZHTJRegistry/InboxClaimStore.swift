import Foundation

/// Several daemons on one inbox (issue 15): a file is claimed in the database before it is read, so exactly one
/// daemon processes it. A claim is a lease: renewed before the commit, released when the file has left the inbox,
/// and taken over by another daemon once it has expired (its daemon died). Where only one daemon can run (SQLite,
/// held by the database lock) every claim is granted without a write.
public protocol InboxClaimStore: Sendable {
    /// For each file, whether `daemon` holds its claim now (taken, renewed, or taken over from an expired lease or
    /// from an older file of the same name); false while another daemon's lease on that very file runs. One
    /// transaction for all.
    func claimInboxFiles(_ files: [InboxClaim], daemon: String, now: Date, lease: TimeInterval) throws -> [Bool]
    /// Gives up `daemon`'s claim on a file (it left the inbox, or stays for a later pass).
    func releaseInboxClaim(folder: String, name: [UInt8], daemon: String) throws
    /// The daemons holding claims now.
    func inboxClaimHolders() throws -> [String]
    /// Gives up every claim of a daemon known to have stopped (a restart on the same host need not wait for the
    /// leases); returns how many.
    func releaseInboxClaims(of daemon: String) throws -> Int
}

/// One inbox file as a claim names it: its folder, raw name and identity (a new file under an old name is another
/// file).
public struct InboxClaim: Sendable, Equatable {
    public var folder: String
    public var name: [UInt8]
    public var inode: UInt64
    public var modified: Int64

    public init(folder: String, name: [UInt8], inode: UInt64, modified: Int64) {
        self.folder = folder
        self.name = name
        self.inode = inode
        self.modified = modified
    }
}
