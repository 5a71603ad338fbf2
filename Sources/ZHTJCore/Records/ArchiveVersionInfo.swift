import Foundation

/// One version of a member's e-archive.
public struct ArchiveVersionInfo: Codable, Sendable, Equatable {
    public var version: Int
    public var uploadID: Int64
    public var sha256: String
    public var pages: Int
    public var size: Int
    public var fileName: String
    public var uploadedBy: String
    public var uploadedByID: Int64
    /// False for a member who joined before 2020 (R-E1): kept, but no e-archive is required.
    public var required: Bool
    public var createdAt: Date
    public var state: ArchiveState = .pending
    /// False when the file came from a committee-level folder or needs no e-archive (R-E5).
    public var needsReview: Bool = true
    public var reviewer: String?
    public var reviewedBy: String?
    public var reviewedAt: Date?
    public var reason: String?
    public var reasonCode: String?
    /// Each ingest check's result (open, size, type, header, parse, pages, number, numberSource, match).
    public var checks: [String: String]?

    public init(version: Int, uploadID: Int64, sha256: String, pages: Int, size: Int, fileName: String, uploadedBy: String, uploadedByID: Int64, required: Bool, createdAt: Date) {
        self.version = version
        self.uploadID = uploadID
        self.sha256 = sha256
        self.pages = pages
        self.size = size
        self.fileName = fileName
        self.uploadedBy = uploadedBy
        self.uploadedByID = uploadedByID
        self.required = required
        self.createdAt = createdAt
    }
}
