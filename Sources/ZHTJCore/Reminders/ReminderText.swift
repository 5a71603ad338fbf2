import Foundation

extension Reminder {
    /// The text of the reminder, in Chinese with English, as the outbox file and the hook receive it: a branch's
    /// lists its open members by name; one above branch level counts per subordinate and names the oldest overdue.
    public func text() -> String {
        var lines = ["【智慧团建提醒 zhtj reminder】\(org.fullName) (\(org.displayID)) — \(date)", ""]
        if let line = ReminderPolicy.banner(notUploaded: counts.notUploaded, notAuthenticated: counts.notAuthenticated, reviewsWaiting: reviewsWaitingCount) {
            lines.append(line)
            lines.append("")
        }
        if reviewsWaitingCount > 0 {
            lines.append("\(reviewsWaitingCount) 份档案等待您审核（最早的在前）/ \(reviewsWaitingCount) reviews are waiting for you, oldest first:")
            for r in reviewsWaiting { lines.append("  - #\(r.id) \(r.member) \(r.branch) 等待 \(r.waitingDays) 天 / waiting \(r.waitingDays) days") }
            let more = reviewsWaitingCount - reviewsWaiting.count
            if more > 0 { lines.append("  … 另有 \(more) 份 / \(more) more: zhtj reviews") }
            lines.append("")
        }
        func section(_ title: String, _ items: [ReminderItem], sorted: Bool = true, detail: (ReminderItem) -> String = { _ in "" }) {
            guard !items.isEmpty else { return }
            lines.append(title)
            let ordered = sorted ? items.sorted(by: { ($0.branch, $0.name) < ($1.branch, $1.name) }) : items
            for item in ordered {
                lines.append("  - \(item.name) \(item.developmentNumber ?? "") \(item.branch) 入团 joined \(item.joinDate)\(detail(item))")
            }
            lines.append("")
        }
        switch listing {
        case .members:
            section("团员档案尚未上传 / e-archives not uploaded:", notUploaded)
            section("档案等待上级审核 / waiting for review:", waitingForReview)
            section("档案被退回，请重新上传 / rejected, upload again:", rejected) { " — 原因 reason: \($0.reason ?? "")" }
            section("已超过入团后30天仍未认证（已报上级团委）/ overdue: more than 30 days after joining and not authenticated (escalated):", overdue)
        case .oldestOverdue:
            break
        }
        let open = subordinates.filter { !$0.counts.isEmpty }
        if !open.isEmpty {
            lines.append("按下级组织 / per subordinate org (未上传 not uploaded · 待审核 waiting · 被退回 rejected · 逾期 overdue):")
            let width = open.map { $0.name.count }.max() ?? 0
            for s in open {
                let name = s.name + String(repeating: " ", count: width - s.name.count)
                let c = s.counts
                lines.append("  \(name)  \(c.notUploaded) · \(c.waitingForReview) · \(c.rejected) · \(c.overdue)\(s.displayID.map { "  (\($0))" } ?? "")")
            }
            let hidden = subordinates.count - open.count
            if hidden > 0 { lines.append("  （另有 \(hidden) 个下级组织没有待办 / \(hidden) more with nothing open）") }
            lines.append("")
        }
        if listing == .oldestOverdue, !overdue.isEmpty {
            let title = overdue.count < counts.overdue
                ? "逾期最久的 \(overdue.count) 名（共 \(counts.overdue) 名）/ the \(overdue.count) longest overdue of \(counts.overdue):"
                : "逾期未认证 / overdue, not authenticated:"
            section(title, overdue, sorted: false) { " — \($0.stateText)" }
        }
        if listing == .members {
            var branches: [String: Int] = [:]
            for item in listedMembers { branches[item.branch, default: 0] += 1 }
            if branches.count > 1 {
                lines.append("按团支部汇总 / per branch:")
                for (branch, count) in branches.sorted(by: { $0.key < $1.key }) { lines.append("  \(branch): \(count)") }
                lines.append("")
            }
            lines.append("详情 / details: zhtj reminders --org \(org.displayID)")
        } else {
            lines.append("完整名单 / every name: zhtj reminders --org \(org.displayID) --all（或 or --csv FILE）")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
