/// The rules on join dates, ages and e-archives (R-M2, R-O7, R-E1).
public enum MembershipRules {
    /// From this day on the minimum joining age is 13; before it, 12.
    public static let age13From = CivilDate(year: 2016, month: 9, day: 1)!

    /// Members who joined in this year or later need an e-archive (R-E1).
    public static let eArchiveFromYear = 2020

    /// Members who joined in this year or later need an application form and a development number (R-M2).
    public static let developmentNumberFromYear = 2016

    /// The minimum age for someone joining on `date`.
    public static func minimumAge(joining date: CivilDate) -> Int {
        date < age13From ? 12 : 13
    }

    /// The age problem of a join date, or nil. A month-only join date is read as its last day,
    /// the reading most favourable to the member.
    public static func ageProblem(birth: CivilDate, joined: JoinDate) -> String? {
        let day = joined.lastDay
        let minimum = minimumAge(joining: joined.hasDay ? day : joined.firstDay)
        let age = birth.age(on: day)
        if day < birth {
            return "入团日期\(joined)早于出生日期\(birth) / the join date \(joined) is before the birth date \(birth)"
        }
        if age < minimum {
            return "入团时未满\(minimum)周岁（出生于\(birth)，入团\(joined)）/ under \(minimum) at joining (born \(birth), joined \(joined))"
        }
        return nil
    }

    public static func needsDevelopmentNumber(joined: JoinDate) -> Bool {
        joined.year >= developmentNumberFromYear
    }

    public static func needsEArchive(joined: JoinDate) -> Bool {
        joined.year >= eArchiveFromYear
    }

    /// R-M3: a development number is corrected by the member's own org or its direct superior (the member has no
    /// account here).
    public static func mayCorrectNumber<ID: Equatable>(adminOrg: ID, branch: ID, branchParent: ID?) -> Bool {
        adminOrg == branch || (branchParent != nil && adminOrg == branchParent)
    }

    /// R-E11: a member who needs an e-archive is transferred only once authenticated.
    public static func mayTransfer(needsEArchive: Bool, status: MemberStatus) -> Bool {
        !needsEArchive || status == .authenticated
    }
}
