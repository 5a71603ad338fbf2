import Testing
import ZHTJCore

/// R-W2: what a reward or sanction must say before it is recorded.
@Suite struct DistinctionRulesTests {
    let today = JoinDate("2024-03-15")!.date!

    func check(_ kind: DistinctionKind, title: String = "优秀共青团员", level: String, date: String = "2024-03-01", document: String = "团某发〔2024〕3号")
        -> Result<DistinctionRules.Checked, DistinctionRules.Problem>
    {
        DistinctionRules.check(kind: kind, title: title, level: level, date: date, document: document, today: today)
    }

    @Test func anAwardsLevelIsFreeTextButNotEmpty() throws {
        let ok = try check(.award, title: " 优秀共青团员 ", level: "市级").get()
        #expect(ok.title == "优秀共青团员" && ok.level == "市级" && ok.date.description == "2024-03-01")
        #expect(throws: DistinctionRules.Problem.self) { try check(.award, level: "  ").get() }
    }

    // R-W2: a sanction is one of the league's five, by its Chinese name or the English word.
    @Test func sanctionsAreTheLeaguesFive() throws {
        #expect(try check(.sanction, level: "警告").get().level == "警告")
        #expect(try check(.sanction, level: "Serious Warning").get().level == "严重警告")
        #expect(try check(.sanction, level: "expulsion").get().level == "开除团籍")
        #expect(SanctionLevel.allCases.map(\.rawValue) == ["警告", "严重警告", "撤销团内职务", "留团察看", "开除团籍"])
        guard case .failure(let p) = check(.sanction, level: "罚款") else { Issue.record("accepted"); return }
        #expect(p.reason.contains("留团察看"))
    }

    @Test func refusals() {
        for (title, date, document) in [("", "2024-03-01", "x"), ("t", "2024-03-16", "x"), ("t", "2024-02-30", "x"), ("t", "2024-03", "x"), ("t", "2024-03-01", " ")] {
            #expect(throws: DistinctionRules.Problem.self, "\(title) \(date) \(document)") {
                try check(.award, title: title, level: "校级", date: date, document: document).get()
            }
        }
        #expect(throws: DistinctionRules.Problem.self) { try check(.award, title: String(repeating: "长", count: 201), level: "校级").get() }
    }
}
