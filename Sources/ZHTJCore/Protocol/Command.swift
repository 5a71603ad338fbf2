/// The commands of the socket protocol (docs/protocol.md).
public enum Command: String, Codable, Sendable, CaseIterable {
    case whoami
    case `init`
    case register
    case orgCreate = "org.create"
    case orgCode = "org.code"
    case orgCodes = "org.codes"
    case orgTree = "org.tree"
    case orgSecretary = "org.secretary"
    case orgUpdate = "org.update"
    case uploadsUnmatched = "uploads.unmatched"
    case uploadsRefused = "uploads.refused"
    case uploadAttach = "upload.attach"
    case uploadRetry = "upload.retry"
    case reviews
    case reviewsOverview = "reviews.overview"
    case reviewApprove = "review.approve"
    case reviewReject = "review.reject"
    case changeRequest = "change.request"
    case changeList = "change.list"
    case changeApprove = "change.approve"
    case changeReject = "change.reject"
    case memberSetNumber = "member.setNumber"
    case memberHistory = "member.history"
    case archiveGet = "archive.get"
    case auditVerify = "audit.verify"
    case reminders
    case remindersBanner = "reminders.banner"
    case transfer
    case stats
    case orgProgress = "org.progress"
    case orgImport = "org.import"
    case memberImport = "member.import"
    case memberShow = "member.show"
    case memberSearch = "member.search"
    case labels

    /// Commands a caller without a credential may send (the operator's are checked by uid).
    public var needsCredential: Bool {
        switch self {
        case .whoami, .`init`, .register, .orgCode, .auditVerify: false
        default: true
        }
    }
}
