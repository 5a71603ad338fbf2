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

public struct InitParams: Codable, Sendable {
    public var rootName: String
    public var category: String
    public var industry: String?
    public init(rootName: String, category: String, industry: String?) {
        self.rootName = rootName
        self.category = category
        self.industry = industry
    }
}

public struct CodeInfo: Codable, Sendable, Equatable {
    public var code: String
    public var org: OrgSummary
    public var issuedAt: Date
    public var expiresAt: Date
    public init(code: String, org: OrgSummary, issuedAt: Date, expiresAt: Date) {
        self.code = code
        self.org = org
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
    }
}

public struct InitResult: Codable, Sendable {
    public var org: OrgSummary
    public var code: CodeInfo
    public var warnings: [String]
    public init(org: OrgSummary, code: CodeInfo, warnings: [String]) {
        self.org = org
        self.code = code
        self.warnings = warnings
    }
}

public struct OrgCreateParams: Codable, Sendable {
    public var name: String
    public var category: String
    public var industry: String?
    public var parent: String?
    public var fullName: String?
    public init(name: String, category: String, industry: String?, parent: String?, fullName: String?) {
        self.name = name
        self.category = category
        self.industry = industry
        self.parent = parent
        self.fullName = fullName
    }
}

public struct OrgCreateResult: Codable, Sendable {
    public var org: OrgSummary
    public var warnings: [String]
    public init(org: OrgSummary, warnings: [String]) {
        self.org = org
        self.warnings = warnings
    }
}

/// Names one org: its identifier (`42`, `0042`) or its full or short name.
public struct OrgRefParams: Codable, Sendable {
    public var org: String?
    public init(org: String?) { self.org = org }
}

public struct OrgTreeNode: Codable, Sendable {
    public var org: OrgSummary
    public var depth: Int
    public init(org: OrgSummary, depth: Int) {
        self.org = org
        self.depth = depth
    }
}

/// `org.update`: an attempt to change what R-O2 fixes at creation; always refused with the reason.
public struct OrgUpdateParams: Codable, Sendable {
    public var org: String
    public var name: String?
    public var fullName: String?
    public var category: String?
    public var industry: String?
    public init(org: String, name: String?, fullName: String?, category: String?, industry: String?) {
        self.org = org
        self.name = name
        self.fullName = fullName
        self.category = category
        self.industry = industry
    }
}

public struct OrgSecretaryParams: Codable, Sendable {
    public var org: String?
    public var name: String
    public var idNumber: String
    public var mobile: String
    public init(org: String?, name: String, idNumber: String, mobile: String) {
        self.org = org
        self.name = name
        self.idNumber = idNumber
        self.mobile = mobile
    }
}
