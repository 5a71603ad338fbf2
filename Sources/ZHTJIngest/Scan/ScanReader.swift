import Foundation
import ZHTJCore

/// Reads page 1 of an image-only scan (issue 11), in the parser child: first the QR codes and barcodes (labels and
/// cover sheets printed by `zhtj labels`); where there is none, OCR. OCR finds the fields on a downscaled page with a
/// Chinese pass (the labels 编号 and 姓名; a page that shows no label is turned upright by orientation detection and
/// tried again), then reads each field from the full-resolution image: the crop right of the label (else below it),
/// cleared of rules, boxes and specks, read as one line. Raw readings only; `NumberFinder` judges them.
public final class ScanReader {
    private let barcodes = BarcodeReader()
    private lazy var chinese = OCREngine(language: "chi_sim")
    private lazy var latin = OCREngine(language: "eng")
    private lazy var orientation = OCREngine(language: "osd")
    /// Off: codes only.
    public var ocr: Bool
    /// The time OCR may take on one page; past it, what was read so far counts (a page of noise must not cost the
    /// file: the child's CPU limit would refuse it).
    public var ocrSeconds: Double
    private var deadline: UInt64 = 0

    public init(ocr: Bool = true, ocrSeconds: Double = 8) {
        self.ocr = ocr
        self.ocrSeconds = ocrSeconds
    }

    /// Seconds left of this page's OCR budget.
    private var remaining: Double {
        let now = DispatchTime.now().uptimeNanoseconds
        return now >= deadline ? 0 : Double(deadline - now) / 1e9
    }

    /// The resolution of the Chinese pass that finds the fields.
    static let searchDPI = 150
    /// The character height (pixels) fields are scaled down to before they are read.
    static let readHeight = 32
    /// The resolution barcodes are looked for at first (the full image only if none is found there).
    static let codeDPI = 200

    public func read(_ page: GrayImage, dpi: Int, image: String) -> ScanReading {
        let started = DispatchTime.now().uptimeNanoseconds
        deadline = started + UInt64(ocrSeconds * 1e9)
        var reading = ScanReading(image: image, dpi: dpi)
        reading.codes = codes(in: page, dpi: dpi)
        if ocr, !reading.codes.contains(where: { ScanReading.number(inCode: $0.text) != nil }) {
            readFields(page, dpi: dpi, into: &reading)
        }
        reading.milliseconds = Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
        return reading
    }

    func codes(in page: GrayImage, dpi: Int) -> [ScanReading.Code] {
        guard let barcodes else { return [] }
        let small = scaled(page, dpi: dpi, to: Self.codeDPI)
        let found = barcodes.symbols(in: small.image)
        return found.isEmpty && small.image.width < page.width ? barcodes.symbols(in: page) : found
    }

    private func scaled(_ page: GrayImage, dpi: Int, to target: Int) -> (image: GrayImage, factor: Double) {
        guard dpi > target else { return (page, 1) }
        let small = page.downscaled(toWidth: max(1, page.width * target / dpi))
        return (small, Double(page.width) / Double(small.width))
    }

    /// A label found by the Chinese pass, in full-resolution pixels.
    struct Label {
        var box: GrayImage.Rect
        /// The height of the label's characters.
        var charHeight: Int
    }

    private func readFields(_ original: GrayImage, dpi: Int, into reading: inout ScanReading) {
        guard let chinese else { return }
        // The page at the search resolution, made once: the Chinese pass and orientation detection both use it.
        let small = scaled(original, dpi: dpi, to: Self.searchDPI)
        read(original, small: small, dpi: dpi, engine: chinese, into: &reading)
        // No number read: the page may be sideways or upside down (a page has no label only if it is not a form).
        guard !reading.numbers.contains(where: { $0.text.count == 12 }), remaining > 0, let orientation else { return }
        guard let (turns, _) = orientation.uprightTurns(of: small.image), turns != 0 else { return }
        var turned = ScanReading(codes: reading.codes, image: reading.image, dpi: reading.dpi, turns: turns)
        let turnedSmall = (image: small.image.rotated(quarterTurns: turns), factor: small.factor)
        read(original.rotated(quarterTurns: turns), small: turnedSmall, dpi: dpi, engine: chinese, into: &turned)
        if !turned.numbers.isEmpty || reading.numbers.isEmpty { reading = turned }
    }

    private func read(_ page: GrayImage, small: (image: GrayImage, factor: Double), dpi: Int, engine: OCREngine, into reading: inout ScanReading) {
        let found = labels(in: small, dpi: dpi, engine: engine)
        for label in found.numbers {
            if let field = readNumber(page, label: label, dpi: dpi) { reading.numbers.append(field) }
        }
        if let label = found.name { reading.name = readName(page, label: label, dpi: dpi, engine: engine) }
    }

    /// The number labels (编号) and the first name label (姓名) on `small` (the page at the search resolution, `factor`
    /// times smaller than the page), in the full page's pixels.
    func labels(in small: (image: GrayImage, factor: Double), dpi: Int, engine: OCREngine) -> (numbers: [Label], name: Label?) {
        var lines = engine.lines(in: small.image, layout: .page, dpi: min(dpi, Self.searchDPI), seconds: remaining)
        if !lines.contains(where: { $0.text.contains("编号") }) {
            // The page layout can lose lines of a speckled, skewed scan (seen: the lines under the title merged into
            // its block and dropped); scattered-text mode finds them.
            lines = engine.lines(in: small.image, layout: .sparse, dpi: min(dpi, Self.searchDPI), seconds: remaining)
        }
        var numbers: [Label] = []
        var name: Label?
        for line in lines {
            let s = line.symbols
            var i = 0
            while i + 1 < s.count {
                let pair = s[i].text + s[i + 1].text
                if pair == "编号" || pair == "姓名" {
                    // The label ends after its colon, if one follows.
                    var last = i + 1
                    while last + 1 < s.count, [":", "：", ";", "；"].contains(s[last + 1].text) { last += 1 }
                    // LSTM's boxes of single characters are loose (some twice as tall): the label's height and
                    // middle come from its smallest Chinese character, among the two and up to four before them.
                    let run = s[max(0, i - 4)...(i + 1)].filter { $0.text.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) } }
                    let smallest = run.min { $0.box.height < $1.box.height } ?? s[i]
                    let right = s[last].box.maxX
                    let box = GrayImage.Rect(x: s[i].box.x, y: smallest.box.y, width: right - s[i].box.x, height: smallest.box.height)
                    let label = Label(box: scaledRect(box, small.factor), charHeight: Int(Double(smallest.box.height) * small.factor))
                    if pair == "编号" { numbers.append(label) } else if name == nil { name = label }
                    i = last + 1
                } else {
                    i += 1
                }
            }
        }
        return (numbers, name)
    }

    private func scaledRect(_ r: GrayImage.Rect, _ f: Double) -> GrayImage.Rect {
        GrayImage.Rect(x: Int(Double(r.x) * f), y: Int(Double(r.y) * f), width: Int(Double(r.width) * f), height: Int(Double(r.height) * f))
    }

    /// The number right of its label, else below it: 12 digits or the best partial reading.
    func readNumber(_ page: GrayImage, label: Label, dpi: Int) -> ScanReading.Field? {
        guard let latin else { return nil }
        let h = label.charHeight
        let centre = label.box.y + label.box.height / 2
        let right = field(page, x: label.box.maxX - h / 2, centre: centre, width: 26 * h, charHeight: h)
        let below = field(page, x: label.box.x - h, centre: label.box.maxY + h + h / 4, width: 26 * h, charHeight: h)
        var best: ScanReading.Field?
        for crop in [right, below] {
            let field = readLine(crop, charHeight: h, dpi: dpi, engine: latin, digits: true)
            if let field, field.text.count == 12 { return field }
            if let field, field.text.count > (best?.text.count ?? 0) { best = field }
        }
        return best
    }

    func readName(_ page: GrayImage, label: Label, dpi: Int, engine: OCREngine) -> ScanReading.Field? {
        let h = label.charHeight
        let crop = field(page, x: label.box.maxX - h / 2, centre: label.box.y + label.box.height / 2, width: 10 * h, charHeight: h)
        return readLine(crop, charHeight: h, dpi: dpi, engine: engine, digits: false)
    }

    /// The band of one text line starting at `x` whose middle is at `centre` where it starts: cut tall, levelled
    /// (a scan skewed by 3° drifts a character height over a field's length), then cut to the line.
    func field(_ page: GrayImage, x: Int, centre: Int, width: Int, charHeight h: Int) -> GrayImage {
        let tall = page.cropped(GrayImage.Rect(x: x, y: centre - 3 * h, width: width, height: 6 * h))
        guard tall.width > h, tall.height > 2 * h else { return tall }
        let level = tall.sheared(by: tall.skewAngle(threshold: tall.otsuThreshold()))
        // The crop may start above the page's top: the line's middle is then less than 3h from the crop's top.
        let middle = min(3 * h, centre - max(0, centre - 3 * h))
        return level.cropped(GrayImage.Rect(x: 0, y: middle - h - h / 4, width: level.width, height: 2 * h + h / 2))
    }

    /// One field's characters: the crop cleaned to character-sized ink, read as one line; the run of wanted characters
    /// from the first one on, up to a gap wider than two characters. Digits: anything else inside the run is `?`.
    func readLine(_ crop: GrayImage, charHeight h: Int, dpi: Int, engine: OCREngine, digits: Bool) -> ScanReading.Field? {
        guard crop.width > h, crop.height > h / 2 else { return nil }
        let clean = crop.keepingCharacters(charHeight: h, minHeight: digits ? 0.45 : 0, frames: digits)
        guard clean.inkBounds() != nil else { return nil }
        var image = (digits ? clean.closingGaps(to: max(2, h / 6), keepGapsOver: 2 * h) : clean).padded(max(8, h / 2))
        var h = h
        if h > Self.readHeight + 4 {
            // LSTM reads best at its training size (characters about 30 pixels tall); bigger text is scaled down.
            image = image.downscaled(toWidth: image.width * Self.readHeight / h)
            h = Self.readHeight
        }
        var lines = engine.lines(in: image, layout: .singleLine, allowed: digits ? "0123456789" : nil, dpi: dpi, seconds: remaining)
        var field = run(in: lines, charHeight: h, digits: digits)
        if digits, (field?.text.count ?? 0) != 12 {
            // Under LSTM a whitelist can drop whole words: read again without it, and mark what is not a digit.
            lines = engine.lines(in: image, layout: .singleLine, dpi: dpi, seconds: remaining)
            if let second = run(in: lines, charHeight: h, digits: true), second.text.count == 12 || field == nil { field = second }
        }
        return field
    }

    private func run(in lines: [OCREngine.Line], charHeight h: Int, digits: Bool) -> ScanReading.Field? {
        var text = ""
        var confidences: [Int] = []
        var lastRight: Int?
        for symbol in lines.flatMap(\.symbols) {
            let char = symbol.text
            let isDigit = char.count == 1 && char.first!.isASCII && char.first!.isNumber
            let wanted = digits ? isDigit : char.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) || $0.value == 0xB7 }
            let filler = char.allSatisfy { $0 == " " || $0 == ":" || $0 == "：" || $0 == "_" || $0 == "-" }
            if text.isEmpty && !wanted { continue }  // leading punctuation
            if let lastRight, symbol.box.x - lastRight > 2 * h { break }  // the next field
            if filler { continue }
            if !wanted && !digits { break }
            if !wanted && char.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) { break }
            text += wanted ? char : "?"
            confidences.append(wanted ? Int(symbol.confidence.rounded(.down)) : 0)
            lastRight = symbol.box.maxX
        }
        // Trailing unknowns after a full number belong to something else.
        while text.count > 12, text.last == "?" {
            text.removeLast()
            confidences.removeLast()
        }
        return text.isEmpty ? nil : ScanReading.Field(text: text, confidences: confidences)
    }
}
