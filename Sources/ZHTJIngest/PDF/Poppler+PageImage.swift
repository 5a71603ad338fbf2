import CPoppler

extension Poppler {
    /// The largest image the scan path renders or takes, in pixels across (about 400 DPI on A4).
    static let maxImageWidth = 3400
    /// The resolution a page without one whole-page image is rendered at.
    static let renderDPI = 300.0

    /// Page 1 as a grey image for the barcode reader and OCR: the page's embedded image where one image covers the
    /// page (a scanner's output: no resampling, the scan's own resolution), else, with `renderIfNeeded`, the page
    /// rendered at 300 DPI. Returns the image, its resolution and where it came from (`embedded` or `rendered`).
    static func pageImage(_ page: OpaquePointer, renderIfNeeded: Bool) -> (image: GrayImage, dpi: Int, source: String)? {
        var pageWidth = 0.0, pageHeight = 0.0
        poppler_page_get_size(page, &pageWidth, &pageHeight)
        guard pageWidth > 1, pageHeight > 1, pageWidth < 20_000, pageHeight < 20_000 else { return nil }
        if let embedded = wholePageImage(page, pageWidth: pageWidth, pageHeight: pageHeight) { return embedded }
        guard renderIfNeeded else { return nil }
        let scale = min(renderDPI / 72, Double(maxImageWidth) / pageWidth)
        let width = Int32(pageWidth * scale), height = Int32(pageHeight * scale)
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cr = cairo_create(surface) else { return nil }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        poppler_page_render(page, cr)
        cairo_destroy(cr)
        guard let image = gray(surface) else { return nil }
        return (image, Int((scale * 72).rounded()), "rendered")
    }

    /// The one image that covers at least 90 % of the page, decoded at its own resolution.
    private static func wholePageImage(_ page: OpaquePointer, pageWidth: Double, pageHeight: Double) -> (image: GrayImage, dpi: Int, source: String)? {
        guard let list = poppler_page_get_image_mapping(page) else { return nil }
        defer { poppler_page_free_image_mapping(list) }
        var covering: Int32? = nil
        var count = 0
        var node: UnsafeMutablePointer<GList>? = list
        while let n = node {
            if let data = n.pointee.data {
                let mapping = data.assumingMemoryBound(to: PopplerImageMapping.self).pointee
                let area = abs(mapping.area.x2 - mapping.area.x1) * abs(mapping.area.y2 - mapping.area.y1)
                if area >= 0.9 * pageWidth * pageHeight { covering = mapping.image_id }
            }
            count += 1
            node = n.pointee.next
        }
        guard count == 1, let id = covering, let surface = poppler_page_get_image(page, id) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard var image = gray(surface) else { return nil }
        // The image's own resolution: its pixels across the page's width (landscape pages: across the long side).
        let across = image.width >= image.height ? max(pageWidth, pageHeight) : min(pageWidth, pageHeight)
        var dpi = Int((Double(image.width) / (across / 72)).rounded())
        if image.width > maxImageWidth {
            let target = maxImageWidth
            dpi = dpi * target / image.width
            image = image.downscaled(toWidth: target)
        }
        return (image, dpi, "embedded")
    }

    /// A cairo image surface (RGB24 or ARGB32) as grey levels; nil for other formats.
    private static func gray(_ surface: OpaquePointer) -> GrayImage? {
        cairo_surface_flush(surface)
        let format = cairo_image_surface_get_format(surface)
        guard format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32,
            let data = cairo_image_surface_get_data(surface)
        else { return nil }
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard width > 0, height > 0 else { return nil }
        var pixels = [UInt8](repeating: 255, count: width * height)
        let raw = UnsafeRawPointer(data)
        let alpha = format == CAIRO_FORMAT_ARGB32
        for y in 0..<height {
            let row = raw + y * stride
            for x in 0..<width {
                let p = row.loadUnaligned(fromByteOffset: x * 4, as: UInt32.self)
                let r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF
                var v = (r * 299 + g * 587 + b * 114) / 1000
                // Premultiplied: a transparent pixel is paper.
                if alpha { v += 255 - ((p >> 24) & 0xFF) }
                pixels[y * width + x] = UInt8(min(v, 255))
            }
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }
}
