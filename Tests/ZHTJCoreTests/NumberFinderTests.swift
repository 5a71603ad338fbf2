import Testing
@testable import ZHTJCore

@Suite struct NumberFinderTests {
    func find(_ text: String?, name: String = "scan.pdf", metadata: [String] = []) -> NumberFinder.Outcome {
        NumberFinder.find(pageText: text, fileName: name, metadata: metadata, currentYear: 2026)
    }

    // R-M3: the number on page 1, next to its label; full-width and space-split digits are normalised.
    @Test func findsTheLabelledNumberOnPage1() {
        #expect(find("入团志愿书\n发展团员编号：202344010123\n姓名 李明") == .found("202344010123", source: .text))
        #expect(find("发展团员编号 ２０２３４４０１０１２３") == .found("202344010123", source: .text))
        #expect(find("编号: 2023 4401 0123") == .found("202344010123", source: .text))
        // An ID number's 18 digits are not a development number.
        #expect(find("身份证号码 110101200803150023 发展团员编号 202344010123") == .found("202344010123", source: .text))
        // The labelled number wins over another 12-digit number elsewhere on the page.
        #expect(find("联系电话 201944010999\n发展团员编号 202344010123") == .found("202344010123", source: .text))
    }

    // R-M3: never a guess.
    @Test func twoNumbersAreAMismatch() {
        guard case .mismatch(let numbers, _) = find("发展团员编号 202344010123 发展团员编号 202344010124") else {
            Issue.record("expected a mismatch")
            return
        }
        #expect(numbers == ["202344010123", "202344010124"])
        guard case .mismatch = find("发展团员编号 202344010123", name: "202344010999.pdf") else {
            Issue.record("text and file name disagree: expected a mismatch")
            return
        }
        // The same number in both is fine.
        #expect(find("发展团员编号 202344010123", name: "李明-202344010123.pdf") == .found("202344010123", source: .text))
    }

    @Test func fallsBackToFileNameThenMetadata() {
        #expect(find(nil, name: "李明_202344010123.pdf") == .found("202344010123", source: .fileName))
        #expect(find("", name: "scan0001.pdf", metadata: ["202244010001"]) == .found("202244010001", source: .metadata))
        #expect(find("没有编号的扫描页", name: "scan0001.pdf") == NumberFinder.Outcome.none)
    }

    @Test func yearsOutsideTheRangeAreNotNumbers() {
        #expect(find("发展团员编号 201544010123") == NumberFinder.Outcome.none)
        #expect(find("发展团员编号 203044010123") == NumberFinder.Outcome.none)
    }
}
