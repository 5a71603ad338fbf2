import Foundation

public struct MemberImportParams: Codable, Sendable {
    public var fileName: String
    /// The file's bytes, base64: the daemon detects UTF-8 (with or without BOM) or GB18030.
    public var contentBase64: String
    /// Every imported member who needs an e-archive in the reply (`zhtj member import --report FILE`); without it,
    /// the first `ImportReport.listed` and the count (absent: false).
    public var details: Bool?
    public init(fileName: String, contentBase64: String, details: Bool? = nil) {
        self.fileName = fileName
        self.contentBase64 = contentBase64
        self.details = details
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
    /// Imported members who joined in 2020 or later and so need an e-archive (R-E1, R-M5): the first `listed` of
    /// them, or every one with `details`…
    public var needEArchive: [MemberInfo]
    /// … of this many.
    public var needEArchiveCount: Int
    /// How many of the members who need an e-archive a reply lists without `details`.
    public static let listed = 20

    public init(
        fileName: String, encoding: String, rows: Int, imported: Int, unchanged: Int, rejectedRows: Int,
        issues: [RowIssue], needEArchive: [MemberInfo], needEArchiveCount: Int? = nil
    ) {
        self.fileName = fileName
        self.encoding = encoding
        self.rows = rows
        self.imported = imported
        self.unchanged = unchanged
        self.rejectedRows = rejectedRows
        self.issues = issues
        self.needEArchive = needEArchive
        self.needEArchiveCount = needEArchiveCount ?? needEArchive.count
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
