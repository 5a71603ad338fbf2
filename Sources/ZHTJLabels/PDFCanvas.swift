import CCairo

/// A cairo PDF document written into memory, A4 pages, drawn in points. Owns the cairo handles; the drawing helpers
/// below are what label and cover sheets need (text in the Chinese font, QR codes).
final class PDFCanvas {
    static let width = 595.28
    static let height = 841.89
    static let font = "WenQuanYi Zen Hei"

    private final class Sink { var bytes: [UInt8] = [] }
    private let sink = Sink()
    private var surface: OpaquePointer?
    private(set) var cr: OpaquePointer?
    private(set) var pages = 0

    init(title: String) {
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        surface = cairo_pdf_surface_create_for_stream(
            { closure, data, length -> cairo_status_t in
                guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
                let sink = Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue()
                if let data, length > 0 { sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length))) }
                return CAIRO_STATUS_SUCCESS
            }, closure, Self.width, Self.height)
        cr = surface.flatMap { cairo_create($0) }
        if let surface {
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "zhtj")
        }
    }

    deinit {
        if let cr { cairo_destroy(cr) }
        if let surface { cairo_surface_destroy(surface) }
    }

    func endPage() {
        guard let cr else { return }
        cairo_show_page(cr)
        pages += 1
    }

    /// The finished PDF, or nil when cairo failed (out of memory).
    func finish() -> [UInt8]? {
        guard let surface else { return nil }
        if let cr { cairo_destroy(cr) }
        cr = nil
        cairo_surface_finish(surface)
        let ok = cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS
        cairo_surface_destroy(surface)
        self.surface = nil
        return ok ? sink.bytes : nil
    }

    /// `text` with its left end at `x` and its baseline at `y`, shrunk until it fits in `maxWidth`.
    func text(_ text: String, x: Double, y: Double, size: Double, maxWidth: Double, bold: Bool = false) {
        guard let cr else { return }
        cairo_select_font_face(cr, Self.font, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        var fontSize = size
        var extents = cairo_text_extents_t()
        repeat {
            cairo_set_font_size(cr, fontSize)
            cairo_text_extents(cr, text, &extents)
            if extents.x_advance <= maxWidth { break }
            fontSize *= 0.92
        } while fontSize > 4
        cairo_set_source_rgb(cr, 0, 0, 0)
        cairo_move_to(cr, x, y)
        cairo_show_text(cr, text)
    }

    /// A QR code `side` points square (quiet zone included) with its top left at (`x`, `y`).
    func qr(_ code: QRCode, x: Double, y: Double, side: Double) {
        guard let cr else { return }
        let quiet = 4
        let module = side / Double(code.size + 2 * quiet)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_rectangle(cr, x, y, side, side)
        cairo_fill(cr)
        cairo_set_source_rgb(cr, 0, 0, 0)
        for row in 0..<code.size {
            for col in 0..<code.size where code[col, row] {
                cairo_rectangle(cr, x + Double(col + quiet) * module, y + Double(row + quiet) * module, module, module)
            }
        }
        cairo_fill(cr)
    }

    /// A thin grey rule, for the cover sheet's frame.
    func line(from: (Double, Double), to: (Double, Double), grey: Double = 0.6, width: Double = 0.8) {
        guard let cr else { return }
        cairo_set_source_rgb(cr, grey, grey, grey)
        cairo_set_line_width(cr, width)
        cairo_move_to(cr, from.0, from.1)
        cairo_line_to(cr, to.0, to.1)
        cairo_stroke(cr)
    }
}
