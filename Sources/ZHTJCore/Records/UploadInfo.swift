import Foundation

/// An upload as the protocol shows it (`zhtj unmatched`, `zhtj refused`).
public struct UploadInfo: Codable, Sendable, Equatable {
    public var id: Int64
    public var state: UploadState
    public var name: String
    public var folder: String
    public var orgID: Int64?
    public var size: Int?
    public var pages: Int?
    public var developmentNumber: String?
    public var numberSource: String?
    public var memberID: Int64?
    public var memberName: String?
    public var version: Int?
    public var reasonCode: String?
    public var reason: String?
    public var sha256: String?
    public var receivedAt: Date
    /// What OCR read when it was not sure enough to use it (`2023440101?3`), or a sure number that named no member
    /// here: for `zhtj attach`.
    public var suggestion: String?
    /// For a number read by OCR: the lowest confidence of its digits.
    public var numberConfidence: Int?

    public init(
        id: Int64, state: UploadState, name: String, folder: String, orgID: Int64?, size: Int?, pages: Int?,
        developmentNumber: String?, numberSource: String?, memberID: Int64?, memberName: String?, version: Int?,
        reasonCode: String?, reason: String?, sha256: String?, receivedAt: Date
    ) {
        self.id = id
        self.state = state
        self.name = name
        self.folder = folder
        self.orgID = orgID
        self.size = size
        self.pages = pages
        self.developmentNumber = developmentNumber
        self.numberSource = numberSource
        self.memberID = memberID
        self.memberName = memberName
        self.version = version
        self.reasonCode = reasonCode
        self.reason = reason
        self.sha256 = sha256
        self.receivedAt = receivedAt
    }
}
