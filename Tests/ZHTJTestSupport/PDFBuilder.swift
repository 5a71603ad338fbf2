import CCairo

/// Builds PDF files in memory with cairo. Every page is A4 (595 x 842 points).
///
/// None of these functions trap on odd arguments: page counts below 1 become 1,
/// image widths are clamped to 16...5000 pixels. If cairo itself fails (out of
/// memory), the result is an empty array.
public enum PDFBuilder {
    /// A4 in PDF points.
    public static let pageWidth = 595.0
    public static let pageHeight = 842.0
    /// The Chinese font used for every text (package fonts-wqy-zenhei).
    public static let fontFamily = "WenQuanYi Zen Hei"

    /// A PDF with a real text layer. Page 1 reads
    /// "中国共产主义青年团入团志愿书", "姓名：<name>", "发展团员编号：<number>"
    /// (that line is left out when `number` is nil), then `extraPage1Text`;
    /// pages 2...n read "第N页".
    public static func textForm(number: String?, name: String = "李明", pages: Int = 1,
                                extraPage1Text: [String] = []) -> [UInt8] {
        textDocument(number: number, name: name, pages: pages, extra: extraPage1Text) { _ in }
    }

    /// Image-only pages with the same wording as `textForm`, rendered as a
    /// greyish raster (`pixelsWide` pixels across the page, 1240 ≈ 150 dpi) with
    /// speckles and smudges when `noise` is true. There is no text layer.
    public static func scannedForm(number: String?, pages: Int = 1, pixelsWide: Int = 1240,
                                   quality noise: Bool = true) -> [UInt8] {
        let count = max(1, pages)
        let width = min(max(16, pixelsWide), 5000)
        let doc = CairoPDFDocument()
        for index in 1...count {
            let lines = FormText.lines(page: index, number: number, name: "李明", extra: [])
            guard let image = ScanImage.form(lines: lines, width: width, noise: noise,
                                             seed: UInt64(index)) else { return [] }
            doc.page { cr in paintImage(image, on: cr) }
            cairo_surface_destroy(image)
        }
        return doc.finish()
    }

    /// A valid, image-only PDF of exactly `targetBytes` bytes (targets below
    /// ~5.2 KB give the smallest file this makes, about 5 KB): pages of
    /// random-noise images (1240 px wide; deflate cannot shrink them), page 1
    /// with the form's heading and number as pixels on a white band when there
    /// is room. The last few KB are a padding stream in an incremental update.
    /// E.g. `sized(targetBytes: 20 * 1024 * 1024 + 1, number: ...)`.
    public static func sized(targetBytes: Int, number: String?) -> [UInt8] {
        let target = max(0, min(targetBytes, 1 << 31))
        let header = FormText.firstPage(number: number, name: "李明", extra: [])
        // Leave room for the PDF wrapper (~1.3 KB + ~0.7 KB a page) and for
        // deflate's stored-block overhead (~0.03% on random data), then pad.
        let pages = target / (1240 * 1754 * 3) + 1
        var budget = target - 4096 - 1024 * pages - target / 1000
        var pdf: [UInt8] = []
        for _ in 0..<4 {
            pdf = noiseDocument(rawBytes: budget, header: header)
            if pdf.isEmpty || pdf.count == target { return pdf }
            if pdf.count < target, let exact = RawPDF.padded(pdf, to: target) { return exact }
            // Too big (or too close to pad): shrink and render again.
            if budget <= 0 { break }
            budget -= max(0, pdf.count - target) + 16 * 1024
        }
        return pdf
    }

    /// A text form (as `textForm(number:)`) whose Info dictionary carries the
    /// given title, subject and keywords (nil or empty entries are left out).
    public static func withMetadata(number: String?, title: String?, subject: String?,
                                    keywords: String?) -> [UInt8] {
        textDocument(number: number, name: "李明", pages: 1, extra: []) { doc in
            doc.setMetadata(CAIRO_PDF_METADATA_TITLE, title)
            doc.setMetadata(CAIRO_PDF_METADATA_SUBJECT, subject)
            doc.setMetadata(CAIRO_PDF_METADATA_KEYWORDS, keywords)
        }
    }

    // MARK: - Helpers

    private static func textDocument(number: String?, name: String, pages: Int, extra: [String],
                                     configure: (CairoPDFDocument) -> Void) -> [UInt8] {
        let doc = CairoPDFDocument()
        configure(doc)
        for index in 1...max(1, pages) {
            let lines = FormText.lines(page: index, number: number, name: name, extra: extra)
            doc.page { cr in FormText.draw(lines, on: cr) }
        }
        return doc.finish()
    }

    /// Pages of noise images totalling about `rawBytes` of RGB data.
    private static func noiseDocument(rawBytes: Int, header: [String]) -> [UInt8] {
        let width = 1240
        let fullHeight = ScanImage.a4Height(forWidth: width)
        let rowBytes = width * 3
        let bandRows = ScanImage.headerBandRows(forWidth: width)
        var remaining = max(rawBytes, 0)
        // Page 1's white heading band holds no noise; add its rows when it fits.
        if remaining > 16 * rowBytes { remaining += bandRows * rowBytes }
        var heights: [Int] = []
        repeat {
            let rows = min(fullHeight, max(1, (remaining + rowBytes - 1) / rowBytes))
            heights.append(rows)
            remaining -= rows * rowBytes
        } while remaining > 0

        let doc = CairoPDFDocument()
        for (index, rows) in heights.enumerated() {
            let withHeader = index == 0 && rows > bandRows + 16
            guard let image = ScanImage.noise(width: width, height: rows, seed: UInt64(index + 1),
                                              header: withHeader ? header : []) else { return [] }
            doc.page { cr in paintImage(image, on: cr) }
            cairo_surface_destroy(image)
        }
        return doc.finish()
    }
}
