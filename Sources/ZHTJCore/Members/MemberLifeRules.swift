/// The rules of leaving the league and of transfers (R-M4, R-W1, R-E11), as pure functions.
public enum MemberLifeRules {
    /// Members who joined in this year or later need a development number to be accepted by a receiving org (R-W1).
    public static let transferNumberFromYear = 2017

    /// R-M4: a leave request is filed by the member's own branch.
    public static func mayFileLeave<ID: Equatable>(adminOrg: ID, branch: ID) -> Bool {
        adminOrg == branch
    }

    /// R-W1: a receiving org accepts a member who joined in 2017 or later only with a development number.
    public static func mayAccept(joinYear: Int, developmentNumber: String?) -> Bool {
        joinYear < transferNumberFromYear || !(developmentNumber ?? "").isEmpty
    }

    /// Why a member cannot be accepted (R-W1), or nil.
    public static func acceptanceProblem(name: String, joinYear: Int, developmentNumber: String?) -> String? {
        guard !mayAccept(joinYear: joinYear, developmentNumber: developmentNumber) else { return nil }
        return "团员\(name)\(joinYear)年入团，没有发展团员编号，接收方不能接收：请原组织先补录编号（zhtj member set-number） / "
            + "\(name) joined in \(joinYear) and has no development number, so no org can accept the transfer (R-W1): "
            + "the sending org sets the number first (`zhtj member set-number`)"
    }

    /// The problem with a leave request's text fields, or nil: a reason, and a meeting date (`YYYY-MM-DD`) that is
    /// neither in the future nor before the member joined.
    public static func leaveProblem(reason: String, meetingDate: String, joined: String, today: CivilDate) -> String? {
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return "必须写明原因：请加 --reason 文字 / a written reason is required: add --reason TEXT (R-M4)"
        }
        guard let parsed = JoinDate(meetingDate), parsed.hasDay, let date = parsed.date else {
            return "会议日期“\(meetingDate)”应为YYYY-MM-DD / the meeting date \"\(meetingDate)\" must be YYYY-MM-DD"
        }
        if date > today {
            return "会议日期\(date)晚于今天 / the meeting date \(date) is in the future"
        }
        if let join = JoinDate(joined), date < join.firstDay {
            return "会议日期\(date)早于入团日期\(joined) / the meeting date \(date) is before the member joined (\(joined))"
        }
        return nil
    }
}
