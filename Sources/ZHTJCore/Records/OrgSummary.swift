import Foundation

/// An org as the protocol shows it.
public struct OrgSummary: Codable, Sendable, Equatable {
    public var id: Int64
    public var displayID: String
    public var shortName: String
    public var fullName: String
    public var category: OrgCategory
    public var industry: String?
    public var parentID: Int64?
    /// The org's inbox folder, relative to the storage root's `inbox/`.
    public var folder: String
    public var adminRegistered: Bool
    public var memberCount: Int
    public var secretaryName: String?

    public init(
        id: Int64, shortName: String, fullName: String, category: OrgCategory, industry: String?, parentID: Int64?,
        folder: String, adminRegistered: Bool, memberCount: Int, secretaryName: String?
    ) {
        self.id = id
        self.displayID = OrgNaming.displayID(id)
        self.shortName = shortName
        self.fullName = fullName
        self.category = category
        self.industry = industry
        self.parentID = parentID
        self.folder = folder
        self.adminRegistered = adminRegistered
        self.memberCount = memberCount
        self.secretaryName = secretaryName
    }
}
