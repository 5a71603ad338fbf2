import Foundation

/// One post a cadre held (R-C1's "current post, since when, how appointed"): a change of post ends the current one
/// and starts the next; a removal ends the last (R-C2). Kept for ever.
public struct CadrePostInfo: Codable, Sendable, Equatable {
    public var post: String
    /// `YYYY-MM`.
    public var since: String
    public var appointedHow: String
    public var recordedAt: Date
    /// When the post ended (a change of post or the removal), nil while held.
    public var endedAt: Date?

    public init(post: String, since: String, appointedHow: String, recordedAt: Date, endedAt: Date?) {
        self.post = post
        self.since = since
        self.appointedHow = appointedHow
        self.recordedAt = recordedAt
        self.endedAt = endedAt
    }
}
