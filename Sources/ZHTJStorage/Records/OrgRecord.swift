import Foundation
import GRDB
import ZHTJCore

/// A row of `org`.
struct OrgRecord: Codable, FetchableRecord, MutablePersistableRecord, RowIdentified, Sendable {
    static let databaseTableName = "org"
    var id: Int64?
    var parentID: Int64?
    var path: String
    var depth: Int
    var shortName: String
    var fullName: String
    var category: String
    var industry: String?
    var folder: String
    var secretaryName: String?
    var secretaryIDNumber: String?
    var secretaryMobile: String?
    var createdAt: Date
    var createdByUID: Int64
    var createdByAdmin: Int64?

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var orgCategory: OrgCategory { OrgCategory(rawValue: category) ?? .branch }
}

/// An org row with the counts the protocol shows.
struct OrgRow: Decodable, FetchableRecord, Sendable {
    var org: OrgRecord
    var adminRegistered: Bool
    var memberCount: Int

    init(row: Row) throws {
        org = try OrgRecord(row: row)
        adminRegistered = row["adminRegistered"]
        // The subtree's members: the column kept by triggers (migration v6).
        memberCount = row["memberCount"]
    }

    static let selection = """
        SELECT org.*,
            EXISTS (SELECT 1 FROM admin WHERE admin.orgID = org.id) AS adminRegistered
        FROM org
        """

    var summary: OrgSummary {
        OrgSummary(
            id: org.id!, shortName: org.shortName, fullName: org.fullName, category: org.orgCategory,
            industry: org.industry, parentID: org.parentID, folder: org.folder, adminRegistered: adminRegistered,
            memberCount: memberCount, secretaryName: org.secretaryName)
    }
}
