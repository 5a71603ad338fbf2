import Foundation

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

/// `org.tree`: the subtree of one org, whole or down to a depth. Every field is optional (old requests decode).
public struct OrgTreeParams: Codable, Sendable, Equatable {
    /// The top of the tree. Default: the admin's org; for the operator, the root.
    public var org: String?
    /// Levels shown below the top (0: the top alone). Default: `ListPaging.defaultTreeDepth` when the subtree has
    /// `ListPaging.largeTree` orgs or more, the whole subtree when it has fewer.
    public var depth: Int?
    /// The whole subtree, whatever its size; `depth` is then ignored.
    public var all: Bool?
    public init(org: String?, depth: Int? = nil, all: Bool? = nil) {
        self.org = org
        self.depth = depth
        self.all = all
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
