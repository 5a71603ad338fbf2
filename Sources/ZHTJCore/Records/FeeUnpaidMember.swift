/// A member who has not paid the month's fee (R-W4); the ID number masked.
public struct FeeUnpaidMember: Codable, Sendable, Equatable {
    public var memberID: Int64
    public var name: String
    public var idNumber: String
    public var branchID: Int64
    public var branch: String

    public init(memberID: Int64, name: String, idNumber: String, branchID: Int64, branch: String) {
        self.memberID = memberID
        self.name = name
        self.idNumber = idNumber
        self.branchID = branchID
        self.branch = branch
    }
}
