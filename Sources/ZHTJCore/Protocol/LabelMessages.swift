/// `labels`: sticker labels (or cover sheets) with a QR code for the members who need an e-archive (R-E1) in the
/// caller's subtree, so that scanned forms find their member with no typing (issue 11).
public struct LabelsParams: Codable, Sendable {
    /// An org in the caller's subtree (name, full name or identifier); default: the caller's own org.
    public var org: String?
    /// Members by ID number, development number, #id or name; default: every member who needs an e-archive.
    public var members: [String]?
    /// Only the members with no file that is waiting or approved (none yet, or the last one rejected).
    public var onlyMissing: Bool?
    /// One A4 cover sheet per member instead of a sheet of labels.
    public var cover: Bool?

    public init(org: String? = nil, members: [String]? = nil, onlyMissing: Bool? = nil, cover: Bool? = nil) {
        self.org = org
        self.members = members
        self.onlyMissing = onlyMissing
        self.cover = cover
    }
}

public struct LabelsResult: Codable, Sendable {
    /// The labels printed, in order.
    public var entries: [LabelEntry]
    /// Members who need an e-archive but have no development number yet: no label can carry them (R-M2).
    public var withoutNumber: [String]
    public var pages: Int
    public var pdfBase64: String

    public init(entries: [LabelEntry], withoutNumber: [String], pages: Int, pdfBase64: String) {
        self.entries = entries
        self.withoutNumber = withoutNumber
        self.pages = pages
        self.pdfBase64 = pdfBase64
    }
}
