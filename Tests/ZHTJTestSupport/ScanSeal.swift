import CCairo
import Foundation

/// The red round seal of a Youth League committee (公章): a ring, a five-pointed star, the committee's
/// name around the top and "专用章"-style text below the star, in semi-transparent, unevenly inked red.
/// Drawn in the current user space (A4 points).
enum ScanSeal {
    static let names = ["共青团广州市第一中学委员会", "共青团佛山市职业技术学校委员会", "共青团长沙市第三中学委员会",
                        "共青团广东省某某学院委员会"]

    /// A centre for a seal of `radius` over some of page 1's lines (the fields, the pledge or the
    /// signature) that keeps clear of `avoid` (the number's digits) by a margin.
    static func placement(radius: Double, avoid: PointRect?, rng: inout SplitMix64) -> (x: Double, y: Double) {
        let margin = 8.0
        // Areas (x range, y range) where a committee would stamp the form.
        let areas: [(ClosedRange<Double>, ClosedRange<Double>)] = [
            (180...300, 240...470), (150...460, 470...560), (380...470, 730...770),
        ]
        for attempt in 0..<300 {
            let area = areas[attempt < 200 ? Int(rng.next() % UInt64(areas.count)) : 2]
            let x = area.0.lowerBound + rng.unit() * (area.0.upperBound - area.0.lowerBound)
            let y = area.1.lowerBound + rng.unit() * (area.1.upperBound - area.1.lowerBound)
            guard let avoid else { return (x, y) }
            // Distance from the centre to the nearest point of the avoided rectangle.
            let dx = max(avoid.x - x, 0, x - avoid.maxX)
            let dy = max(avoid.y - y, 0, y - avoid.maxY)
            if (dx * dx + dy * dy).squareRoot() > radius + margin { return (x, y) }
        }
        return (420, 760)
    }

    static func draw(on cr: OpaquePointer, centre: (x: Double, y: Double), radius r: Double, rng: inout SplitMix64) {
        let name = names[Int(rng.next() % UInt64(names.count))]
        cairo_save(cr)
        cairo_new_path(cr)
        cairo_push_group(cr)
        cairo_translate(cr, centre.x, centre.y)
        cairo_rotate(cr, (rng.unit() - 0.5) * 0.5)
        cairo_set_source_rgb(cr, 0.86, 0.1, 0.12)

        // The ring.
        cairo_set_line_width(cr, r * 0.06)
        cairo_new_path(cr)
        cairo_arc(cr, 0, 0, r - r * 0.03, 0, 2 * Double.pi)
        cairo_stroke(cr)

        // The star.
        let outer = r * 0.3, inner = outer * 0.382
        for k in 0..<10 {
            let a = -Double.pi / 2 + Double(k) * Double.pi / 5
            let rr = k % 2 == 0 ? outer : inner
            if k == 0 { cairo_move_to(cr, rr * cos(a), rr * sin(a)) } else { cairo_line_to(cr, rr * cos(a), rr * sin(a)) }
        }
        cairo_close_path(cr)
        cairo_fill(cr)
        cairo_new_path(cr)

        // The name around the top, each character upright towards the rim.
        cairo_select_font_face(cr, PDFBuilder.fontFamily, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD)
        let chars = Array(name).map(String.init)
        let size = r * 0.22
        cairo_set_font_size(cr, size)
        let span = min(Double(chars.count) * 0.3, 4.2)
        let start = -Double.pi / 2 - span / 2
        for (i, ch) in chars.enumerated() {
            let a = start + (Double(i) + 0.5) * span / Double(chars.count)
            var e = cairo_text_extents_t()
            cairo_text_extents(cr, ch, &e)
            cairo_save(cr)
            cairo_rotate(cr, a + Double.pi / 2)
            cairo_move_to(cr, -e.x_advance / 2, -(r * 0.9) + size * 0.95)
            cairo_show_text(cr, ch)
            cairo_restore(cr)
        }

        // A short line of text below the star.
        let below = "团委专用章"
        cairo_set_font_size(cr, r * 0.17)
        var e = cairo_text_extents_t()
        cairo_text_extents(cr, below, &e)
        cairo_move_to(cr, -e.x_advance / 2, r * 0.62)
        cairo_show_text(cr, below)

        // Uneven ink: small pale spots knocked out of the impression.
        cairo_set_operator(cr, CAIRO_OPERATOR_DEST_OUT)
        for _ in 0..<60 {
            let a = rng.unit() * 2 * Double.pi, d = rng.unit() * r
            cairo_set_source_rgba(cr, 0, 0, 0, 0.3 + 0.5 * rng.unit())
            cairo_new_path(cr)
            cairo_arc(cr, d * cos(a), d * sin(a), r * (0.01 + 0.04 * rng.unit()), 0, 2 * Double.pi)
            cairo_fill(cr)
        }

        cairo_pop_group_to_source(cr)
        // Ink multiplies with what is printed below it: black text stays black.
        cairo_set_operator(cr, CAIRO_OPERATOR_MULTIPLY)
        cairo_paint_with_alpha(cr, 0.8)
        cairo_restore(cr)
    }
}
