import Foundation

/// `cadre.add`: one cadre of `org` (default: the caller's org), the fields of the cadre table (R-C1) by name.
public struct CadreAddParams: Codable, Sendable {
    public var org: String?
    public var name: String?
    public var idNumber: String?
    public var ethnicity: String?
    public var education: String?
    public var occupation: String?
    public var politicalStatus: String?
    public var joinDate: String?
    public var developmentNumber: String?
    public var partyJoinDate: String?
    public var post: String?
    public var postSince: String?
    public var appointedHow: String?
    /// 专职, 挂职 or 兼职 (full-time, seconded, part-time).
    public var kind: String?
    /// 是 or 否.
    public var partyCommitteeMember: String?
    /// 在岗 or 不在岗.
    public var onDuty: String?
    public var mobile: String?
    public var partyApplication: String?
    public var partyApplicationDate: String?
    public var volunteer: String?
    public var volunteerDate: String?

    public init(org: String? = nil) { self.org = org }

    /// The fields as the cadre table's columns, for the same checks as an import's row.
    public var cells: [CadreTable.Column: String] {
        let pairs: [(CadreTable.Column, String?)] = [
            (.name, name), (.idNumber, idNumber), (.ethnicity, ethnicity), (.education, education), (.occupation, occupation),
            (.politicalStatus, politicalStatus), (.joinDate, joinDate), (.developmentNumber, developmentNumber),
            (.partyJoinDate, partyJoinDate), (.post, post), (.postSince, postSince), (.appointedHow, appointedHow), (.kind, kind),
            (.partyCommitteeMember, partyCommitteeMember), (.onDuty, onDuty), (.mobile, mobile), (.partyApplication, partyApplication),
            (.partyApplicationDate, partyApplicationDate), (.volunteer, volunteer), (.volunteerDate, volunteerDate),
        ]
        var cells: [CadreTable.Column: String] = [:]
        for (column, value) in pairs { if let value { cells[column] = value } }
        return cells
    }
}

/// `cadre.import`: a CSV table with the template's headers (UTF-8 or GB18030), for `org` (default: the caller's).
public struct CadreImportParams: Codable, Sendable {
    public var org: String?
    public var fileName: String
    public var contentBase64: String
    public init(org: String?, fileName: String, contentBase64: String) {
        self.org = org
        self.fileName = fileName
        self.contentBase64 = contentBase64
    }
}

public struct CadreImportReport: Codable, Sendable {
    public var fileName: String
    public var encoding: String
    public var org: String
    public var rows: Int
    public var added: Int
    public var rejectedRows: Int
    public var issues: [RowIssue]
    /// The cadres added (ID numbers masked), the first `listed`.
    public var cadres: [CadreInfo]
    public static let listed = 50

    public init(fileName: String, encoding: String, org: String, rows: Int, added: Int, rejectedRows: Int, issues: [RowIssue], cadres: [CadreInfo]) {
        self.fileName = fileName
        self.encoding = encoding
        self.org = org
        self.rows = rows
        self.added = added
        self.rejectedRows = rejectedRows
        self.issues = issues
        self.cadres = cadres
    }
}

/// `cadre.list`: the cadres in post of `org`'s subtree (default: the caller's org); `allPosts` adds the removed
/// ones and every cadre's posts.
public struct CadreListParams: Codable, Sendable {
    public var org: String?
    public var allPosts: Bool?
    public init(org: String? = nil, allPosts: Bool? = nil) {
        self.org = org
        self.allPosts = allPosts
    }
}

/// `cadre.changePost`: a new post for a cadre in post; the old one is kept in the history.
public struct CadreChangePostParams: Codable, Sendable {
    /// `#id`, the cadre's number, ID number or name.
    public var cadre: String
    public var post: String
    /// `YYYY-MM`.
    public var since: String
    public var how: String
    public init(cadre: String, post: String, since: String, how: String) {
        self.cadre = cadre
        self.post = post
        self.since = since
        self.how = how
    }
}

/// `cadre.remove`: ends the post and records where the person went (R-C2).
public struct CadreRemoveParams: Codable, Sendable {
    public var cadre: String
    /// One of `CadreDestination` (Chinese or code); `其他`/`other` needs `other`.
    public var to: String
    public var other: String?
    public init(cadre: String, to: String, other: String? = nil) {
        self.cadre = cadre
        self.to = to
        self.other = other
    }
}

/// `org.keyArea`: a key-area org's figures, recorded once (seed 001 §2.2).
public struct KeyAreaParams: Codable, Sendable {
    public var org: String?
    public var students: Int?
    public var enterpriseLevel: String?
    public var location: String?
    public init(org: String? = nil, students: Int? = nil, enterpriseLevel: String? = nil, location: String? = nil) {
        self.org = org
        self.students = students
        self.enterpriseLevel = enterpriseLevel
        self.location = location
    }
}

/// `cadre.staffing`: per key-area org of `org`'s subtree (default: the caller's), of one area or both.
public struct StaffingParams: Codable, Sendable {
    public var org: String?
    /// `university` or `soe`; absent: both.
    public var kind: String?
    public init(org: String? = nil, kind: String? = nil) {
        self.org = org
        self.kind = kind
    }
}

/// `cadre.archives`: an org's cadre e-database (R-E14).
public struct CadreArchivesParams: Codable, Sendable {
    /// An org inside the admin's subtree; default the admin's org.
    public var org: String?
    public init(org: String? = nil) { self.org = org }
}

public struct CadreArchivesResult: Codable, Sendable {
    public var orgID: Int64
    public var org: String
    public var cadres: [CadreArchiveRow]
    /// Cadres who need an e-archive, and of them the authenticated and those not registered as members.
    public var needEArchive: Int
    public var authenticated: Int
    public var notRegistered: Int
    public init(orgID: Int64, org: String, cadres: [CadreArchiveRow]) {
        self.orgID = orgID
        self.org = org
        self.cadres = cadres
        needEArchive = cadres.filter(\.needsEArchive).count
        authenticated = cadres.filter { $0.needsEArchive && $0.status == .authenticated }.count
        notRegistered = cadres.filter { $0.needsEArchive && $0.memberID == nil }.count
    }
}
