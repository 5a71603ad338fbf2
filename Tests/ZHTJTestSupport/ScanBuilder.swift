import CCairo
import Foundation

/// Image-only PDFs that look like scanned application forms (入团志愿书), for OCR and barcode tests.
///
/// Every page is drawn in A4 points, rasterised at `ScanOptions.dpi` and put through the options'
/// skew, seal, soiling, blur and turning; the PDF has no text layer. The same arguments give the same
/// bytes. Nothing traps on odd arguments: page counts below 1 become 1, unreadable PNGs give an empty
/// array, as does a failure of cairo or (with `jpegQuality`) of `cjpeg`.
public enum ScanBuilder {
    /// Whether `cjpeg` (Debian package libjpeg-turbo-progs) is installed, which `jpegQuality` needs.
    public static var canWriteJPEG: Bool { JPEGEncoder.tool != nil }

    /// An image-only PDF: page 1 is the form with the title "中国共产主义青年团入团志愿书", "姓名：<name>",
    /// the number in `layout` (no number line when `number` is nil) and the other fields (性别、民族、出生年月、
    /// 入团时间、所在团支部 …) filled in; pages 2...`pages` read "第N页" with the committees' remarks.
    public static func form(number: String?, name: String, layout: NumberLayout, pages: Int = 2,
                            options: ScanOptions) -> [UInt8] {
        let writer = ScanPDFWriter()
        guard addForm(to: writer, pages: pages, number: number, name: name, layout: layout, options: options,
                      firstSeed: 0, extra: nil) else { return [] }
        return writer.finish()
    }

    /// As `form`, with a sticker pasted onto page 1 before scanning: the region `crop` (pixels) of the PNG
    /// at `stickerPNG`, placed with its top left at `at` (A4 points), sized from the PNG's `pngDPI` to real
    /// size and turned by `stickerDegrees` about its centre.
    public static func formWithSticker(number: String?, name: String, layout: NumberLayout, stickerPNG: String,
                                       pngDPI: Int, crop: (x: Int, y: Int, width: Int, height: Int),
                                       at: (x: Double, y: Double), stickerDegrees: Double, pages: Int = 2,
                                       options: ScanOptions) -> [UInt8] {
        guard let png = loadPNG(stickerPNG) else { return [] }
        defer { cairo_surface_destroy(png) }
        let pw = Int(cairo_image_surface_get_width(png)), ph = Int(cairo_image_surface_get_height(png))
        let x0 = min(max(crop.x, 0), pw), y0 = min(max(crop.y, 0), ph)
        let cw = min(max(crop.width, 0), pw - x0), ch = min(max(crop.height, 0), ph - y0)
        guard cw > 0, ch > 0 else { return [] }
        let points = 72 / Double(max(pngDPI, 1))
        let size = (width: Double(cw) * points, height: Double(ch) * points)
        let sticker: (OpaquePointer) -> Void = { cr in
            cairo_save(cr)
            cairo_translate(cr, at.x + size.width / 2, at.y + size.height / 2)
            cairo_rotate(cr, stickerDegrees * Double.pi / 180)
            cairo_translate(cr, -size.width / 2, -size.height / 2)
            // A faint shadow along the sticker's edge, as a pasted label casts under the scanner lamp.
            cairo_set_source_rgba(cr, 0, 0, 0, 0.18)
            cairo_rectangle(cr, 0.5, 0.7, size.width, size.height)
            cairo_fill(cr)
            cairo_rectangle(cr, 0, 0, size.width, size.height)
            cairo_clip(cr)
            cairo_scale(cr, points, points)
            cairo_set_source_surface(cr, png, -Double(x0), -Double(y0))
            cairo_paint(cr)
            cairo_restore(cr)
        }
        let writer = ScanPDFWriter()
        guard addForm(to: writer, pages: pages, number: number, name: name, layout: layout, options: options,
                      firstSeed: 0, extra: sticker) else { return [] }
        return writer.finish()
    }

    /// Scans of existing page images: each PNG (e.g. a cover sheet rendered by pdftoppm) becomes one
    /// page, stretched to A4; then `formPages` pages of the form follow (0 for none).
    public static func pages(pngs: [String], thenForm formPages: Int, number: String?, name: String,
                             layout: NumberLayout, options: ScanOptions) -> [UInt8] {
        let writer = ScanPDFWriter()
        for (index, path) in pngs.enumerated() {
            guard let png = loadPNG(path) else { return [] }
            defer { cairo_surface_destroy(png) }
            let w = Double(cairo_image_surface_get_width(png)), h = Double(cairo_image_surface_get_height(png))
            let page = scan(options: options, seed: pageSeed(options, index)) { cr in
                cairo_save(cr)
                cairo_scale(cr, PDFBuilder.pageWidth / w, PDFBuilder.pageHeight / h)
                cairo_set_source_surface(cr, png, 0, 0)
                cairo_paint(cr)
                cairo_restore(cr)
            }
            guard let page else { return [] }
            writer.add(image: page, jpegQuality: options.jpegQuality)
            cairo_surface_destroy(page)
        }
        if formPages > 0 {
            guard addForm(to: writer, pages: formPages, number: number, name: name, layout: layout,
                          options: options, firstSeed: pngs.count, extra: nil) else { return [] }
        }
        return writer.finish()
    }

    // MARK: - Helpers

    /// Scans the form's pages into `writer`; `extra` is pasted onto page 1 (above the print, below the seal).
    private static func addForm(to writer: ScanPDFWriter, pages: Int, number: String?, name: String,
                                layout: NumberLayout, options: ScanOptions, firstSeed: Int,
                                extra: ((OpaquePointer) -> Void)?) -> Bool {
        var inkRNG = SplitMix64(seed: options.seed)
        let ink = options.noise ? 0.12 + 0.08 * inkRNG.unit() : 0.05
        let form = ScanFormPage(number: number, name: name, layout: layout, ink: ink, seed: options.seed)
        for index in 1...max(1, min(pages, 500)) {
            let seed = pageSeed(options, firstSeed + index - 1)
            let page = scan(options: options, seed: seed) { cr in
                let digits = form.draw(page: index, on: cr)
                guard index == 1 else { return }
                extra?(cr)
                if options.stamp {
                    var rng = SplitMix64(seed: seed ^ 0x5EA1)
                    let radius = 52 + 8 * rng.unit()
                    let centre = ScanSeal.placement(radius: radius, avoid: digits, rng: &rng)
                    ScanSeal.draw(on: cr, centre: centre, radius: radius, rng: &rng)
                }
            }
            guard let page else { return false }
            writer.add(image: page, jpegQuality: options.jpegQuality)
            cairo_surface_destroy(page)
        }
        return true
    }

    private static func scan(options: ScanOptions, seed: UInt64, draw: (OpaquePointer) -> Void) -> OpaquePointer? {
        ScanRaster.render(options: options, seed: seed) { cr in
            cairo_set_antialias(cr, CAIRO_ANTIALIAS_GRAY)
            draw(cr)
        }
    }

    private static func pageSeed(_ options: ScanOptions, _ index: Int) -> UInt64 {
        var rng = SplitMix64(seed: options.seed &+ UInt64(index) &* 0x9E37_79B9)
        return rng.next()
    }

    private static func loadPNG(_ path: String) -> OpaquePointer? {
        guard let png = cairo_image_surface_create_from_png(path) else { return nil }
        guard cairo_surface_status(png) == CAIRO_STATUS_SUCCESS,
              cairo_image_surface_get_width(png) > 0, cairo_image_surface_get_height(png) > 0 else {
            cairo_surface_destroy(png)
            return nil
        }
        return png
    }
}
