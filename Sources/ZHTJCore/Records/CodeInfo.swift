import Foundation

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
