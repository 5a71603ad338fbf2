import Foundation

/// What reminders say and when (R-E2, R-E10), as pure functions.
public enum ReminderPolicy {
    /// R-E2: an e-archive is due 30 days after joining.
    public static let deadlineDays = 30

    /// Overdue: needs an e-archive, is not authenticated, and more than 30 days have passed since the join date
    /// (a month-only date counts from the month's last day, in the member's favour).
    public static func isOverdue(joined: JoinDate, status: MemberStatus, today: CivilDate) -> Bool {
        guard status == .notAuthenticated || status == .authenticationFailed else { return false }
        return dueDate(joined: joined) < today
    }

    /// R-E2: the last day an e-archive is on time, `deadlineDays` after the join date's last possible day; overdue
    /// from the day after. The store keeps open members' counts by this date (v8), so the line moves with the date.
    public static func dueDate(joined: JoinDate) -> CivilDate {
        joined.lastDay.adding(days: deadlineDays)
    }

    /// Whole days from `a` to `b`.
    public static func days(from a: CivilDate, to b: CivilDate) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: a.year, month: a.month, day: a.day))!
        let end = calendar.date(from: DateComponents(year: b.year, month: b.month, day: b.day))!
        return calendar.dateComponents([.day], from: start, to: end).day ?? 0
    }

    /// The one-line prompt shown before any command, like the web system's prompt at login (R-E10); nil when nothing is open.
    public static func banner(notUploaded: Int, notAuthenticated: Int, reviewsWaiting: Int) -> String? {
        guard notUploaded + notAuthenticated + reviewsWaiting > 0 else { return nil }
        var zh: [String] = [], en: [String] = []
        if notUploaded > 0 {
            zh.append("\(notUploaded) 名团员档案尚未上传")
            en.append("\(notUploaded) e-archives not uploaded")
        }
        if notAuthenticated > 0 {
            zh.append("\(notAuthenticated) 名团员身份尚未认证")
            en.append("\(notAuthenticated) members not authenticated")
        }
        if reviewsWaiting > 0 {
            zh.append("\(reviewsWaiting) 份档案等待您审核")
            en.append("\(reviewsWaiting) reviews waiting for you")
        }
        return "组织内有" + zh.joined(separator: "，") + " / " + en.joined(separator: ", ") + ": run `zhtj reminders`"
    }
}
