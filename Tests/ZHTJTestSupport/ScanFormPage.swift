import CCairo

/// A rectangle in A4 point coordinates (origin top left).
struct PointRect {
    var x, y, width, height: Double
    var maxX: Double { x + width }
    var maxY: Double { y + height }
}

/// The printed application form that `ScanBuilder` scans, drawn in A4 point coordinates (595 x 842):
/// page 1 with the title, the member's name, the number in one `NumberLayout` and the other fields
/// filled in; later pages with "第N页" and the committee's remarks.
struct ScanFormPage {
    static let title = "中国共产主义青年团入团志愿书"
    static let pledge = "我志愿加入中国共产主义青年团，坚决拥护中国共产党的领导，遵守团的章程，执行团的决议，"
        + "履行团员义务，严守团的纪律，勤奋学习，积极工作，吃苦在前，享受在后，为共产主义事业而奋斗。"

    let number: String?
    let name: String
    let layout: NumberLayout
    /// Ink level (0 = black).
    let ink: Double
    private let fields: [(String, String)]
    private let joined: (year: Int, month: Int)
    /// Space between the boxes of the `boxed` layout: touching (0) or 2 points apart.
    private let boxGap: Double

    init(number: String?, name: String, layout: NumberLayout, ink: Double, seed: UInt64) {
        self.number = number.map { $0.replacingNULs() }
        self.name = name.replacingNULs()
        self.layout = layout
        self.ink = ink
        var rng = SplitMix64(seed: seed ^ 0x5CA1_AB1E)
        func pick(_ list: [String]) -> String { list[Int(rng.next() % UInt64(list.count))] }
        let birthYear = 2004 + Int(rng.next() % 5)
        let joinYear = number.flatMap { Int($0.prefix(4)) }.map { min(max($0, 2016), 2030) } ?? 2023
        joined = (joinYear, 3 + Int(rng.next() % 9))
        boxGap = rng.next() & 1 == 0 ? 0 : 2
        fields = [
            ("性别", pick(["男", "女"])),
            ("民族", pick(["汉族", "汉族", "汉族", "回族", "壮族", "满族", "苗族"])),
            ("出生年月", "\(birthYear)年\(1 + Int(rng.next() % 12))月"),
            ("籍贯", pick(["广东省广州市", "广东省佛山市", "湖南省长沙市", "江西省赣州市", "广西壮族自治区桂林市"])),
            ("文化程度", pick(["初中", "高中", "中专", "大专"])),
            ("入团时间", "\(joined.year)年\(joined.month)月"),
            ("所在团支部", pick(["计算机专业2023级3班团支部", "高一（5）班团支部", "初三（2）班团支部", "机电专业2022级1班团支部"])),
            ("入团介绍人", pick(["李明、王芳", "陈静、刘洋", "张伟、黄丽"])),
        ]
    }

    // MARK: - Pages

    /// Draws page `index` (1-based). On page 1, returns where the number's digits are (nil without a number).
    @discardableResult
    func draw(page index: Int, on cr: OpaquePointer) -> PointRect? {
        cairo_select_font_face(cr, PDFBuilder.fontFamily, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_source_rgb(cr, ink, ink, ink)
        cairo_set_line_width(cr, 1)
        return index == 1 ? drawFirst(cr) : drawLater(index, cr)
    }

    private func drawFirst(_ cr: OpaquePointer) -> PointRect? {
        var digits: PointRect? = nil
        if layout == .cover, let number {
            let text = "编号：\(number)"
            let width = advance(text, size: 10.5, cr)
            show(text, x: PDFBuilder.pageWidth - 56 - width, y: 52, size: 10.5, cr)
            digits = extents(number, x: PDFBuilder.pageWidth - 56 - advance(number, size: 10.5, cr), y: 52, size: 10.5, cr)
        }
        let titleWidth = advance(Self.title, size: 22, cr)
        show(Self.title, x: (PDFBuilder.pageWidth - titleWidth) / 2, y: 100, size: 22, cr)

        var y = 160.0
        show("姓名：\(name)", x: 72, y: y, size: 14, cr)
        y += 32
        if layout != .cover, let number {
            digits = drawNumber(number, y: y, cr)
            y += layout == .boxed ? 38 : 32
        }
        for (label, value) in fields {
            show("\(label)：\(value)", x: 72, y: y, size: 14, cr)
            y += 30
        }
        y += 8
        show("入团志愿：", x: 72, y: y, size: 14, cr)
        y += 26
        for line in wrap("    " + Self.pledge, width: PDFBuilder.pageWidth - 144, size: 13, cr) {
            show(line, x: 72, y: y, size: 13, cr)
            y += 23
        }
        show("申请人（签名）：\(name)", x: 300, y: 748, size: 13, cr)
        show("\(joined.year)年\(max(1, joined.month - 1))月10日", x: 380, y: 774, size: 13, cr)
        return digits
    }

    /// The number line of page 1 with its baseline at `y`; returns the digits' box.
    private func drawNumber(_ number: String, y: Double, _ cr: OpaquePointer) -> PointRect {
        let size = 14.0
        switch layout {
        case .plain, .cover:
            let label = "发展团员编号："
            show(label + number, x: 72, y: y, size: size, cr)
            return extents(number, x: 72 + advance(label, size: size, cr), y: y, size: size, cr)
        case .grouped:
            let label = "团员编号："
            let chars = Array(number)
            let groups = stride(from: 0, to: chars.count, by: 4).map { String(chars[$0..<min($0 + 4, chars.count)]) }
            let text = groups.joined(separator: " ")
            show(label + text, x: 72, y: y, size: size, cr)
            return extents(text, x: 72 + advance(label, size: size, cr), y: y, size: size, cr)
        case .underlined:
            let label = "发展团员编号："
            show(label, x: 72, y: y, size: size, cr)
            let start = 72 + advance(label, size: size, cr) + 14
            show(number, x: start, y: y, size: size, cr)
            let end = max(start + advance(number, size: size, cr) + 40, 400)
            cairo_set_line_width(cr, 0.8)
            cairo_move_to(cr, start - 10, y + 4)
            cairo_line_to(cr, end, y + 4)
            cairo_stroke(cr)
            return extents(number, x: start, y: y, size: size, cr)
        case .boxed:
            let label = "发展团员编号"
            show(label, x: 72, y: y, size: size, cr)
            let boxW = 14.0, boxH = 18.0, gap = boxGap
            let left = 72 + advance(label, size: size, cr) + 10
            let top = y - 14
            cairo_set_line_width(cr, 1)
            for (i, digit) in number.enumerated() {
                let x = left + Double(i) * (boxW + gap)
                cairo_rectangle(cr, x, top, boxW, boxH)
                cairo_stroke(cr)
                var e = cairo_text_extents_t()
                cairo_set_font_size(cr, 13)
                cairo_text_extents(cr, String(digit), &e)
                cairo_move_to(cr, x + (boxW - e.width) / 2 - e.x_bearing, top + (boxH - e.height) / 2 - e.y_bearing)
                cairo_show_text(cr, String(digit))
            }
            let count = Double(number.count)
            return PointRect(x: left, y: top, width: count * boxW + max(0, count - 1) * gap, height: boxH)
        }
    }

    private static let remarks = [
        ["团支部意见：", "经团支部大会讨论，同意接收该同志为中国共产主义青年团团员。", "团支部书记（签名）：",
         "上级团委审批意见：", "同意接收为中国共产主义青年团团员。", "（盖章）"],
        ["培养考察情况：", "该同志思想上进，学习认真，团结同学，积极参加团组织的各项活动。", "经培养考察，已具备入团条件。",
         "团员或团干部评议意见：", "同意。"],
        ["入团宣誓情况：", "已于团日活动中面向团旗进行入团宣誓。", "备注："],
    ]

    private func drawLater(_ index: Int, _ cr: OpaquePointer) -> PointRect? {
        show("第\(index)页", x: 72, y: 96, size: 15, cr)
        var y = 150.0
        for line in Self.remarks[(index - 2) % Self.remarks.count] {
            for part in wrap(line, width: PDFBuilder.pageWidth - 144, size: 14, cr) {
                show(part, x: 72, y: y, size: 14, cr)
                y += 28
            }
            if line.hasSuffix("：") == false { y += 14 }
        }
        show("\(joined.year)年\(joined.month)月\(10 + index)日", x: 380, y: y + 20, size: 13, cr)
        return nil
    }

    // MARK: - Text

    private func show(_ text: String, x: Double, y: Double, size: Double, _ cr: OpaquePointer) {
        cairo_set_font_size(cr, size)
        cairo_move_to(cr, x, y)
        cairo_show_text(cr, text)
    }

    private func advance(_ text: String, size: Double, _ cr: OpaquePointer) -> Double {
        var e = cairo_text_extents_t()
        cairo_set_font_size(cr, size)
        cairo_text_extents(cr, text, &e)
        return e.x_advance
    }

    /// The ink box of `text` drawn at (`x`, `y`).
    private func extents(_ text: String, x: Double, y: Double, size: Double, _ cr: OpaquePointer) -> PointRect {
        var e = cairo_text_extents_t()
        cairo_set_font_size(cr, size)
        cairo_text_extents(cr, text, &e)
        return PointRect(x: x + e.x_bearing, y: y + e.y_bearing, width: e.width, height: e.height)
    }

    /// Greedy wrap by characters (Chinese has no spaces between words).
    private func wrap(_ text: String, width: Double, size: Double, _ cr: OpaquePointer) -> [String] {
        var lines: [String] = [], current = ""
        for ch in text {
            if !current.isEmpty, advance(current + String(ch), size: size, cr) > width, !"，。、；：".contains(ch) {
                lines.append(current)
                current = ""
            }
            current.append(ch)
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
