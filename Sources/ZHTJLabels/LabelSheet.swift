import ZHTJCore

/// Sheets of sticker labels and cover sheets for `zhtj labels` (issue 11). A label carries a QR code (see
/// `LabelEntry.qrText`), the number in digits, the member's name and branch; the branch sticks one on page 1 of each
/// paper form before scanning. A cover sheet is one A4 page per member, scanned in front of the form.
public enum LabelSheet {
    /// The grid of labels on an A4 sheet.
    public struct Layout: Sendable, Equatable {
        public var columns: Int
        public var rows: Int
        public var marginMM: Double
        public init(columns: Int = 3, rows: Int = 8, marginMM: Double = 8) {
            self.columns = max(1, columns)
            self.rows = max(1, rows)
            self.marginMM = max(0, marginMM)
        }

        static let point = 72 / 25.4
        var margin: Double { marginMM * Self.point }
        public var cellWidth: Double { (PDFCanvas.width - 2 * margin) / Double(columns) }
        public var cellHeight: Double { (PDFCanvas.height - 2 * margin) / Double(rows) }
        /// Label `index`'s cell on its sheet, `count` cells wide, in pixels of the sheet rendered at `dpi` (for cutting
        /// printed labels out of a rendered sheet).
        public func cell(_ index: Int, count: Int = 1, dpi: Int) -> (x: Int, y: Int, width: Int, height: Int) {
            let scale = Double(dpi) / 72, (x, y) = origin(index)
            return (Int(x * scale), Int(y * scale), Int(cellWidth * Double(count) * scale), Int(cellHeight * scale))
        }

        /// The top left of label `index` on its sheet, in points.
        public func origin(_ index: Int) -> (x: Double, y: Double) {
            let slot = index % (columns * rows)
            return (margin + Double(slot % columns) * cellWidth, margin + Double(slot / columns) * cellHeight)
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case nothingToPrint
        case cairo
        public var description: String {
            switch self {
            case .nothingToPrint: "没有需要打印标签的团员 / no member to print a label for (each needs an e-archive and a development number)"
            case .cairo: "生成PDF失败（内存不足？）/ the PDF could not be made (out of memory?): try fewer members at once"
            }
        }
    }

    /// Labels, `layout.columns × layout.rows` to a sheet, in the order given. Returns the PDF and its page count.
    public static func labels(_ entries: [LabelEntry], layout: Layout) throws -> (pdf: [UInt8], pages: Int) {
        guard !entries.isEmpty else { throw Failure.nothingToPrint }
        let canvas = PDFCanvas(title: "团员编号标签 / development number labels")
        let perSheet = layout.columns * layout.rows
        for (i, entry) in entries.enumerated() {
            let (x, y) = layout.origin(i)
            let pad = min(layout.cellHeight, layout.cellWidth) * 0.08
            let side = min(layout.cellHeight - 2 * pad, layout.cellWidth * 0.5)
            canvas.qr(try QRCode(entry.qrText(cover: false)), x: x + pad, y: y + (layout.cellHeight - side) / 2, side: side)
            let textX = x + pad + side + pad * 0.5
            let textWidth = layout.cellWidth - (textX - x) - pad
            let top = y + (layout.cellHeight - side) / 2
            canvas.text(entry.developmentNumber, x: textX, y: top + side * 0.3, size: 11, maxWidth: textWidth, bold: true)
            canvas.text(entry.name, x: textX, y: top + side * 0.58, size: 12, maxWidth: textWidth)
            canvas.text(entry.branch, x: textX, y: top + side * 0.82, size: 7, maxWidth: textWidth)
            if i % perSheet == perSheet - 1 || i == entries.count - 1 { canvas.endPage() }
        }
        let pages = canvas.pages
        guard let pdf = canvas.finish() else { throw Failure.cairo }
        return (pdf, pages)
    }

    /// One A4 cover sheet per member: a large QR code (its text ends in `|cover`), the number, name and branch, and
    /// where the sheet goes.
    public static func covers(_ entries: [LabelEntry]) throws -> (pdf: [UInt8], pages: Int) {
        guard !entries.isEmpty else { throw Failure.nothingToPrint }
        let canvas = PDFCanvas(title: "入团志愿书封面 / application form cover sheets")
        let w = PDFCanvas.width, m = 56.0
        for entry in entries {
            canvas.text("入团志愿书封面 / Cover sheet", x: m, y: 90, size: 22, maxWidth: w - 2 * m - 190, bold: true)
            canvas.qr(try QRCode(entry.qrText(cover: true)), x: w - m - 170, y: 50, side: 170)
            canvas.line(from: (m, 240), to: (w - m, 240))
            canvas.text("发展团员编号：\(entry.developmentNumber)", x: m, y: 300, size: 20, maxWidth: w - 2 * m)
            canvas.text("姓名：\(entry.name)", x: m, y: 350, size: 20, maxWidth: w - 2 * m)
            canvas.text("团支部：\(entry.branch)", x: m, y: 400, size: 14, maxWidth: w - 2 * m)
            canvas.line(from: (m, 440), to: (w - m, 440))
            canvas.text("请放在入团志愿书前，与志愿书一起扫描", x: m, y: 500, size: 16, maxWidth: w - 2 * m)
            canvas.text("Place in front of the form and scan them together.", x: m, y: 530, size: 13, maxWidth: w - 2 * m)
            canvas.text("本页作为第1页随志愿书一并归档 / this page is archived with the form as its page 1.", x: m, y: 570, size: 10, maxWidth: w - 2 * m)
            canvas.endPage()
        }
        let pages = canvas.pages
        guard let pdf = canvas.finish() else { throw Failure.cairo }
        return (pdf, pages)
    }
}
