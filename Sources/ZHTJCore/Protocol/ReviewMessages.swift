import Foundation

/// `reviews`: one page of the queue, oldest first. Every field is optional, so `{}` (and a request with no
/// `params`) reads the first page of `ListPaging.defaultReviewLimit`.
public struct ReviewsParams: Codable, Sendable, Equatable {
    /// At most this many items (1 … `ListPaging.maxReviewLimit`). Default: `ListPaging.defaultReviewLimit`.
    public var limit: Int?
    /// Only the items whose id is greater: the `next` of the previous page.
    public var after: Int64?
    /// Every item (after `after`), no limit; `limit` is then ignored.
    public var all: Bool?
    public init(limit: Int? = nil, after: Int64? = nil, all: Bool? = nil) {
        self.limit = limit
        self.after = after
        self.all = all
    }
}

/// `review.approve` / `review.reject`.
public struct DecisionParams: Codable, Sendable {
    public var id: Int64
    public var reason: String?
    public var reasonCode: String?
    public init(id: Int64, reason: String?, reasonCode: String?) {
        self.id = id
        self.reason = reason
        self.reasonCode = reasonCode
    }
}

public struct ChangeRequestParams: Codable, Sendable {
    public var member: String
    public var reason: String
    public init(member: String, reason: String) {
        self.member = member
        self.reason = reason
    }
}

/// `member.setNumber`: corrects a development number (R-M3).
public struct SetNumberParams: Codable, Sendable {
    public var member: String
    public var number: String
    public var reason: String
    public init(member: String, number: String, reason: String) {
        self.member = member
        self.number = number
        self.reason = reason
    }
}

/// `archive.get`: one version's PDF.
public struct GetParams: Codable, Sendable {
    public var member: String
    public var version: Int?
    public init(member: String, version: Int?) {
        self.member = member
        self.version = version
    }
}

public struct GetResult: Codable, Sendable {
    public var version: Int
    public var sha256: String
    public var fileName: String
    public var contentBase64: String
    public init(version: Int, sha256: String, fileName: String, contentBase64: String) {
        self.version = version
        self.sha256 = sha256
        self.fileName = fileName
        self.contentBase64 = contentBase64
    }
}

/// `audit.anchor`: the line appended to the anchors file: the chain's head when it was written.
public struct AuditAnchorResult: Codable, Sendable {
    /// `<time> <id> <hash>`, as appended.
    public var line: String
    /// The anchors file.
    public var file: String
    public init(line: String, file: String) {
        self.line = line
        self.file = file
    }
}

public struct AuditVerifyResult: Codable, Sendable {
    public struct Break: Codable, Sendable, Equatable {
        public var row: Int64?
        public var sha256: String?
        public var problem: String
        public init(row: Int64?, sha256: String?, problem: String) {
            self.row = row
            self.sha256 = sha256
            self.problem = problem
        }
    }
    public var rows: Int
    public var files: Int
    public var breaks: [Break]
    /// Triggers and indexes the daemon found missing or changed at a start and put back ("when: what"), from the
    /// audit chain's `schema.repaired` rows: evidence that the database was changed behind its back.
    public var schemaRepairs: [String]
    /// Backup manifests in `backup.dir` not used as anchors, and why (a restore of an older snapshot replaced their
    /// lineage; unreadable; a line of `outbox/restored.txt` that was ignored). Empty when none (absent from older daemons).
    public var anchorsLeftOut: [String]?
    public init(rows: Int, files: Int, breaks: [Break], schemaRepairs: [String] = []) {
        self.rows = rows
        self.files = files
        self.breaks = breaks
        self.schemaRepairs = schemaRepairs
    }
}
