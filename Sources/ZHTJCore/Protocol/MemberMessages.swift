import Foundation

public struct MemberImportParams: Codable, Sendable {
    public var fileName: String
    /// The file's bytes, base64: the daemon detects UTF-8 (with or without BOM) or GB18030.
    public var contentBase64: String
    public init(fileName: String, contentBase64: String) {
        self.fileName = fileName
        self.contentBase64 = contentBase64
    }
}

public struct ImportReport: Codable, Sendable {
    public var fileName: String
    public var encoding: String
    public var rows: Int
    public var imported: Int
    public var unchanged: Int
    public var rejectedRows: Int
    public var issues: [RowIssue]
    /// Unmatched uploads that the imported members' development numbers matched (issue 3, step 6).
    public var matchedUploads: Int = 0
    /// Imported members who joined in 2020 or later and so need an e-archive (R-E1, R-M5).
    public var needEArchive: [MemberInfo]
    public init(
        fileName: String, encoding: String, rows: Int, imported: Int, unchanged: Int, rejectedRows: Int,
        issues: [RowIssue], needEArchive: [MemberInfo]
    ) {
        self.fileName = fileName
        self.encoding = encoding
        self.rows = rows
        self.imported = imported
        self.unchanged = unchanged
        self.rejectedRows = rejectedRows
        self.issues = issues
        self.needEArchive = needEArchive
    }
}

public struct MemberKeyParams: Codable, Sendable {
    public var key: String
    public init(key: String) { self.key = key }
}

public struct MemberSearchParams: Codable, Sendable {
    public var text: String
    public var limit: Int?
    public init(text: String, limit: Int?) {
        self.text = text
        self.limit = limit
    }
}

/// A member as the protocol shows it. In lists `idNumber` is masked (`110101********1234`).
public struct MemberInfo: Codable, Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var idNumber: String
    public var ethnicity: String
    public var politicalStatus: String
    public var joinDate: String
    public var branchID: Int64
    public var branch: String
    public var isCadre: Bool
    public var developmentNumber: String?
    public var mobile: String?
    public var education: String?
    public var occupation: String?
    public var needsEArchive: Bool
    public var createdAt: Date
    /// The e-archive versions, oldest first (only in `member.show`).
    public var archives: [ArchiveVersionInfo]?
    /// The authentication status (R-E9).
    public var status: MemberStatus?
    /// The member's trail (only in `member.show`).
    public var history: [HistoryEntry]?

    public init(
        id: Int64, name: String, idNumber: String, ethnicity: String, politicalStatus: String, joinDate: String,
        branchID: Int64, branch: String, isCadre: Bool, developmentNumber: String?, mobile: String?,
        education: String?, occupation: String?, needsEArchive: Bool, createdAt: Date
    ) {
        self.id = id
        self.name = name
        self.idNumber = idNumber
        self.ethnicity = ethnicity
        self.politicalStatus = politicalStatus
        self.joinDate = joinDate
        self.branchID = branchID
        self.branch = branch
        self.isCadre = isCadre
        self.developmentNumber = developmentNumber
        self.mobile = mobile
        self.education = education
        self.occupation = occupation
        self.needsEArchive = needsEArchive
        self.createdAt = createdAt
    }

    /// The same member with the ID number masked, for lists.
    public var masked: MemberInfo {
        var copy = self
        copy.idNumber = IDNumber.masked(idNumber)
        if let m = mobile { copy.mobile = Mobile.masked(m) }
        return copy
    }
}

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

public enum Mobile {
    /// A mainland mobile number: 11 ASCII digits starting with 1.
    public static func isValid(_ value: String) -> Bool {
        value.count == 11 && value.hasPrefix("1") && value.allSatisfy(\.isASCIIDigit)
    }

    public static let problem = "手机号码应为以1开头的11位数字 / a mobile number is 11 digits starting with 1"

    /// `138****5678`.
    public static func masked(_ value: String) -> String {
        let chars = Array(value)
        guard chars.count >= 7 else { return String(repeating: "*", count: chars.count) }
        return String(chars[0..<3]) + String(repeating: "*", count: chars.count - 7) + String(chars[(chars.count - 4)...])
    }
}
