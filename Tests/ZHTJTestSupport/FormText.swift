import CCairo

/// The wording and layout of the generated application forms, shared by the
/// text-layer PDFs and the rendered ("scanned") images.
enum FormText {
    static let fontFamily = "WenQuanYi Zen Hei"
    static let title = "中国共产主义青年团入团志愿书"

    /// Lines of page 1: title, name, optional number, then the extras.
    static func firstPage(number: String?, name: String, extra: [String]) -> [String] {
        var lines = [title, "姓名：\(name)"]
        if let number { lines.append("发展团员编号：\(number)") }
        lines.append(contentsOf: extra)
        return lines
    }

    /// Lines of page `index` (1-based) when it is not the first page.
    static func laterPage(_ index: Int) -> [String] {
        ["第\(index)页"]
    }

    /// Lines for a 1-based page index.
    static func lines(page index: Int, number: String?, name: String, extra: [String]) -> [String] {
        index == 1 ? firstPage(number: number, name: name, extra: extra) : laterPage(index)
    }

    /// Draws `lines` with the toy text API in A4 point coordinates: the first
    /// line as a heading, the rest below it. `grey` is the ink level (0 = black).
    static func draw(_ lines: [String], on cr: OpaquePointer, grey: Double = 0) {
        cairo_select_font_face(cr, fontFamily, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_source_rgb(cr, grey, grey, grey)
        var y = 110.0
        for (i, line) in lines.enumerated() {
            let size = i == 0 ? 24.0 : 15.0
            cairo_set_font_size(cr, size)
            cairo_move_to(cr, i == 0 ? 128 : 80, y)
            // Embedded NULs would cut the C string short; drop them.
            cairo_show_text(cr, line.replacingNULs())
            y += i == 0 ? 60 : 30
            if y > CairoPDFDocument.height - 60 { break }
        }
    }
}

extension String {
    func replacingNULs() -> String {
        contains("\0") ? String(unicodeScalars.filter { $0 != "\0" }) : self
    }
}
