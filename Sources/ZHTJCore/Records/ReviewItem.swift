import Foundation

/// One pending review in a reviewer's queue (`zhtj reviews`).
public struct ReviewItem: Codable, Sendable, Equatable {
    /// The review id: the archive version's id.
    public var id: Int64
    public var member: String
    public var memberID: Int64
    public var developmentNumber: String?
    public var branch: String
    public var pages: Int
    public var version: Int
    public var numberSource: String?
    /// For a number read by OCR: the lowest confidence of its digits (it deserves a second look).
    public var numberConfidence: Int?
    public var fileName: String
    public var uploadedBy: String
    public var receivedAt: Date
    public var waitingDays: Int

    public init(
        id: Int64, member: String, memberID: Int64, developmentNumber: String?, branch: String, pages: Int, version: Int,
        numberSource: String?, fileName: String, uploadedBy: String, receivedAt: Date, waitingDays: Int
    ) {
        self.id = id
        self.member = member
        self.memberID = memberID
        self.developmentNumber = developmentNumber
        self.branch = branch
        self.pages = pages
        self.version = version
        self.numberSource = numberSource
        self.fileName = fileName
        self.uploadedBy = uploadedBy
        self.receivedAt = receivedAt
        self.waitingDays = waitingDays
    }
}
