/// How a generated form is "scanned" (see `ScanBuilder`).
public struct ScanOptions: Sendable {
    /// Scan resolution, 150...300 (clamped to 50...600): the raster is round(8.2677 in × dpi) pixels wide.
    public var dpi: Int
    /// Rotation of the page content about the page centre, in degrees (e.g. -3...3).
    public var skewDegrees: Double
    /// Quarter turns (clockwise) of the final raster: 0 upright, 1 sideways, 2 upside down, 3 sideways
    /// the other way. For 1 and 3 the PDF page is landscape (842 x 595 points).
    public var quarterTurns: Int
    /// Grey paper, smudges, speckles and a dark band at one edge.
    public var noise: Bool
    /// Box-blur radius in pixels (0: none).
    public var blur: Int
    /// When set, the page images are embedded as real JPEG (DCTDecode) at this quality (1...100),
    /// encoded by `cjpeg` (Debian package libjpeg-turbo-progs). Otherwise they are deflated.
    public var jpegQuality: Int?
    /// A semi-transparent red round seal over some of page 1's lines, never over the number's digits.
    public var stamp: Bool
    /// Seeds every random choice: the same options give the same bytes.
    public var seed: UInt64

    public init(dpi: Int = 300, skewDegrees: Double = 0, quarterTurns: Int = 0, noise: Bool = false, blur: Int = 0,
                jpegQuality: Int? = nil, stamp: Bool = false, seed: UInt64 = 1) {
        self.dpi = dpi
        self.skewDegrees = skewDegrees
        self.quarterTurns = quarterTurns
        self.noise = noise
        self.blur = blur
        self.jpegQuality = jpegQuality
        self.stamp = stamp
        self.seed = seed
    }
}
