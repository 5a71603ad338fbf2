/// One member's label: what is printed on it (the QR code holds `LabelEntry.qrText`).
public struct LabelEntry: Codable, Sendable, Equatable {
    public var developmentNumber: String
    public var name: String
    /// The branch's short name (a full name would not fit on a label).
    public var branch: String
    public var branchID: Int64

    public init(developmentNumber: String, name: String, branch: String, branchID: Int64) {
        self.developmentNumber = developmentNumber
        self.name = name
        self.branch = branch
        self.branchID = branchID
    }

    /// The QR code's text: the 12-digit number, then `|`, the name and the branch's identifier; a cover sheet adds
    /// `|cover`. Readers take the 12 digits before the first `|` and ignore the rest (docs/ingest.md).
    public func qrText(cover: Bool) -> String {
        "\(developmentNumber)|\(name)|\(OrgNaming.displayID(branchID))" + (cover ? "|cover" : "")
    }
}
