import Foundation

/// `attach`: gives an unmatched upload to a member.
public struct AttachParams: Codable, Sendable {
    public var upload: Int64
    public var member: String
    public init(upload: Int64, member: String) {
        self.upload = upload
        self.member = member
    }
}

/// `retry`: puts a refused file back into its inbox folder.
public struct UploadRefParams: Codable, Sendable {
    public var upload: Int64
    public init(upload: Int64) { self.upload = upload }
}
