import Foundation

/// What became of a file taken from the inbox.
public enum UploadState: String, Codable, Sendable {
    /// Archived as a version of a member's e-archive.
    case archived
    /// Archived, but no member matched: an admin attaches it (`zhtj attach`).
    case unmatched
    /// The same bytes were archived before: recorded, no second copy kept.
    case duplicate
    /// Moved to `refused/` with its reason.
    case refused
    /// A refused file put back into the inbox (`zhtj retry`).
    case retried
}
