/// An 8-bit greyscale raster (0 black, 255 white), row-major with no padding: page 1 of a scan as the barcode reader
/// and OCR see it. Pure Swift; the C wrappers (poppler, zbar, Tesseract) take and give this type only.
public struct GrayImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width >= 0 && height >= 0 && pixels.count == width * height, "GrayImage: \(width)x\(height) with \(pixels.count) pixels")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    public init(width: Int, height: Int, fill: UInt8 = 255) {
        self.init(width: width, height: height, pixels: [UInt8](repeating: fill, count: max(0, width) * max(0, height)))
    }

    public subscript(x: Int, y: Int) -> UInt8 {
        get { pixels[y * width + x] }
        set { pixels[y * width + x] = newValue }
    }

    /// A rectangle in pixels (left, top, width, height).
    public struct Rect: Sendable, Equatable {
        public var x: Int, y: Int, width: Int, height: Int
        public init(x: Int, y: Int, width: Int, height: Int) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }
        public var maxX: Int { x + width }
        public var maxY: Int { y + height }
    }

    /// The part of `rect` inside the image, copied (empty when they do not meet).
    public func cropped(_ rect: Rect) -> GrayImage {
        let x0 = max(0, rect.x), y0 = max(0, rect.y)
        let x1 = min(width, rect.maxX), y1 = min(height, rect.maxY)
        guard x1 > x0, y1 > y0 else { return GrayImage(width: 0, height: 0) }
        var out = [UInt8](repeating: 0, count: (x1 - x0) * (y1 - y0))
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in y0..<y1 {
                    let s = y * width + x0, d = (y - y0) * (x1 - x0)
                    for i in 0..<(x1 - x0) { dst[d + i] = src[s + i] }
                }
            }
        }
        return GrayImage(width: x1 - x0, height: y1 - y0, pixels: out)
    }

    /// Scaled down so that it is at most `maxWidth` wide (area average); unchanged when it is narrower already.
    public func downscaled(toWidth maxWidth: Int) -> GrayImage {
        guard maxWidth > 0, width > maxWidth, height > 0 else { return self }
        let outW = maxWidth
        let outH = max(1, Int((Double(height) * Double(outW) / Double(width)).rounded()))
        // Horizontal pass: each output column sums the source columns it covers; then the same vertically.
        var columns = [UInt32](repeating: 0, count: outW * height)
        var xStart = [Int](repeating: 0, count: outW + 1)
        for i in 0...outW { xStart[i] = i * width / outW }
        pixels.withUnsafeBufferPointer { src in
            columns.withUnsafeMutableBufferPointer { dst in
                for y in 0..<height {
                    let row = y * width
                    for ox in 0..<outW {
                        var sum: UInt32 = 0
                        for x in xStart[ox]..<xStart[ox + 1] { sum += UInt32(src[row + x]) }
                        dst[y * outW + ox] = sum / UInt32(xStart[ox + 1] - xStart[ox])
                    }
                }
            }
        }
        var out = [UInt8](repeating: 255, count: outW * outH)
        for oy in 0..<outH {
            let y0 = oy * height / outH, y1 = max(y0 + 1, (oy + 1) * height / outH)
            for ox in 0..<outW {
                var sum: UInt32 = 0
                for y in y0..<y1 { sum += columns[y * outW + ox] }
                out[oy * outW + ox] = UInt8(sum / UInt32(y1 - y0))
            }
        }
        return GrayImage(width: outW, height: outH, pixels: out)
    }

    /// Turned clockwise by `quarterTurns` × 90°.
    public func rotated(quarterTurns: Int) -> GrayImage {
        let turns = ((quarterTurns % 4) + 4) % 4
        guard turns != 0 else { return self }
        let outW = turns == 2 ? width : height, outH = turns == 2 ? height : width
        var out = [UInt8](repeating: 255, count: pixels.count)
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<height {
                    for x in 0..<width {
                        let (nx, ny): (Int, Int)
                        switch turns {
                        case 1: (nx, ny) = (height - 1 - y, x)
                        case 2: (nx, ny) = (width - 1 - x, height - 1 - y)
                        default: (nx, ny) = (y, width - 1 - x)
                        }
                        dst[ny * outW + nx] = src[y * width + x]
                    }
                }
            }
        }
        return GrayImage(width: outW, height: outH, pixels: out)
    }

    /// The threshold between ink and paper by Otsu's method.
    public func otsuThreshold() -> UInt8 {
        var histogram = [Int](repeating: 0, count: 256)
        for p in pixels { histogram[Int(p)] += 1 }
        let total = pixels.count
        guard total > 0 else { return 128 }
        var sumAll = 0.0
        for i in 0..<256 { sumAll += Double(i * histogram[i]) }
        var sumBack = 0.0, weightBack = 0, best = 0.0, threshold = 128
        for t in 0..<256 {
            weightBack += histogram[t]
            if weightBack == 0 { continue }
            let weightFore = total - weightBack
            if weightFore == 0 { break }
            sumBack += Double(t * histogram[t])
            let meanBack = sumBack / Double(weightBack)
            let meanFore = (sumAll - sumBack) / Double(weightFore)
            let between = Double(weightBack) * Double(weightFore) * (meanBack - meanFore) * (meanBack - meanFore)
            if between > best {
                best = between
                threshold = t
            }
        }
        return UInt8(threshold)
    }
}
