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

/// One direct subordinate in the progress view (R-O8, R-O1, R-O4).
public struct ProgressRow: Codable, Sendable, Equatable {
    public var org: OrgSummary
    public var adminRegistered: Bool
    public var adminName: String?
    /// Masked (`138****5678`).
    public var adminMobile: String?
    /// Secretary recorded (R-O5) and industry set.
    public var dataComplete: Bool
    public var hasSubordinates: Bool
    public var codeIssued: Bool
    public var codeExpiresAt: Date?
    /// R-O1: a committee or general branch with no branch below.
    public var noBranchBelow: Bool
    /// R-O4: a branch with fewer than 3 members should be dissolved or merged.
    public var tooFewMembers: Bool

    public init(org: OrgSummary, adminRegistered: Bool, adminName: String?, adminMobile: String?, dataComplete: Bool, hasSubordinates: Bool,
                codeIssued: Bool, codeExpiresAt: Date?, noBranchBelow: Bool, tooFewMembers: Bool) {
        self.org = org
        self.adminRegistered = adminRegistered
        self.adminName = adminName
        self.adminMobile = adminMobile
        self.dataComplete = dataComplete
        self.hasSubordinates = hasSubordinates
        self.codeIssued = codeIssued
        self.codeExpiresAt = codeExpiresAt
        self.noBranchBelow = noBranchBelow
        self.tooFewMembers = tooFewMembers
    }
}

/// Per category: how many subordinates there are and how many have a registered admin.
public struct ProgressTotal: Codable, Sendable, Equatable {
    public var category: OrgCategory
    public var orgs: Int
    public var registered: Int
    public init(category: OrgCategory, orgs: Int, registered: Int) {
        self.category = category
        self.orgs = orgs
        self.registered = registered
    }
}

public struct ProgressResult: Codable, Sendable {
    public var rows: [ProgressRow]
    public var totals: [ProgressTotal]
    public init(rows: [ProgressRow], totals: [ProgressTotal]) {
        self.rows = rows
        self.totals = totals
    }
}

/// `org.import`: subordinate orgs in batch from a table (R-O9).
public struct OrgImportParams: Codable, Sendable {
    public var fileName: String
    public var contentBase64: String
    public init(fileName: String, contentBase64: String) {
        self.fileName = fileName
        self.contentBase64 = contentBase64
    }
}

public struct OrgImportReport: Codable, Sendable {
    public var rows: Int
    public var created: [OrgSummary]
    public var issues: [RowIssue]
    public var warnings: [String]
    public init(rows: Int, created: [OrgSummary], issues: [RowIssue], warnings: [String]) {
        self.rows = rows
        self.created = created
        self.issues = issues
        self.warnings = warnings
    }
}
