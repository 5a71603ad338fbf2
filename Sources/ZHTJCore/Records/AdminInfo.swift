public struct AdminInfo: Codable, Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var org: OrgSummary
    public init(id: Int64, name: String, org: OrgSummary) {
        self.id = id
        self.name = name
        self.org = org
    }
}
