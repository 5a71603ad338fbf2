import Testing
@testable import ZHTJCore

/// The number of an image-only scan (issue 11): QR labels first, then OCR, and never a guess (R-M3).
@Suite struct NumberFinderScanTests {
    func find(_ scan: ScanReading, text: String = "", name: String = "scan.pdf", min: Int = 85) -> NumberFinder.Finding {
        NumberFinder.find(pageText: text, scan: scan, fileName: name, metadata: [], currentYear: 2026, minConfidence: min, nameMinConfidence: 75)
    }

    func field(_ text: String, _ confidence: Int = 99) -> ScanReading.Field {
        ScanReading.Field(text: text, confidences: Array(repeating: confidence, count: text.count))
    }

    // The label's QR code: the 12 digits before the first "|"; the rest is ignored.
    @Test func aLabelGivesTheNumber() {
        let qr = ScanReading(codes: [.init(kind: .qr, text: "202344010123|王小明|0042")])
        #expect(find(qr).outcome == .found("202344010123", source: .qr))
        #expect(find(ScanReading(codes: [.init(kind: .barcode, text: "202344010123")])).outcome == .found("202344010123", source: .barcode))
        // Not a number: a code of something else, or a year out of range, is no label.
        #expect(find(ScanReading(codes: [.init(kind: .qr, text: "https://example.org/202344010123")])).outcome == .none)
        #expect(find(ScanReading(codes: [.init(kind: .qr, text: "203944010123|x")])).outcome == .none)
        #expect(ScanReading.number(inCode: "202344010123|王小明|0042|cover") == "202344010123")
        #expect(ScanReading(codes: [.init(kind: .qr, text: "202344010123|王小明|0042|cover")]).hasCoverSheet)
        #expect(!qr.hasCoverSheet)
    }

    // R-M3: two labels with different numbers, or a label and a sure OCR reading that differ, are a mismatch.
    @Test func labelsThatDisagreeAreAMismatch() {
        let two = ScanReading(codes: [.init(kind: .qr, text: "202344010123|甲"), .init(kind: .qr, text: "202344010124|乙")])
        guard case .mismatch(let numbers, _) = find(two).outcome else {
            Issue.record("two labels: expected a mismatch")
            return
        }
        #expect(numbers == ["202344010123", "202344010124"])
        let labelAndPrint = ScanReading(codes: [.init(kind: .qr, text: "202344010123")], numbers: [field("202344010999")])
        guard case .mismatch = find(labelAndPrint).outcome else {
            Issue.record("label and printed number: expected a mismatch")
            return
        }
        // The file name disagreeing with the label is a mismatch too.
        guard case .mismatch = find(ScanReading(codes: [.init(kind: .qr, text: "202344010123")]), name: "202344010555.pdf").outcome else {
            Issue.record("label and file name: expected a mismatch")
            return
        }
        // The same label twice (a label and a cover sheet) is one number.
        let same = ScanReading(codes: [.init(kind: .qr, text: "202344010123"), .init(kind: .barcode, text: "202344010123|x")])
        #expect(find(same).outcome == .found("202344010123", source: .qr))
    }

    // OCR counts only when every digit is sure and the number validates; otherwise it is a suggestion.
    @Test func anOCRReadingIsUsedOnlyWhenEveryDigitIsSure() {
        let sure = find(ScanReading(numbers: [field("202344010123", 96)], name: field("王小明", 90)))
        #expect(sure.outcome == .found("202344010123", source: .ocr))
        #expect(sure.confidence == 96)
        #expect(sure.name?.text == "王小明")
        #expect(sure.suggestion == nil)
        // One unsure digit: no number; the reading is offered with that digit as "?".
        var confidences = Array(repeating: 97, count: 12)
        confidences[10] = 40
        let unsure = find(ScanReading(numbers: [ScanReading.Field(text: "202344010123", confidences: confidences)]))
        #expect(unsure.outcome == .none)
        #expect(unsure.suggestion == "2023440101?3")
        #expect(unsure.confidence == nil)
        // Something OCR could not read as a digit, a short reading, a year out of range: never a number.
        #expect(find(ScanReading(numbers: [field("2023440101?3")])).suggestion == "2023440101?3")
        #expect(find(ScanReading(numbers: [field("20234401012")])).outcome == .none)
        #expect(find(ScanReading(numbers: [field("203944010123")])).outcome == .none)
        // A sure reading with the file name's number: found; with another file-name number: a mismatch.
        #expect(find(ScanReading(numbers: [field("202344010123")]), name: "王小明-202344010123.pdf").outcome == .found("202344010123", source: .ocr))
        guard case .mismatch = find(ScanReading(numbers: [field("202344010123")]), name: "202344010124.pdf").outcome else {
            Issue.record("OCR and file name: expected a mismatch")
            return
        }
        // An unsure reading does not stand against the file name: the file name's number is used.
        let named = find(ScanReading(numbers: [ScanReading.Field(text: "202344010124", confidences: confidences)]), name: "202344010123.pdf")
        #expect(named.outcome == .found("202344010123", source: .fileName))
        // Two sure readings that differ (a cover's top right and the field): a mismatch.
        guard case .mismatch = find(ScanReading(numbers: [field("202344010123"), field("202344010321")])).outcome else {
            Issue.record("two different OCR readings: expected a mismatch")
            return
        }
    }

    // The name counts only when OCR is sure of it.
    @Test func anUnsureNameIsIgnored() {
        #expect(find(ScanReading(numbers: [field("202344010123")], name: field("王小明", 50))).name == nil)
        #expect(find(ScanReading(numbers: [field("202344010123")], name: field("王", 99))).name == nil)
    }

    // The text layer speaks first: a scan reading is only looked at when the text carries no number.
    @Test func theTextLayerComesFirst() {
        let scan = ScanReading(codes: [.init(kind: .qr, text: "202344010123")])
        #expect(find(scan, text: "发展团员编号：202344010123").outcome == .found("202344010123", source: .text))
    }
}
