import Testing
import ZHTJCore

/// R-W4: league fees recorded by month, in fen, from the payment channel's table.
@Suite struct FeeRulesTests {
    let today = JoinDate("2024-03-15")!.date!

    @Test(arguments: [("0.20", 20), ("0.2", 20), ("1", 100), ("¥0.50", 50), ("0.50元", 50), (".5", 50), ("12.34", 1234), (" 10000 ", 1_000_000), ("007.10", 710)])
    func amountsInYuan(_ text: String, _ fen: Int) throws {
        #expect(try FeeAmount.parse(text).get() == fen)
    }

    // R-W4: no zero, no negatives, no thirds of a fen, nothing absurd; each refusal in Chinese and English.
    @Test(arguments: ["0", "0.00", "-0.20", "0.205", "abc", "", "1.", "10000.01", "99999999999999999999", "1,5", "0.2.0"])
    func refusedAmounts(_ text: String) {
        guard case .failure(let problem) = FeeAmount.parse(text) else {
            Issue.record("\(text) accepted")
            return
        }
        #expect(problem.field.contains("amount"))
        #expect(problem.reason.contains(" / "))
    }

    @Test func yuanText() {
        #expect(FeeAmount.yuan(20) == "0.20")
        #expect(FeeAmount.yuan(5) == "0.05")
        #expect(FeeAmount.yuan(1234) == "12.34")
    }

    // R-W4: a month is YYYY-MM and not still to come.
    @Test func months() throws {
        #expect(try FeeMonth.parse("2024-03", today: today).get() == "2024-03")
        #expect(try FeeMonth.parse("2024/3", today: today).get() == "2024-03")
        #expect(try FeeMonth.parse("2024年3月", today: today).get() == "2024-03")
        #expect(try FeeMonth.parse("202402", today: today).get() == "2024-02")
        for bad in ["2024-04", "2024-13", "2024-03-01", "1999-12", "三月", ""] {
            #expect(throws: FeeProblem.self, "\(bad)") { try FeeMonth.parse(bad, today: today).get() }
        }
    }

    // R-W4: the channel's table: the member by ID number or development number, a month, an amount, a reference.
    @Test func tableRows() throws {
        let rows = CSVParser.parse("""
            \u{FEFF}发展团员编号,身份证号码,月份,金额（元）,流水号
            202144010001,,2024-03,0.20,T1
            ,440101200701010114,2024-02,0.2,
            ,,2024-03,0.20,
            202144010001,,2024-05,-1,
            """)
        let columns = try FeeTable.columns(header: rows[0].fields).get()
        let first = try FeeTable.validate(row: rows[1], columns: columns, today: today).get()
        #expect(first == FeeDraft(line: 2, key: .developmentNumber("202144010001"), month: "2024-03", amountFen: 20, reference: "T1"))
        let second = try FeeTable.validate(row: rows[2], columns: columns, today: today).get()
        #expect(second.key == .idNumber("440101200701010114") && second.reference == nil && second.key.shown == "440101********0114")
        guard case .failure(let noKey) = FeeTable.validate(row: rows[3], columns: columns, today: today) else { throw TestFailure() }
        #expect(noKey.issues.map(\.column) == ["身份证号码"])
        guard case .failure(let both) = FeeTable.validate(row: rows[4], columns: columns, today: today) else { throw TestFailure() }
        #expect(both.issues.map(\.column) == ["月份", "金额(元)"])
        #expect(both.issues.allSatisfy { $0.line == 5 })
    }

    @Test func tableHeaderNeedsAMemberAMonthAndAnAmount() {
        #expect(throws: FeeProblem.self) { try FeeTable.columns(header: ["身份证号码", "月份"]).get() }
        #expect(throws: FeeProblem.self) { try FeeTable.columns(header: ["姓名", "月份", "金额(元)"]).get() }
    }

    struct TestFailure: Error {}
}
