import Foundation
import Testing
import ZHTJCore
import ZHTJTestSupport
@testable import ZHTJIngest

/// Page 1 of image-only scans read in-process (issue 11): the number in every printed layout, at 150, 200 and
/// 300 DPI, on clean, degraded and turned pages; the name beside it; and nothing where there is nothing.
@Suite struct ScanReaderTests {
    // A debug build reads a page several times slower than the daemon's release build: a budget to match.
    let reader = ScanReader(ocrSeconds: 60)

    func read(_ pdf: [UInt8]) -> ScanReading? {
        Poppler.probe(pdf, scanner: reader).scan
    }

    @Test(arguments: NumberLayout.allCases, [150, 200, 300])
    func readsThePrintedNumber(layout: NumberLayout, dpi: Int) throws {
        let scan = try #require(read(ScanBuilder.form(number: "202344010123", name: "王小明", layout: layout, pages: 1, options: ScanOptions(dpi: dpi))))
        #expect(scan.image == "embedded")
        #expect(abs(scan.dpi - dpi) <= 2)
        #expect(scan.numbers.map(\.text) == ["202344010123"])
        #expect(scan.numbers.first?.lowestConfidence ?? 0 >= 90)
        #expect(scan.name?.text == "王小明")
    }

    @Test(arguments: [
        ScanOptions(dpi: 200, skewDegrees: 2.5, noise: true, blur: 1, jpegQuality: 60, stamp: true, seed: 2),
        ScanOptions(dpi: 300, skewDegrees: -3, noise: true, jpegQuality: 50, seed: 3),
        ScanOptions(dpi: 200, quarterTurns: 1, noise: true, seed: 4),
        ScanOptions(dpi: 300, quarterTurns: 2, jpegQuality: 70, seed: 5),
        ScanOptions(dpi: 150, quarterTurns: 3, seed: 6),
    ])
    func readsDegradedAndTurnedScans(options: ScanOptions) throws {
        let scan = try #require(read(ScanBuilder.form(number: "202344010456", name: "李华", layout: .boxed, pages: 1, options: options)))
        #expect(scan.numbers.map(\.text) == ["202344010456"])
        #expect(scan.turns == (4 - options.quarterTurns) % 4)
    }

    // Nothing to read: no number is made up, and the page's turn is not guessed into a number.
    @Test func aFormWithoutANumberGivesNone() throws {
        let scan = try #require(read(ScanBuilder.form(number: nil, name: "王小明", layout: .plain, pages: 1, options: ScanOptions(dpi: 200, noise: true))))
        #expect(!scan.numbers.contains { $0.text.count == 12 && !$0.text.contains("?") })
        #expect(scan.codes.isEmpty)
    }

    // A generated PDF whose text names no number is not rendered: it is no scan.
    @Test func aGeneratedPDFIsNotRead() {
        #expect(read(PDFBuilder.textForm(number: nil)) == nil)
    }

    // A text layer with the number: no image is read at all.
    @Test func aTextLayerNumberNeedsNoScan() {
        #expect(read(PDFBuilder.textForm(number: "202344010123")) == nil)
    }
}
