import CCairo
import Foundation

/// An image-only PDF written into a Swift buffer, one raster per page, each page sized to its raster's
/// shape: portrait A4 (595 x 842 points) or landscape (842 x 595). Images are deflated by cairo, or
/// embedded as JPEG (DCTDecode) when a quality is given.
///
/// Usage: `add(image:jpegQuality:)` per page, then `finish()`.
final class ScanPDFWriter {
    private let sink = ByteSink()
    private let surface: OpaquePointer?
    private var failed = false
    private var finished = false

    init() {
        surface = sink.pdfSurface()
        if let surface {
            // A fixed date keeps the output byte-for-byte reproducible.
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2024-05-04T09:00:00Z")
        }
    }

    deinit {
        if let surface { cairo_surface_destroy(surface) }
    }

    /// Adds one page showing `image` (not consumed: the caller still destroys it) over the whole page.
    /// With `jpegQuality`, the image's JPEG encoding is attached for cairo to embed; fails (the document
    /// becomes empty) when it cannot be made.
    func add(image: OpaquePointer, jpegQuality: Int?) {
        guard let surface, !finished, !failed else { return }
        let w = Double(cairo_image_surface_get_width(image)), h = Double(cairo_image_surface_get_height(image))
        guard w > 0, h > 0 else { failed = true; return }
        let landscape = w > h
        let pageWidth = landscape ? PDFBuilder.pageHeight : PDFBuilder.pageWidth
        let pageHeight = landscape ? PDFBuilder.pageWidth : PDFBuilder.pageHeight

        if let quality = jpegQuality {
            guard let jpeg = JPEGEncoder.encode(image, quality: quality, grey: ScanRaster.isGrey(image)),
                  let copy = malloc(jpeg.count) else { failed = true; return }
            jpeg.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: jpeg.count) }
            // cairo owns the copy from here and frees it when it drops the mime data.
            let status = cairo_surface_set_mime_data(image, "image/jpeg", copy.assumingMemoryBound(to: UInt8.self),
                                                     UInt(jpeg.count), { free($0) }, copy)
            guard status == CAIRO_STATUS_SUCCESS else { free(copy); failed = true; return }
        }

        cairo_pdf_surface_set_size(surface, pageWidth, pageHeight)
        guard let cr = cairo_create(surface) else { failed = true; return }
        cairo_scale(cr, pageWidth / w, pageHeight / h)
        cairo_set_source_surface(cr, image, 0, 0)
        // No /Interpolate on the image, as scanners write it.
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_FAST)
        cairo_paint(cr)
        cairo_show_page(cr)
        cairo_destroy(cr)
    }

    /// Finishes the document and returns the PDF bytes (empty if anything failed).
    func finish() -> [UInt8] {
        guard let surface, !finished else { return failed ? [] : sink.bytes }
        finished = true
        cairo_surface_finish(surface)
        guard !failed, cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return [] }
        return sink.bytes
    }
}
