import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

/// A row of `member`. Never deleted (R-M4): a trigger refuses DELETE.
struct MemberRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "member"
    var id: Int64?
    var idNumber: String
    var name: String
    var birthDate: String
    var ethnicity: String
    var politicalStatus: String
    var joinDate: String
    var joinYear: Int
    var branchID: Int64
    var isCadre: Bool
    var developmentNumber: String?
    var mobile: String?
    var education: String?
    var occupation: String?
    var createdAt: Date
    var createdByUID: Int64
    var createdByAdmin: Int64?
    /// Set when the member has left the league or the tree (v11); the record stays.
    var leftAt: Date?
    var leftKind: String?

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    init(draft: MemberDraft, branchID: Int64, caller: Caller, now: Date) {
        id = nil
        idNumber = draft.idNumber
        name = draft.name
        birthDate = draft.birthDate.description
        ethnicity = draft.ethnicity
        politicalStatus = draft.politicalStatus
        joinDate = draft.joinDate.description
        joinYear = draft.joinDate.year
        self.branchID = branchID
        isCadre = draft.isCadre
        developmentNumber = draft.developmentNumber
        mobile = draft.mobile
        education = draft.education
        occupation = draft.occupation
        createdAt = now
        createdByUID = Int64(caller.uid)
        createdByAdmin = caller.adminID
        leftAt = nil
        leftKind = nil
    }

    /// Whether the stored member carries exactly the data of `other` (a re-imported row). 是否为团干部 is left out: since
    /// issue 16 the cadre register sets it (`zhtj cadre add` for a branch's cadre), so an older table that says 否 is
    /// the same member, not other data.
    func sameData(as other: MemberRecord) -> Bool {
        (name, ethnicity, politicalStatus, joinDate, branchID) == (other.name, other.ethnicity, other.politicalStatus, other.joinDate, other.branchID)
            && [developmentNumber, mobile, education, occupation] == [other.developmentNumber, other.mobile, other.education, other.occupation]
    }

    func info(branch: String) -> MemberInfo {
        var info = MemberInfo(
            id: id!, name: name, idNumber: idNumber, ethnicity: ethnicity, politicalStatus: politicalStatus,
            joinDate: joinDate, branchID: branchID, branch: branch, isCadre: isCadre,
            developmentNumber: developmentNumber, mobile: mobile, education: education, occupation: occupation,
            needsEArchive: joinYear >= MembershipRules.eArchiveFromYear, createdAt: createdAt)
        info.leftAt = leftAt
        info.departure = leftKind.flatMap(Departure.init(rawValue:))
        return info
    }
}
