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
    case memberImport = "member.import"
    case memberShow = "member.show"
    case memberSearch = "member.search"

    /// Commands a caller without a credential may send (the operator's are checked by uid).
    public var needsCredential: Bool {
        switch self {
        case .whoami, .`init`, .register, .orgCode: false
        default: true
        }
    }
}
