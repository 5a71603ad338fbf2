import Foundation

/// One line of a member's trail (`zhtj history`).
public struct HistoryEntry: Codable, Sendable, Equatable {
    public var at: String
    public var action: String
    public var actor: String
    public var reason: String?
    public init(at: String, action: String, actor: String, reason: String?) {
        self.at = at
        self.action = action
        self.actor = actor
        self.reason = reason
    }
}

/// One pending review in a reviewer's queue (`zhtj reviews`).
public struct ReviewItem: Codable, Sendable, Equatable {
    /// The review id: the archive version's id.
    public var id: Int64
    public var member: String
    public var memberID: Int64
    public var developmentNumber: String?
    public var branch: String
    public var pages: Int
    public var version: Int
    public var numberSource: String?
    /// For a number read by OCR: the lowest confidence of its digits (it deserves a second look).
    public var numberConfidence: Int?
    public var fileName: String
    public var uploadedBy: String
    public var receivedAt: Date
    public var waitingDays: Int

    public init(
        id: Int64, member: String, memberID: Int64, developmentNumber: String?, branch: String, pages: Int, version: Int,
        numberSource: String?, fileName: String, uploadedBy: String, receivedAt: Date, waitingDays: Int
    ) {
        self.id = id
        self.member = member
        self.memberID = memberID
        self.developmentNumber = developmentNumber
        self.branch = branch
        self.pages = pages
        self.version = version
        self.numberSource = numberSource
        self.fileName = fileName
        self.uploadedBy = uploadedBy
        self.receivedAt = receivedAt
        self.waitingDays = waitingDays
    }
}

/// Per subordinate org: where its members' e-archives stand (R-E6's second view).
public struct ReviewOverviewRow: Codable, Sendable, Equatable {
    public var org: OrgSummary
    public var pending: Int
    public var approved: Int
    public var rejected: Int
    public var notUploaded: Int
    public init(org: OrgSummary, pending: Int, approved: Int, rejected: Int, notUploaded: Int) {
        self.org = org
        self.pending = pending
        self.approved = approved
        self.rejected = rejected
        self.notUploaded = notUploaded
    }
}

public struct ReviewsParams: Codable, Sendable {
    public var overview: Bool
    public init(overview: Bool) { self.overview = overview }
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

/// A change request (R-E12).
public struct ChangeRequestInfo: Codable, Sendable, Equatable {
    public var id: Int64
    public var memberID: Int64
    public var member: String
    public var reason: String
    public var state: String
    public var requestedBy: String
    public var decisionReason: String?
    public var createdAt: Date
    public init(id: Int64, memberID: Int64, member: String, reason: String, state: String, requestedBy: String, decisionReason: String?, createdAt: Date) {
        self.id = id
        self.memberID = memberID
        self.member = member
        self.reason = reason
        self.state = state
        self.requestedBy = requestedBy
        self.decisionReason = decisionReason
        self.createdAt = createdAt
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
    public init(rows: Int, files: Int, breaks: [Break]) {
        self.rows = rows
        self.files = files
        self.breaks = breaks
    }
}
