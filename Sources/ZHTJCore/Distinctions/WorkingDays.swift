/// Working days (R-W2): Monday to Friday, less the configured public holidays, plus the configured weekend days that
/// are worked instead (调休). Pure: the calendar comes from the configuration, the dates from the caller.
public struct WorkingDays: Sendable, Equatable {
    /// Weekdays that are not worked (`calendar.holidays`).
    public var holidays: Set<CivilDate>
    /// Saturdays or Sundays that are worked (`calendar.workdays`).
    public var workdays: Set<CivilDate>

    /// R-W2: a reward or sanction is entered within 20 working days of its document's date.
    public static let entryLimit = 20

    public init(holidays: [CivilDate] = [], workdays: [CivilDate] = []) {
        self.holidays = Set(holidays)
        self.workdays = Set(workdays)
    }

    /// Days since 1970-01-01 (negative before), by the proleptic Gregorian calendar.
    public static func dayNumber(_ date: CivilDate) -> Int {
        // Howard Hinnant's days_from_civil.
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (date.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + date.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// 1 Monday … 7 Sunday (ISO 8601).
    public static func weekday(_ date: CivilDate) -> Int {
        let n = dayNumber(date)  // 1970-01-01 was a Thursday (4)
        return ((n % 7) + 7 + 3) % 7 + 1
    }

    public func isWorkingDay(_ date: CivilDate) -> Bool {
        if workdays.contains(date) { return true }
        if holidays.contains(date) { return false }
        return Self.weekday(date) <= 5
    }

    /// The working days after `start` up to and including `end`: a document dated a Friday and entered the next
    /// Monday took 1 working day; entered the same day, 0. 0 when `end` is not after `start`.
    public func count(after start: CivilDate, through end: CivilDate) -> Int {
        guard start < end else { return 0 }
        var n = 0
        var day = start.adding(days: 1)
        while day <= end {
            if isWorkingDay(day) { n += 1 }
            day = day.adding(days: 1)
        }
        return n
    }

    /// R-W2: entered later than the 20 working days allow.
    public static func isLate(workingDays: Int) -> Bool { workingDays > entryLimit }

    /// What a late entry is told (R-W2); nil when on time.
    public static func lateWarning(workingDays: Int) -> String? {
        guard isLate(workingDays: workingDays) else { return nil }
        return "录入时距文件日期已过\(workingDays)个工作日，超过20个工作日的时限（R-W2） / entered \(workingDays) working days after the document's date: more than the 20 allowed (R-W2)"
    }
}
