import CCairo

/// A small deterministic PRNG (SplitMix64), so generated files are reproducible.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// Raster images that stand in for scanner output. All returned surfaces are
/// owned by the caller (release with `cairo_surface_destroy`); `nil` on failure.
enum ScanImage {
    /// Height in pixels of an A4 page `width` pixels wide.
    static func a4Height(forWidth width: Int) -> Int {
        max(1, Int((Double(width) * CairoPDFDocument.height / CairoPDFDocument.width).rounded()))
    }

    static func makeSurface(width: Int, height: Int) -> OpaquePointer? {
        guard width > 0, height > 0, width <= 20_000, height <= 30_000 else { return nil }
        guard let s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else { return nil }
        guard cairo_surface_status(s) == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(s)
            return nil
        }
        return s
    }

    /// A greyish page with `lines` rendered as pixels, slightly rotated, with
    /// speckles and faint smudges when `noise` is true.
    static func form(lines: [String], width: Int, noise: Bool, seed: UInt64) -> OpaquePointer? {
        let height = a4Height(forWidth: width)
        guard let surface = makeSurface(width: width, height: height),
              let cr = cairo_create(surface) else { return nil }
        defer { cairo_destroy(cr) }
        let scale = Double(width) / CairoPDFDocument.width
        var rng = SplitMix64(seed: seed)

        cairo_set_source_rgb(cr, noise ? 0.95 : 1, noise ? 0.95 : 1, noise ? 0.94 : 1)
        cairo_paint(cr)
        if noise {
            // Faint smudges, like paper texture and a dirty glass.
            for _ in 0..<12 {
                let g = 0.85 + 0.1 * rng.unit()
                cairo_set_source_rgba(cr, g, g, g, 0.2)
                cairo_arc(cr, rng.unit() * Double(width), rng.unit() * Double(height),
                          (0.02 + 0.08 * rng.unit()) * Double(width), 0, 2 * Double.pi)
                cairo_fill(cr)
            }
            // A dark band on the left edge, as from a scanner lid.
            cairo_set_source_rgb(cr, 0.55, 0.55, 0.55)
            cairo_rectangle(cr, 0, 0, Double(width) * 0.012, Double(height))
            cairo_fill(cr)
        }

        cairo_save(cr)
        cairo_scale(cr, scale, scale)
        if noise { cairo_rotate(cr, 0.004) }
        FormText.draw(lines, on: cr, grey: noise ? 0.18 : 0)
        cairo_restore(cr)

        if noise {
            // Speckles: about 0.3% of the pixels, as 1-2 px dots.
            let count = width * height / 300
            for _ in 0..<count {
                let g = rng.unit() * 0.6
                cairo_set_source_rgb(cr, g, g, g)
                cairo_rectangle(cr, Double(rng.next() % UInt64(width)), Double(rng.next() % UInt64(height)),
                                1 + Double(rng.next() & 1), 1)
                cairo_fill(cr)
            }
        }
        cairo_surface_flush(surface)
        return surface
    }

    /// Rows of the white band that carries the heading on a noise image.
    static func headerBandRows(forWidth width: Int) -> Int {
        Int((230 * Double(width) / CairoPDFDocument.width).rounded(.up))
    }

    /// An RGB image filled with random bytes (incompressible for deflate).
    /// `header` lines, if any, are drawn black on a white band at the top.
    static func noise(width: Int, height: Int, seed: UInt64, header: [String] = []) -> OpaquePointer? {
        guard let surface = makeSurface(width: width, height: height) else { return nil }
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        if let data = cairo_image_surface_get_data(surface) {
            var rng = SplitMix64(seed: seed)
            let raw = UnsafeMutableRawPointer(data)
            for offset in Swift.stride(from: 0, to: stride * height - 7, by: 8) {
                raw.storeBytes(of: rng.next(), toByteOffset: offset, as: UInt64.self)
            }
        }
        cairo_surface_mark_dirty(surface)
        if !header.isEmpty, let cr = cairo_create(surface) {
            let scale = Double(width) / CairoPDFDocument.width
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_rectangle(cr, 0, 0, Double(width), Double(min(height, headerBandRows(forWidth: width))))
            cairo_fill(cr)
            cairo_scale(cr, scale, scale)
            FormText.draw(header, on: cr)
            cairo_destroy(cr)
            cairo_surface_flush(surface)
        }
        return surface
    }
}
