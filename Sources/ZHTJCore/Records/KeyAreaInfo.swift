import Foundation

/// A key-area org's figures (seed 001 §2.2), recorded once: a university's student count (在校学生数), a state
/// firm's level (企业层级) and location (企业所在驻地).
public struct KeyAreaInfo: Codable, Sendable, Equatable {
    public var orgID: Int64
    public var org: String
    public var area: KeyArea
    public var studentCount: Int?
    public var enterpriseLevel: String?
    public var location: String?
    public var recordedAt: Date

    public init(orgID: Int64, org: String, area: KeyArea, studentCount: Int?, enterpriseLevel: String?, location: String?, recordedAt: Date) {
        self.orgID = orgID
        self.org = org
        self.area = area
        self.studentCount = studentCount
        self.enterpriseLevel = enterpriseLevel
        self.location = location
        self.recordedAt = recordedAt
    }
}
