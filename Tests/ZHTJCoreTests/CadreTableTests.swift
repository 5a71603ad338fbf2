import Foundation
import Testing
@testable import ZHTJCore

/// The cadre table's checks (R-C1, seed 001 §2.1.3, §3.4), without files or a clock.
@Suite struct CadreTableTests {
    static let today = CivilDate(year: 2026, month: 11, day: 24)!
    static let header = CadreTable.templateHeader.joined(separator: ",")
    /// A good full-time party member.
    static let good = "陈老师,110101198505050016,汉族,硕士研究生,高校教师,中共党员,2000-05,,2008-06,团委书记,2022-09,任命,专职,是,在岗,13800001111,,,是,2015-03"

    func validate(_ line: String) -> Result<CadreDraft, RowIssues> {
        let rows = CSVParser.parse(Self.header + "\n" + line)
        let columns = try! CadreTable.columns(header: rows[0].fields).get()
        return CadreTable.validate(row: rows[1], columns: columns, today: Self.today)
    }

    func columns(_ line: String) -> [String] {
        guard case .failure(let issues) = validate(line) else { return [] }
        return issues.issues.map(\.column)
    }

    /// The good row with one cell replaced.
    func with(_ column: CadreTable.Column, _ value: String, in line: String = good) -> String {
        var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[CadreTable.Column.allCases.firstIndex(of: column)!] = value
        return fields.joined(separator: ",")
    }

    // R-C1
    @Test func aGoodRowGivesEveryField() throws {
        let draft = try validate(Self.good).get()
        #expect(draft.kind == .fullTime && draft.partyCommitteeMember && draft.onDuty && draft.volunteer)
        #expect(draft.partyJoinDate?.description == "2008-06" && draft.postSince == "2022-09")
        #expect(draft.partyApplication == nil, "a party member needs no application")
        #expect(!draft.needsApplicationForm, "joined before 2020: the application form is optional (R-C1)")
    }

    // R-C1: 入党时间 only for 中共党员 and 中共预备党员, and required of them.
    @Test func partyJoinDateOnlyForPartyMembers() {
        let youth = with(.politicalStatus, "共青团员", in: with(.partyApplication, "否"))
        #expect(columns(youth) == ["入党时间"])
        #expect(columns(with(.partyJoinDate, "")) == ["入党时间"])
        #expect(columns(with(.politicalStatus, "中共预备党员")) == [])
    }

    // R-C1: the party application is optional under 18, required from 18 for those not in the party.
    @Test func partyApplicationOptionalUnder18() throws {
        let youth = with(.partyJoinDate, "", in: with(.politicalStatus, "共青团员"))
        #expect(columns(youth) == ["是否递交入党申请书"])
        // Born 2009-05-05: 17 on 2026-11-24.
        let minor = with(.developmentNumber, "202344010101", in: with(.joinDate, "2023-05", in: with(.idNumber, "110101200905050023", in: with(.occupation, "学生", in: with(.kind, "兼职", in: youth)))))
        let draft = try validate(minor).get()
        #expect(draft.partyApplication == nil && draft.needsApplicationForm)
        #expect(columns(with(.partyApplication, "是", in: youth)) == ["递交入党申请书时间"])
        #expect(columns(with(.partyApplicationDate, "2024-01", in: with(.partyApplication, "否", in: youth))) == ["递交入党申请书时间"])
    }

    // Seed 001 §3.4: student cadres are part-time.
    @Test func studentCadresArePartTime() {
        #expect(columns(with(.occupation, "学生")) == ["团干部性质"])
        #expect(columns(with(.kind, "兼职", in: with(.occupation, "在校学生"))) == [])
        #expect(columns(with(.kind, "临时")) == ["团干部性质"])
        #expect(CadreKind(userText: "seconded") == .seconded)
    }

    // R-C1: each bad cell is named by its column.
    @Test func eachKindOfBadCell() {
        #expect(columns(with(.idNumber, "110101198505050017")) == ["身份证号码"])
        #expect(columns(with(.postSince, "2099-01")) == ["任现职年月"])
        #expect(columns(with(.partyCommitteeMember, "也许")) == ["是否同级党组织委员"])
        #expect(columns(with(.onDuty, "休假")) == ["在岗状态"])
        #expect(columns(with(.mobile, "1234")) == ["手机号码"])
        #expect(columns(with(.volunteerDate, "")) == ["注册志愿者时间"])
        #expect(columns(with(.post, "")) == ["团内现任职务"])
        // R-M2: from 2016 a development number.
        #expect(columns(with(.joinDate, "2017-05")) == ["发展团员编号"])
    }

    @Test func headersAndPostChanges() {
        guard case .failure(let error) = CadreTable.columns(header: ["姓名", "身份证号码"]) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.chinese.contains("团干部性质"))
        #expect((try? CadreTable.columns(header: CadreTable.templateHeader.map { $0 == "是否注册志愿者" ? "是否成为注册志愿者" : $0 }).get()) != nil)
        #expect(CadreTable.postProblem(post: "书记", since: "2025-06", how: "选举", today: Self.today) == nil)
        #expect(CadreTable.postProblem(post: "书记", since: "2025-06-01", how: "选举", today: Self.today) != nil)
        #expect(CadreTable.postProblem(post: "", since: "2025-06", how: "选举", today: Self.today) != nil)
    }
}
