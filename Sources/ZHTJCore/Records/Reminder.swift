import Foundation

/// An org's reminder (R-E2, R-E10): what is open in its subtree, and the reviews waiting for it.
public struct Reminder: Codable, Sendable, Equatable {
    public var org: OrgSummary
    public var date: String
    public var notUploaded: [ReminderItem]
    public var waitingForReview: [ReminderItem]
    public var rejected: [ReminderItem]
    /// Overdue members (more than 30 days after joining, not authenticated); for a committee these are escalated.
    public var overdue: [ReminderItem]
    /// Pending reviews this org must decide, oldest first.
    public var reviewsWaiting: [ReviewItem]

    public init(org: OrgSummary, date: String, notUploaded: [ReminderItem], waitingForReview: [ReminderItem], rejected: [ReminderItem], overdue: [ReminderItem], reviewsWaiting: [ReviewItem]) {
        self.org = org
        self.date = date
        self.notUploaded = notUploaded
        self.waitingForReview = waitingForReview
        self.rejected = rejected
        self.overdue = overdue
        self.reviewsWaiting = reviewsWaiting
    }

    public var isEmpty: Bool { notUploaded.isEmpty && waitingForReview.isEmpty && rejected.isEmpty && reviewsWaiting.isEmpty }

    public var notAuthenticatedCount: Int { notUploaded.count + waitingForReview.count + rejected.count }

    /// The text of the reminder, in Chinese with English, as the outbox file and the hook receive it.
    public func text() -> String {
        var lines = ["【智慧团建提醒 zhtj reminder】\(org.fullName) (\(org.displayID)) — \(date)", ""]
        if let line = ReminderPolicy.banner(notUploaded: notUploaded.count, notAuthenticated: notAuthenticatedCount, reviewsWaiting: reviewsWaiting.count) {
            lines.append(line)
            lines.append("")
        }
        func section(_ title: String, _ items: [ReminderItem], detail: (ReminderItem) -> String = { _ in "" }) {
            guard !items.isEmpty else { return }
            lines.append(title)
            for item in items.sorted(by: { ($0.branch, $0.name) < ($1.branch, $1.name) }) {
                lines.append("  - \(item.name) \(item.developmentNumber ?? "") \(item.branch) 入团 joined \(item.joinDate)\(detail(item))")
            }
            lines.append("")
        }
        if !reviewsWaiting.isEmpty {
            lines.append("\(reviewsWaiting.count) 份档案等待您审核（最早的在前）/ \(reviewsWaiting.count) reviews are waiting for you, oldest first:")
            for r in reviewsWaiting { lines.append("  - #\(r.id) \(r.member) \(r.branch) 等待 \(r.waitingDays) 天 / waiting \(r.waitingDays) days") }
            lines.append("")
        }
        section("团员档案尚未上传 / e-archives not uploaded:", notUploaded)
        section("档案等待上级审核 / waiting for review:", waitingForReview)
        section("档案被退回，请重新上传 / rejected, upload again:", rejected) { " — 原因 reason: \($0.reason ?? "")" }
        section("已超过入团后30天仍未认证（已报上级团委）/ overdue: more than 30 days after joining and not authenticated (escalated):", overdue)
        var branches: [String: Int] = [:]
        for item in notUploaded + waitingForReview + rejected { branches[item.branch, default: 0] += 1 }
        if branches.count > 1 {
            lines.append("按团支部汇总 / per branch:")
            for (branch, count) in branches.sorted(by: { $0.key < $1.key }) { lines.append("  \(branch): \(count)") }
            lines.append("")
        }
        lines.append("详情 / details: zhtj reminders --org \(org.displayID)")
        return lines.joined(separator: "\n") + "\n"
    }
}
