import Foundation
import ZHTJCore

/// The electronic member card (R-W3) as an A4 PDF: identity, join date, development number, branch, status,
/// transfers, the fees of the last 12 months, rewards and sanctions, a QR code of the development number, and the
/// date it was made. In Chinese with English, in the WenQuanYi font; more pages when the lists need them.
public enum MemberCardPDF {
    public enum Failure: Error, CustomStringConvertible {
        case cairo
        public var description: String { "生成团员证PDF失败（内存不足？）/ the member card PDF could not be made (out of memory?)" }
    }

    static let margin = 50.0
    static let bottom = PDFCanvas.height - 70

    /// Draws `card`; returns the PDF and its page count.
    public static func render(_ card: MemberCard) throws -> (pdf: [UInt8], pages: Int) {
        let canvas = PDFCanvas(title: "电子团员证 \(card.name) / electronic member card")
        var page = Page(canvas: canvas, made: card.madeAt)
        try page.header(card)
        page.identity(card)
        page.section("组织关系转接 / Transfers")
        if card.transfers.isEmpty { page.line("无 / none") }
        for t in card.transfers {
            let to = t.outOfTree ? "转出至 \(t.to) / out of this tree" : t.to
            page.line("\(day(t.at))   \(t.from) → \(to)")
        }
        page.section("团费缴纳（近12个月） / League fees, last 12 months")
        page.fees(card.fees)
        page.section("奖励与处分 / Rewards and sanctions")
        if card.distinctions.isEmpty { page.line("无 / none") }
        for d in card.distinctions {
            let kind = d.kind == "sanction" ? "处分 sanction" : "奖励 award"
            page.line("\(d.date)   \(kind)   \(d.title)（\(d.level)）   \(d.grantedBy)   \(d.document)")
        }
        page.finishPage()
        let pages = canvas.pages
        guard let pdf = canvas.finish() else { throw Failure.cairo }
        return (pdf, pages)
    }

    static func day(_ date: Date) -> String {
        CivilDate(date).description
    }

    /// The page being drawn and where the next line goes.
    struct Page {
        let canvas: PDFCanvas
        let made: Date
        var y = 0.0
        let width = PDFCanvas.width - 2 * MemberCardPDF.margin

        init(canvas: PDFCanvas, made: Date) {
            self.canvas = canvas
            self.made = made
        }

        mutating func header(_ card: MemberCard) throws {
            let m = MemberCardPDF.margin, side = 120.0
            canvas.text("中国共产主义青年团 电子团员证", x: m, y: 80, size: 22, maxWidth: width - side - 10, bold: true)
            canvas.text("Electronic member card, Communist Youth League of China", x: m, y: 102, size: 10, maxWidth: width - side - 10)
            if let number = card.developmentNumber {
                canvas.qr(try QRCode(number), x: PDFCanvas.width - m - side, y: 40, side: side)
                canvas.text(number, x: PDFCanvas.width - m - side + 12, y: 172, size: 11, maxWidth: side - 12)
            }
            canvas.line(from: (m, 185), to: (PDFCanvas.width - m, 185))
            y = 215
        }

        mutating func identity(_ card: MemberCard) {
            var rows: [(String, String)] = [
                ("姓名 Name", card.name), ("身份证号码 ID number", card.idNumber), ("民族 Ethnicity", card.ethnicity),
                ("入团时间 Joined", card.joinDate), ("发展团员编号 Development number", card.developmentNumber ?? "—"),
                ("所在团支部 Branch", card.branch), ("认证状态 Status", "\(card.status.chinese) \(card.status.rawValue)"),
            ]
            if let departure = card.departure { rows.append(("已离开 Left", departure.description)) }
            for (label, value) in rows {
                canvas.text(label, x: MemberCardPDF.margin, y: y, size: 10, maxWidth: 180)
                canvas.text(value, x: MemberCardPDF.margin + 190, y: y, size: 12, maxWidth: width - 190, bold: true)
                y += 22
            }
        }

        mutating func section(_ title: String) {
            room(60)
            y += 14
            canvas.text(title, x: MemberCardPDF.margin, y: y, size: 13, maxWidth: width, bold: true)
            y += 6
            canvas.line(from: (MemberCardPDF.margin, y), to: (PDFCanvas.width - MemberCardPDF.margin, y), grey: 0.75, width: 0.5)
            y += 18
        }

        mutating func line(_ text: String) {
            room(18)
            canvas.text(text, x: MemberCardPDF.margin + 8, y: y, size: 10, maxWidth: width - 8)
            y += 17
        }

        /// Twelve months in two rows of six: the month and the amount, or 未缴 (not paid).
        mutating func fees(_ fees: [MemberCard.Fee]) {
            let columns = 6, cell = width / Double(columns)
            for rowStart in stride(from: 0, to: fees.count, by: columns) {
                room(34)
                for (i, fee) in fees[rowStart..<min(rowStart + columns, fees.count)].enumerated() {
                    let x = MemberCardPDF.margin + Double(i) * cell
                    canvas.text(fee.month, x: x, y: y, size: 9, maxWidth: cell - 6)
                    let amount = fee.amountFen.map { String(format: "¥%d.%02d", $0 / 100, $0 % 100) } ?? "未缴 unpaid"
                    canvas.text(amount, x: x, y: y + 14, size: 10, maxWidth: cell - 6, bold: fee.amountFen != nil)
                }
                y += 34
            }
        }

        /// A new page when fewer than `height` points are left.
        mutating func room(_ height: Double) {
            guard y + height > MemberCardPDF.bottom else { return }
            finishPage()
            y = 70
        }

        func finishPage() {
            canvas.text(
                "生成日期 Made on \(MemberCardPDF.day(made)) · 第\(canvas.pages + 1)页 page \(canvas.pages + 1) · zhtj",
                x: MemberCardPDF.margin, y: PDFCanvas.height - 40, size: 8, maxWidth: width)
            canvas.endPage()
        }
    }
}
