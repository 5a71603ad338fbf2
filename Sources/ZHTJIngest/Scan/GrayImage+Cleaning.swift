extension GrayImage {
    /// A connected patch of ink (8-neighbour), by its bounding box and pixel count.
    public struct Component: Sendable, Equatable {
        public var box: Rect
        public var area: Int
    }

    /// The connected patches of ink (pixels at or below `threshold`) and, for each pixel, the index of its patch
    /// (-1 for paper).
    public func components(threshold: UInt8) -> (components: [Component], labels: [Int32]) {
        var labels = [Int32](repeating: -1, count: pixels.count)
        var found: [Component] = []
        var stack: [Int] = []
        for start in pixels.indices where pixels[start] <= threshold && labels[start] < 0 {
            let index = Int32(found.count)
            var minX = width, minY = height, maxX = 0, maxY = 0, area = 0
            labels[start] = index
            stack.append(start)
            while let p = stack.popLast() {
                let x = p % width, y = p / width
                area += 1
                minX = min(minX, x)
                maxX = max(maxX, x)
                minY = min(minY, y)
                maxY = max(maxY, y)
                for dy in -1...1 {
                    let ny = y + dy
                    guard ny >= 0, ny < height else { continue }
                    for dx in -1...1 {
                        let nx = x + dx
                        guard nx >= 0, nx < width else { continue }
                        let q = ny * width + nx
                        if labels[q] < 0, pixels[q] <= threshold {
                            labels[q] = index
                            stack.append(q)
                        }
                    }
                }
            }
            found.append(Component(box: Rect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1), area: area))
        }
        return (found, labels)
    }

    /// Black on white, with only the patches of ink that may be characters `charHeight` pixels tall: specks go, and
    /// so do rules (long and thin, even when skewed), frames (a box with a character inside: boxed-digit fields, a
    /// seal) and anything much taller than a line. OCR would read a box's edge as a 1. Characters that touch each other
    /// (a blurred scan) stay: they are neither thin nor hollow.
    /// `minHeight` (a fraction of `charHeight`) drops shorter patches too: a colon's dots, in a field of digits.
    /// `frames: false` keeps patches that hold others (a Chinese character is often several patches, one inside
    /// another's box).
    public func keepingCharacters(charHeight: Int, minHeight: Double = 0, frames: Bool = true) -> GrayImage {
        let threshold = otsuThreshold()
        let (parts, labels) = components(threshold: threshold)
        let h = Double(max(charHeight, 4))
        let speck = parts.map { Double($0.box.width) < 0.12 * h && Double($0.box.height) < 0.12 * h }
        let centres = parts.indices.filter { !speck[$0] }.map { (parts[$0].box.x + parts[$0].box.width / 2, parts[$0].box.y + parts[$0].box.height / 2, $0) }
        let keep = parts.indices.map { i -> Bool in
            let c = parts[i]
            let w = Double(c.box.width), hh = Double(c.box.height)
            if speck[i] || hh > 1.6 * h || w > 14 * h || hh < minHeight * h { return false }
            // Cut by the crop's edge: part of something else (another line, a character half outside).
            if c.box.x == 0 || c.box.y == 0 || c.box.maxX == width || c.box.maxY == height { return false }
            if w > 2.6 * h && hh < 0.15 * w { return false }  // a rule, an underline
            if frames, w * hh > 0.6 * h * h {
                // A frame: another patch's middle lies inside this one's box.
                let holds = centres.contains { $0.2 != i && $0.0 > c.box.x && $0.0 < c.box.maxX && $0.1 > c.box.y && $0.1 < c.box.maxY }
                if holds { return false }
            }
            return true
        }
        var out = GrayImage(width: width, height: height)
        for i in labels.indices where labels[i] >= 0 && keep[Int(labels[i])] { out.pixels[i] = 0 }
        return out
    }

    /// The bounding box of the ink (pixels at or below `threshold`), or nil on a blank image.
    public func inkBounds(threshold: UInt8 = 128) -> Rect? {
        var minX = width, minY = height, maxX = -1, maxY = -1
        for y in 0..<height {
            for x in 0..<width where pixels[y * width + x] <= threshold {
                minX = min(minX, x)
                maxX = max(maxX, x)
                minY = min(minY, y)
                maxY = max(maxY, y)
            }
        }
        guard maxX >= 0 else { return nil }
        return Rect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1)
    }

    /// A white margin of `margin` pixels on every side (Tesseract reads a line better with some paper around it).
    public func padded(_ margin: Int) -> GrayImage {
        var out = GrayImage(width: width + 2 * margin, height: height + 2 * margin)
        for y in 0..<height {
            for x in 0..<width { out[x + margin, y + margin] = self[x, y] }
        }
        return out
    }
}

extension GrayImage {
    /// The characters of a one-line field set at even spacing: the ink columns are cut where no column has ink,
    /// and every gap up to `keepGapsOver` pixels becomes `gap` pixels. LSTM is unsure of the first character after a
    /// wide gap ("2023 4401 0123", one digit per box), so a field reads better closed up; wider gaps (the next field)
    /// stay.
    public func closingGaps(to gap: Int, keepGapsOver: Int) -> GrayImage {
        var inkColumns = [Bool](repeating: false, count: width)
        for y in 0..<height {
            for x in 0..<width where pixels[y * width + x] < 128 { inkColumns[x] = true }
        }
        var runs: [(start: Int, end: Int)] = []
        var x = 0
        while x < width {
            guard inkColumns[x] else {
                x += 1
                continue
            }
            let start = x
            while x < width, inkColumns[x] { x += 1 }
            runs.append((start, x))
        }
        guard runs.count > 1 else { return self }
        var columns: [Int] = []  // source column for each output column, -1 for paper
        let lead = min(runs[0].start, gap * 2)
        columns += [Int](repeating: -1, count: lead)
        for (i, run) in runs.enumerated() {
            if i > 0 {
                let space = run.start - runs[i - 1].end
                columns += [Int](repeating: -1, count: space > keepGapsOver ? space : gap)
            }
            columns += Array(run.start..<run.end)
        }
        columns += [Int](repeating: -1, count: min(width - runs[runs.count - 1].end, gap * 2))
        var out = GrayImage(width: columns.count, height: height)
        for y in 0..<height {
            for (ox, sx) in columns.enumerated() where sx >= 0 { out.pixels[y * columns.count + ox] = pixels[y * width + sx] }
        }
        return out
    }
}
