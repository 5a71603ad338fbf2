import CCairo

/// Collects the bytes cairo streams out of a PDF surface.
final class ByteSink {
    var bytes: [UInt8] = []

    /// An A4 cairo PDF surface that streams into this sink (which must outlive it); nil if cairo fails.
    func pdfSurface() -> OpaquePointer? {
        let closure = Unmanaged.passUnretained(self).toOpaque()
        return cairo_pdf_surface_create_for_stream(
            { closure, data, length -> cairo_status_t in
                guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
                let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
                if let data, length > 0 {
                    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
                }
                return CAIRO_STATUS_SUCCESS
            },
            closure, CairoPDFDocument.width, CairoPDFDocument.height)
    }
}

/// A cairo PDF surface that writes into a Swift buffer (no temporary file).
///
/// Usage: create, call `page { cr in ... }` once per page, then `finish()`.
/// Every page is A4 (595 x 842 points).
final class CairoPDFDocument {
    static let width = 595.0
    static let height = 842.0

    private let sink = ByteSink()
    private let surface: OpaquePointer?
    private let cr: OpaquePointer?
    private var finished = false

    init() {
        surface = sink.pdfSurface()
        cr = surface.flatMap { cairo_create($0) }
        // A fixed date keeps the output byte-for-byte reproducible.
        setMetadata(CAIRO_PDF_METADATA_CREATE_DATE, "2024-05-04T09:00:00Z")
    }

    deinit {
        if let cr { cairo_destroy(cr) }
        if let surface { cairo_surface_destroy(surface) }
    }

    /// Sets one Info-dictionary entry (title, subject, keywords...). Empty values are skipped.
    func setMetadata(_ key: cairo_pdf_metadata_t, _ value: String?) {
        guard let surface, let value, !value.isEmpty else { return }
        cairo_pdf_surface_set_metadata(surface, key, value)
    }

    /// Draws one page; `draw` receives the cairo context in point coordinates.
    func page(_ draw: (OpaquePointer) -> Void) {
        guard let cr, !finished else { return }
        cairo_save(cr)
        draw(cr)
        cairo_restore(cr)
        cairo_show_page(cr)
    }

    /// Finishes the document and returns the PDF bytes (empty if cairo failed).
    func finish() -> [UInt8] {
        guard let surface, !finished else { return sink.bytes }
        finished = true
        if let cr { cairo_surface_flush(cairo_get_target(cr)) }
        cairo_surface_finish(surface)
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return [] }
        return sink.bytes
    }
}

/// A cairo image surface painted onto a PDF page, stretched to the page width.
func paintImage(_ image: OpaquePointer, on cr: OpaquePointer) {
    let w = Double(cairo_image_surface_get_width(image))
    let h = Double(cairo_image_surface_get_height(image))
    guard w > 0, h > 0 else { return }
    let scale = CairoPDFDocument.width / w
    cairo_save(cr)
    cairo_scale(cr, scale, scale)
    cairo_set_source_surface(cr, image, 0, 0)
    cairo_paint(cr)
    cairo_restore(cr)
}
