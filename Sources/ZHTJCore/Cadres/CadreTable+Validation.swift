import Foundation

extension CadreTable {
    /// Validates one cadre (a table row, or the fields of `cadre add` as line 0): returns the draft, or every problem
    /// found, each naming its column with a reason in Chinese and English (R-C1):
    /// - the ID number's check digit (GB 11643); dates as `YYYY-MM` or `YYYY-MM-DD`, none in the future;
    /// - the join date at least 13 (12 before 2016-09) after birth, and a development number from 2016 on (R-M2);
    /// - 入党时间 for 中共党员 and 中共预备党员 only, and required of them;
    /// - 是否递交入党申请书 required from 18 on unless a party member, its date with 是 only;
    /// - student cadres part-time (seed 001 §3.4); kinds 专职, 挂职, 兼职; yes/no fields 是 or 否;
    /// - a registered volunteer's date with 是 only.
    public static func validate(cells raw: [Column: String], line: Int, today: CivilDate) -> Result<CadreDraft, RowIssues> {
        var issues: [RowIssue] = []
        func cell(_ c: Column) -> String { (raw[c] ?? "").trimmingWhitespace }
        func fail(_ c: Column, _ reason: String) {
            var value = cell(c)
            if c == .idNumber, value.count == 18 { value = IDNumber.masked(value) }
            issues.append(RowIssue(line: line, column: c.rawValue, value: value, reason: reason))
        }
        for c in Column.required where cell(c).isEmpty { fail(c, "必填项为空 / required, but empty") }
        for c in [Column.name, .ethnicity, .education, .occupation, .politicalStatus, .post, .appointedHow] where cell(c).count > 50 {
            fail(c, "超过50个字 / longer than 50 characters")
        }

        var birth: CivilDate? = nil
        if !cell(.idNumber).isEmpty {
            switch IDNumber.parse(cell(.idNumber)) {
            case .success(let id): birth = id.birthDate
            case .failure(let p): fail(.idNumber, p.message)
            }
        }
        /// A date cell: nil when empty or refused (the refusal is recorded).
        func date(_ c: Column, monthOnly: Bool = false) -> JoinDate? {
            let text = cell(c)
            guard !text.isEmpty else { return nil }
            guard let parsed = JoinDate(text) else {
                fail(c, "应为 YYYY-MM 或 YYYY-MM-DD / expected YYYY-MM or YYYY-MM-DD")
                return nil
            }
            if parsed.firstDay > today {
                fail(c, "日期在未来 / the date is in the future")
                return nil
            }
            if let birth, parsed.lastDay < birth {
                fail(c, "早于出生日期\(birth) / before the birth date \(birth)")
                return nil
            }
            return monthOnly ? JoinDate(year: parsed.year, month: parsed.month, day: nil) : parsed
        }
        let joined = date(.joinDate)
        if let birth, let joined, let problem = MembershipRules.ageProblem(birth: birth, joined: joined) { fail(.joinDate, problem) }
        var number: String? = nil
        if !cell(.developmentNumber).isEmpty {
            switch DevelopmentNumber.validate(cell(.developmentNumber), currentYear: today.year, joinYear: joined?.year) {
            case .success(let n): number = n
            case .failure(let p): fail(.developmentNumber, p.message)
            }
        } else if let joined, MembershipRules.needsDevelopmentNumber(joined: joined) {
            fail(.developmentNumber, "\(joined.year)年入团（2016年及以后）必须填写发展团员编号 / required for those who joined in 2016 or later (R-M2)")
        }

        let party = CadreRules.isPartyMember(cell(.politicalStatus))
        let partyJoined = date(.partyJoinDate)
        if party, cell(.partyJoinDate).isEmpty {
            fail(.partyJoinDate, "中共党员、预备党员须填写入党时间 / required for party members (中共党员, 中共预备党员) (R-C1)")
        } else if !party, !cell(.partyJoinDate).isEmpty {
            fail(.partyJoinDate, "只有中共党员、预备党员填写入党时间（政治面貌：\(cell(.politicalStatus))）/ only party members have a party join date (R-C1)")
        }
        let since = date(.postSince, monthOnly: true)
        let kind = CadreKind(userText: cell(.kind))
        if !cell(.kind).isEmpty, kind == nil { fail(.kind, "应为专职、挂职或兼职 / one of 专职 (full-time), 挂职 (seconded), 兼职 (part-time)") }
        if let kind, let problem = CadreRules.kindProblem(kind: kind, occupation: cell(.occupation)) { fail(.kind, problem) }
        func yesNo(_ c: Column) -> Bool? {
            guard !cell(c).isEmpty else { return nil }
            guard let value = CadreRules.yesNo(cell(c)) else {
                fail(c, "应为“是”或“否” / expected 是 (yes) or 否 (no)")
                return nil
            }
            return value
        }
        let committee = yesNo(.partyCommitteeMember)
        let duty: Bool? = cell(.onDuty).isEmpty ? nil : CadreRules.onDuty(cell(.onDuty))
        if !cell(.onDuty).isEmpty, duty == nil { fail(.onDuty, "应为“在岗”或“不在岗” / expected 在岗 (on duty) or 不在岗 (not on duty)") }
        let mobile = cell(.mobile)
        if !mobile.isEmpty, !Mobile.isValid(mobile) { fail(.mobile, Mobile.problem) }

        // R-C1: the party application is optional under 18 (and says nothing of a party member, who has joined).
        let application = yesNo(.partyApplication)
        let applied = date(.partyApplicationDate)
        if let birth, cell(.partyApplication).isEmpty, !party, birth.age(on: today) >= CadreRules.partyApplicationAge {
            fail(.partyApplication, "年满18周岁须填写是否递交入党申请书 / required from the age of 18 (optional under 18, R-C1)")
        }
        if application == true, cell(.partyApplicationDate).isEmpty {
            fail(.partyApplicationDate, "已递交入党申请书的须填写递交时间 / give the date the application was handed in")
        } else if application != true, !cell(.partyApplicationDate).isEmpty {
            fail(.partyApplicationDate, "未递交入党申请书，不应填写时间 / a date without an application (是否递交入党申请书 is not 是)")
        }
        let volunteer = yesNo(.volunteer)
        let volunteered = date(.volunteerDate)
        if volunteer == true, cell(.volunteerDate).isEmpty {
            fail(.volunteerDate, "注册志愿者须填写注册时间 / give the date of registering as a volunteer")
        } else if volunteer == false, !cell(.volunteerDate).isEmpty {
            fail(.volunteerDate, "不是注册志愿者，不应填写时间 / a date, but 是否注册志愿者 is 否")
        }

        guard issues.isEmpty, let birth, let joined, let since, let kind, let committee, let duty, let volunteer else {
            return .failure(RowIssues(issues: issues))
        }
        return .success(
            CadreDraft(
                line: line, name: cell(.name), idNumber: cell(.idNumber).uppercased(), birthDate: birth, ethnicity: cell(.ethnicity),
                education: cell(.education), occupation: cell(.occupation), politicalStatus: cell(.politicalStatus), joinDate: joined,
                developmentNumber: number, partyJoinDate: partyJoined, post: cell(.post), postSince: since.description,
                appointedHow: cell(.appointedHow), kind: kind, partyCommitteeMember: committee, onDuty: duty, mobile: mobile,
                partyApplication: application, partyApplicationDate: applied, volunteer: volunteer, volunteerDate: volunteered))
    }

    /// Checks a post change's fields (`cadre change-post`): a post, a month not in the future, how appointed.
    public static func postProblem(post: String, since: String, how: String, today: CivilDate) -> String? {
        if post.trimmingWhitespace.isEmpty || post.count > 50 { return "职务应为1到50个字 / the post is 1 to 50 characters: --post TEXT" }
        if how.trimmingWhitespace.isEmpty || how.count > 50 { return "任现职方式应为1到50个字 / how appointed is 1 to 50 characters: --how TEXT" }
        guard let month = JoinDate(since), !month.hasDay else { return "任现职年月“\(since)”应为YYYY-MM / --since must be YYYY-MM" }
        if month.firstDay > today { return "任现职年月\(since)在未来 / --since \(since) is in the future" }
        return nil
    }
}
