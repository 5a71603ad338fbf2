import Foundation

extension GrayImage {
    /// The skew of the text in this image, in radians within ±`maxDegrees` (positive: lines fall to the right):
    /// the angle whose sheared row profile of the ink is sharpest (largest sum of squares), in 0.25° steps.
    public func skewAngle(maxDegrees: Double = 4, threshold: UInt8) -> Double {
        var ink: [(x: Int, y: Int)] = []
        for y in 0..<height {
            for x in 0..<width where pixels[y * width + x] <= threshold { ink.append((x, y)) }
        }
        guard ink.count > 20 else { return 0 }
        var best = (angle: 0.0, score: -1.0)
        let steps = Int(maxDegrees * 4)
        let margin = Int(Double(width) * tan(maxDegrees * .pi / 180)) + 2
        var bins = [Int](repeating: 0, count: height + 2 * margin)
        for step in -steps...steps {
            let angle = Double(step) * 0.25 * .pi / 180
            let slope = tan(angle)
            for i in bins.indices { bins[i] = 0 }
            for p in ink {
                let row = p.y - Int((Double(p.x) * slope).rounded()) + margin
                if row >= 0, row < bins.count { bins[row] += 1 }
            }
            let score = bins.reduce(0.0) { $0 + Double($1 * $1) }
            // Ties go to the smaller angle (a level line stays level).
            if score > best.score + 1e-9 || (abs(score - best.score) < 1e-9 && abs(angle) < abs(best.angle)) { best = (angle, score) }
        }
        return best.angle
    }

    /// Each column `x` moved up by `x · tan(angle)` (a vertical shear about the left edge): text skewed by `angle`
    /// becomes level, and the left edge (where the field's label ends) stays where it was. Paper fills the gaps.
    public func sheared(by angle: Double) -> GrayImage {
        guard angle != 0 else { return self }
        let slope = tan(angle)
        var out = GrayImage(width: width, height: height)
        for x in 0..<width {
            let shift = Int((Double(x) * slope).rounded())
            for y in 0..<height {
                let source = y + shift
                if source >= 0, source < height { out.pixels[y * width + x] = pixels[source * width + x] }
            }
        }
        return out
    }
}
