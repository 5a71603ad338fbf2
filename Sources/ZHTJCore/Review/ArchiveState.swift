/// The state of one version of a member's e-archive.
public enum ArchiveState: String, Codable, Sendable, CaseIterable {
    /// Waiting for the superior committee's review (R-E4).
    case pending
    /// Approved by the reviewer, or accepted without review from a committee-level folder (R-E5, R-E8).
    case approved
    /// Rejected with a written reason (R-E6, R-E7).
    case rejected
    /// Replaced by a newer version after an approved change request (R-E12).
    case superseded
}

/// The member's authentication status (R-E9), derived from the archive versions.
public enum MemberStatus: String, Codable, Sendable, CaseIterable {
    /// Joined before 2020: no e-archive needed (R-E1).
    case notRequired = "not_required"
    /// Needs an e-archive and has none, or the latest is waiting for review.
    case notAuthenticated = "not_authenticated"
    /// The latest version was rejected.
    case authenticationFailed = "authentication_failed"
    /// The latest version was approved.
    case authenticated

    public var chinese: String {
        switch self {
        case .notRequired: "无需认证"
        case .notAuthenticated: "尚未认证"
        case .authenticationFailed: "认证不通过"
        case .authenticated: "已认证"
        }
    }
}

/// Common rejection reasons offered by `zhtj reject --reason-code` (R-E6).
public enum RejectionCode: String, Codable, Sendable, CaseIterable {
    case missingPages = "missing-pages"
    case noStamp = "no-stamp"
    case numberMismatch = "number-mismatch"
    case unreadable
    case wrongPerson = "wrong-person"
    case other

    public var chinese: String {
        switch self {
        case .missingPages: "缺页"
        case .noStamp: "缺少公章"
        case .numberMismatch: "编号不一致"
        case .unreadable: "无法辨认"
        case .wrongPerson: "不是本人档案"
        case .other: "其他"
        }
    }
}
