import ZHTJCore

/// One file taken from the inbox, as the ingest pipeline records it.
public struct NewUpload: Sendable {
    public var state: UploadState
    public var sha256: String?
    public var originalName: [UInt8]
    public var displayName: String
    public var folder: String
    public var orgID: Int64?
    public var size: Int?
    public var pages: Int?
    public var developmentNumber: String?
    public var numberSource: String?
    public var memberID: Int64?
    public var uploaderOrgID: Int64?
    public var required: Bool
    public var reasonCode: String?
    public var reason: String?
    public var refusedPath: [UInt8]?
    public var checks: String
    public var device: UInt64?
    public var inode: UInt64?
    public var modified: Int64?

    public init(state: UploadState, originalName: [UInt8], displayName: String, folder: String, checks: String) {
        self.state = state
        self.originalName = originalName
        self.displayName = displayName
        self.folder = folder
        self.checks = checks
        self.required = true
    }
}
