import ZHTJCore

/// One archive version as a reviewer's decision needs it: its state, who reviews it, who decided it, and where
/// the rejection note goes.
public struct ReviewTarget: Sendable, Equatable {
    public var id: Int64
    public var memberID: Int64
    public var version: Int
    public var state: ArchiveState
    /// The org whose admins decide it (R-E4); nil when it needs no review.
    public var reviewerOrgID: Int64?
    public var decidedByName: String?
    public var memberName: String
    public var developmentNumber: String?
    /// The uploading org's inbox folder.
    public var uploaderFolder: String

    public init(
        id: Int64, memberID: Int64, version: Int, state: ArchiveState, reviewerOrgID: Int64?, decidedByName: String?, memberName: String,
        developmentNumber: String?, uploaderFolder: String
    ) {
        self.id = id
        self.memberID = memberID
        self.version = version
        self.state = state
        self.reviewerOrgID = reviewerOrgID
        self.decidedByName = decidedByName
        self.memberName = memberName
        self.developmentNumber = developmentNumber
        self.uploaderFolder = uploaderFolder
    }
}
