/// The admin's registration data, checked by the caller (ID number, join date, age).
public struct NewAdmin: Sendable {
    public var name: String
    public var idNumber: String
    public var joinDate: String
    public var mobile: String?
    public var email: String?
    public var credentialHash: String

    public init(name: String, idNumber: String, joinDate: String, mobile: String?, email: String?, credentialHash: String) {
        self.name = name
        self.idNumber = idNumber
        self.joinDate = joinDate
        self.mobile = mobile
        self.email = email
        self.credentialHash = credentialHash
    }
}
