import Testing
@testable import ZHTJIngest

/// The pure image steps of the scan reader (issue 11), on drawn rasters: no files, no C libraries.
@Suite struct GrayImageTests {
    /// A white image with black rectangles (x, y, width, height).
    func image(_ width: Int, _ height: Int, _ rects: [(Int, Int, Int, Int)]) -> GrayImage {
        var g = GrayImage(width: width, height: height)
        for (x, y, w, h) in rects {
            for yy in y..<(y + h) { for xx in x..<(x + w) { g[xx, yy] = 0 } }
        }
        return g
    }

    @Test func turnsAndScales() {
        let g = image(4, 2, [(0, 0, 1, 1)])
        let turned = g.rotated(quarterTurns: 1)
        #expect(turned.width == 2 && turned.height == 4)
        #expect(turned[1, 0] == 0)  // the top left corner went to the top right
        #expect(g.rotated(quarterTurns: 4) == g)
        #expect(g.rotated(quarterTurns: 2).rotated(quarterTurns: 2) == g)
        let big = image(100, 50, [(0, 0, 50, 50)])
        let small = big.downscaled(toWidth: 10)
        #expect(small.width == 10 && small.height == 5)
        #expect(small[0, 0] == 0 && small[9, 4] == 255)
    }

    // Boxes, underlines and specks go; characters, even touching ones, stay.
    @Test func keepsOnlyCharacters() {
        let h = 20
        var rects: [(Int, Int, Int, Int)] = []
        // A box frame (1 px lines, 22 × 26) with a "digit" inside it.
        rects += [(10, 10, 22, 1), (10, 35, 22, 1), (10, 10, 1, 26), (31, 10, 1, 26), (17, 15, 8, 16)]
        // An underline 200 px long under three touching "digits" (a blurred run), and a speck.
        rects += [(60, 40, 200, 2), (70, 15, 30, 16), (150, 5, 1, 1)]
        let clean = image(300, 60, rects).keepingCharacters(charHeight: h)
        #expect(clean[10, 20] == 255 && clean[31, 20] == 255)  // the frame's sides
        #expect(clean[20, 20] == 0)  // the digit inside
        #expect(clean[120, 40] == 255)  // the underline
        #expect(clean[80, 20] == 0)  // the touching run
        #expect(clean[150, 5] == 255)  // the speck
        // A patch cut by the crop's edge is part of something else.
        #expect(image(50, 40, [(0, 10, 8, 16)]).keepingCharacters(charHeight: h).inkBounds() == nil)
    }

    @Test func closesGapsButKeepsTheNextField() {
        // Three characters 8 px wide: gaps of 12 and 12, then 100 (another field).
        let g = image(200, 20, [(2, 2, 8, 16), (22, 2, 8, 16), (42, 2, 8, 16), (150, 2, 8, 16)])
        let closed = g.closingGaps(to: 2, keepGapsOver: 40)
        #expect(closed.width == 2 + 8 + 2 + 8 + 2 + 8 + 100 + 8 + 4)
    }

    // A line drawn falling 2° to the right is measured as 2°, and levelled by the shear.
    @Test func measuresAndLevelsSkew() {
        var g = GrayImage(width: 400, height: 80)
        let slope = 0.0349  // tan 2°
        for x in 0..<400 {
            for t in 0..<3 { g[x, 30 + Int((Double(x) * slope).rounded()) + t] = 0 }
        }
        let angle = g.skewAngle(threshold: 128)
        #expect(abs(angle * 180 / .pi - 2) <= 0.25)
        let level = g.sheared(by: angle)
        #expect(level[0, 31] == 0 && level[399, 31] == 0)
    }
}
