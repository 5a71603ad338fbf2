import Foundation
import Testing
@testable import ZHTJCore

@Suite struct MemberTableTests {
    static let header = "姓名,身份证号码,民族,政治面貌,入团年月,所在团支部,是否为团干部,发展团员编号,手机号码"

    func validate(_ line: String) -> Result<MemberDraft, RowIssues> {
        let rows = CSVParser.parse(Self.header + "\n" + line)
        let columns = try! MemberTable.columns(header: rows[0].fields).get()
        return MemberTable.validate(row: rows[1], columns: columns, today: CivilDate(year: 2026, month: 11, day: 24)!)
    }

    func columns(_ result: Result<MemberDraft, RowIssues>) -> [String] {
        guard case .failure(let issues) = result else { return [] }
        return issues.issues.map(\.column)
    }

    // R-M1, R-M2
    @Test func goodRow() throws {
        let draft = try validate("李明,110101200803150023,汉族,共青团员,2022-05,0003,否,202244010123,13900001111").get()
        #expect(draft.name == "李明")
        #expect(draft.developmentNumber == "202244010123")
        #expect(draft.needsEArchive)
        #expect(!draft.isCadre)
    }

    // R-M2: before 2016 no development number is needed.
    @Test func earlyMemberNeedsNoNumber() throws {
        let draft = try validate("赵强,110101200301010047,回族,共青团员,2015-05,0003,否,,").get()
        #expect(draft.developmentNumber == nil)
        #expect(!draft.needsEArchive)
    }

    // R-M1: each bad cell is named by its column.
    @Test func eachKindOfBadRow() {
        #expect(columns(validate(",110101200803150023,汉族,共青团员,2022-05,0003,否,202244010123,")) == ["姓名"])
        #expect(columns(validate("李明,110101200803150024,汉族,共青团员,2022-05,0003,否,202244010123,")) == ["身份证号码"])
        #expect(columns(validate("李明,110101200803150023,汉族,共青团员,2022-13,0003,否,202244010123,")) == ["入团年月"])
        // A join month after today (2026-11-24) is in the future.
        #expect(columns(validate("李明,110101200803150023,汉族,共青团员,2026-12,0003,否,202644010123,")) == ["入团年月"])
        // R-M2: under 13 at joining.
        #expect(columns(validate("李明,110101200803150023,汉族,共青团员,2020-05,0003,否,202044010123,")) == ["入团年月"])
        // R-M2: joined 2016 or later without a development number.
        #expect(columns(validate("李明,110101200803150023,汉族,共青团员,2022-05,0003,否,,")) == ["发展团员编号"])
        // The number's year is after the join year.
        #expect(columns(validate("李明,110101200803150023,汉族,共青团员,2022-05,0003,否,202344010123,")) == ["发展团员编号"])
        #expect(columns(validate("李明,110101200803150023,汉族,共青团员,2022-05,0003,也许,202244010123,")) == ["是否为团干部"])
        #expect(columns(validate("李明,110101200803150023,汉族,共青团员,2022-05,0003,否,202244010123,1234")) == ["手机号码"])
    }

    @Test func missingHeadersAreNamed() {
        guard case .failure(let error) = MemberTable.columns(header: ["姓名", "民族"]) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.chinese.contains("身份证号码"))
    }
}

@Suite struct CSVParserTests {
    @Test func quotesAndLineEnds() {
        let rows = CSVParser.parse("a,b\r\n\"x,1\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",z\n\n,\nlast,row")
        #expect(rows.map(\.fields) == [["a", "b"], ["x,1", "say \"hi\""], ["multi\nline", "z"], ["last", "row"]])
        #expect(rows.map(\.line) == [1, 2, 3, 7])
    }

    @Test func escape() {
        #expect(CSVParser.escape("plain") == "plain")
        #expect(CSVParser.escape("a,\"b\"") == "\"a,\"\"b\"\"\"")
    }
}

@Suite struct TextDecodingTests {
    @Test func utf8WithAndWithoutBOM() throws {
        let text = "姓名,民族\n李明,汉族"
        #expect(TextDecoding.decode(Array(text.utf8))?.encoding == .utf8)
        let bom = TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(bom?.encoding == .utf8BOM)
        #expect(bom?.text == text)
    }

    @Test func gb18030() {
        // "姓名,李明" in GB18030 (GBK range).
        let bytes: [UInt8] = [0xD0, 0xD5, 0xC3, 0xFB, 0x2C, 0xC0, 0xEE, 0xC3, 0xF7]
        let decoded = TextDecoding.decode(bytes)
        #expect(decoded?.encoding == .gb18030)
        #expect(decoded?.text == "姓名,李明")
    }
}
