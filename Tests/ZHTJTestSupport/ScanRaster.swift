import CCairo
import Foundation

/// Renders one A4 page as a scanner would: drawn into an RGB24 raster, skewed, soiled, blurred and
/// turned. Returned surfaces belong to the caller (`cairo_surface_destroy`).
enum ScanRaster {
    /// Raster size of an upright A4 page at `dpi`.
    static func size(dpi: Int) -> (width: Int, height: Int) {
        let width = Int((8.2677 * Double(dpi)).rounded())
        return (width, ScanImage.a4Height(forWidth: width))
    }

    /// Renders a page. `draw` paints the paper's content in A4 point coordinates (already skewed).
    static func render(options: ScanOptions, seed: UInt64, draw: (OpaquePointer) -> Void) -> OpaquePointer? {
        let (width, height) = size(dpi: min(max(options.dpi, 50), 600))
        guard let surface = ScanImage.makeSurface(width: width, height: height) else { return nil }
        guard let cr = cairo_create(surface) else { cairo_surface_destroy(surface); return nil }
        var rng = SplitMix64(seed: seed)
        let paper = options.noise ? 0.9 + 0.06 * rng.unit() : 1
        cairo_set_source_rgb(cr, paper, paper, paper)
        cairo_paint(cr)

        let scale = Double(width) / PDFBuilder.pageWidth
        cairo_save(cr)
        cairo_scale(cr, scale, scale)
        if options.skewDegrees != 0 {
            cairo_translate(cr, PDFBuilder.pageWidth / 2, PDFBuilder.pageHeight / 2)
            cairo_rotate(cr, options.skewDegrees * Double.pi / 180)
            cairo_translate(cr, -PDFBuilder.pageWidth / 2, -PDFBuilder.pageHeight / 2)
        }
        draw(cr)
        cairo_restore(cr)
        if options.noise { soil(cr, width: width, height: height, rng: &rng) }
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        if options.noise { speckle(surface, rng: &rng) }
        if options.blur > 0 { boxBlur(surface, radius: min(options.blur, 20)) }
        let turns = ((options.quarterTurns % 4) + 4) % 4
        guard turns != 0 else { return surface }
        defer { cairo_surface_destroy(surface) }
        return turned(surface, quarterTurns: turns)
    }

    /// Smudges (dirty glass, paper texture) and a dark band along one edge (the scanner lid).
    private static func soil(_ cr: OpaquePointer, width: Int, height: Int, rng: inout SplitMix64) {
        let w = Double(width), h = Double(height)
        cairo_new_path(cr)
        for _ in 0..<12 {
            let g = 0.6 + 0.25 * rng.unit()
            let x = rng.unit() * w, y = rng.unit() * h, r = (0.02 + 0.07 * rng.unit()) * w
            // Soft-edged: darkest in the middle, fading out.
            guard let smudge = cairo_pattern_create_radial(x, y, 0, x, y, r) else { continue }
            cairo_pattern_add_color_stop_rgba(smudge, 0, g, g, g, 0.12 + 0.12 * rng.unit())
            cairo_pattern_add_color_stop_rgba(smudge, 1, g, g, g, 0)
            cairo_set_source(cr, smudge)
            cairo_arc(cr, x, y, r, 0, 2 * Double.pi)
            cairo_fill(cr)
            cairo_pattern_destroy(smudge)
        }
        let g = 0.4 + 0.2 * rng.unit()
        let band = (0.008 + 0.01 * rng.unit()) * w
        cairo_set_source_rgb(cr, g, g, g)
        switch rng.next() % 4 {
        case 0: cairo_rectangle(cr, 0, 0, band, h)
        case 1: cairo_rectangle(cr, w - band, 0, band, h)
        case 2: cairo_rectangle(cr, 0, 0, w, band)
        default: cairo_rectangle(cr, 0, h - band, w, band)
        }
        cairo_fill(cr)
    }

    /// Speckles: about 0.3% of the pixels become dark 1-2 px dots.
    private static func speckle(_ surface: OpaquePointer, rng: inout SplitMix64) {
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        guard let data = cairo_image_surface_get_data(surface) else { return }
        let pixels = UnsafeMutableRawPointer(data).bindMemory(to: UInt32.self, capacity: stride * height)
        for _ in 0..<(width * height / 300) {
            let x = Int(rng.next() % UInt64(width - 1)), y = Int(rng.next() % UInt64(height))
            let g = UInt32(rng.unit() * 150)
            let value = 0xFF00_0000 | g << 16 | g << 8 | g
            pixels[y * stride + x] = value
            if rng.next() & 1 == 0 { pixels[y * stride + x + 1] = value }
        }
        cairo_surface_mark_dirty(surface)
    }

    /// A separable box blur of `radius` pixels (each channel, edges clamped).
    static func boxBlur(_ surface: OpaquePointer, radius: Int) {
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        guard radius > 0, width > 0, height > 0, let data = cairo_image_surface_get_data(surface) else { return }
        let pixels = UnsafeMutableRawPointer(data).bindMemory(to: UInt32.self, capacity: stride * height)
        let line = UnsafeMutablePointer<UInt32>.allocate(capacity: max(width, height))
        defer { line.deallocate() }
        // One pass over `count` pixels starting at `base`, `step` apart.
        func pass(base: Int, step: Int, count: Int) {
            for i in 0..<count { line[i] = pixels[base + i * step] }
            let window = UInt32(2 * radius + 1)
            var r: UInt32 = 0, g: UInt32 = 0, b: UInt32 = 0
            for k in -radius...radius {
                let p = line[min(max(k, 0), count - 1)]
                r += p >> 16 & 0xFF; g += p >> 8 & 0xFF; b += p & 0xFF
            }
            for i in 0..<count {
                pixels[base + i * step] = 0xFF00_0000 | (r / window) << 16 | (g / window) << 8 | (b / window)
                let out = line[max(i - radius, 0)], into = line[min(i + radius + 1, count - 1)]
                r = r + (into >> 16 & 0xFF) - (out >> 16 & 0xFF)
                g = g + (into >> 8 & 0xFF) - (out >> 8 & 0xFF)
                b = b + (into & 0xFF) - (out & 0xFF)
            }
        }
        for y in 0..<height { pass(base: y * stride, step: 1, count: width) }
        for x in 0..<width { pass(base: x, step: stride, count: height) }
        cairo_surface_mark_dirty(surface)
    }

    /// `image` turned clockwise by `quarterTurns` × 90°.
    static func turned(_ image: OpaquePointer, quarterTurns: Int) -> OpaquePointer? {
        let w = Double(cairo_image_surface_get_width(image)), h = Double(cairo_image_surface_get_height(image))
        let sideways = quarterTurns % 2 == 1
        guard let out = ScanImage.makeSurface(width: Int(sideways ? h : w), height: Int(sideways ? w : h)),
              let cr = cairo_create(out) else { return nil }
        switch quarterTurns {
        case 1: cairo_translate(cr, h, 0); cairo_rotate(cr, Double.pi / 2)
        case 2: cairo_translate(cr, w, h); cairo_rotate(cr, Double.pi)
        default: cairo_translate(cr, 0, w); cairo_rotate(cr, -Double.pi / 2)
        }
        cairo_set_source_surface(cr, image, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST)
        cairo_paint(cr)
        cairo_destroy(cr)
        cairo_surface_flush(out)
        return out
    }

    /// Whether every pixel is grey (R = G = B), so the page can be stored with one channel.
    static func isGrey(_ surface: OpaquePointer) -> Bool {
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        guard let data = cairo_image_surface_get_data(surface) else { return false }
        let pixels = UnsafeMutableRawPointer(data).bindMemory(to: UInt32.self, capacity: stride * height)
        for y in 0..<height {
            for x in 0..<width {
                let p = pixels[y * stride + x]
                if p >> 16 & 0xFF != p & 0xFF || p >> 8 & 0xFF != p & 0xFF { return false }
            }
        }
        return true
    }
}
