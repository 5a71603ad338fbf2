import ZHTJCore

/// What a decision did, for the rejection note in the uploader's inbox folder.
public struct DecisionOutcome: Sendable {
    public var memberID: Int64
    public var memberName: String
    public var developmentNumber: String?
    public var uploaderFolder: String
    public var state: ArchiveState

    public init(memberID: Int64, memberName: String, developmentNumber: String?, uploaderFolder: String, state: ArchiveState) {
        self.memberID = memberID
        self.memberName = memberName
        self.developmentNumber = developmentNumber
        self.uploaderFolder = uploaderFolder
        self.state = state
    }
}
