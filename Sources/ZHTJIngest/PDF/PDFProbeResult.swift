import ZHTJCore

/// What the parser child learned from a PDF; it travels from the child to the daemon as one JSON object.
public struct PDFProbeResult: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable {
        case ok
        case encrypted
        case damaged
        case noPages = "no-pages"
    }

    public var outcome: Outcome
    public var pages: Int
    /// The text layer of page 1 (empty for an image-only scan).
    public var page1Text: String
    /// Title, subject and keywords, where present.
    public var metadata: [String]
    public var detail: String?
    /// What was read off page 1's image (codes, OCR) when its text layer carried no number.
    public var scan: ScanReading?
    /// The parser child's peak memory so far (VmHWM, kB), for the benchmark's report.
    public var childPeakKB: Int?

    public init(outcome: Outcome, pages: Int = 0, page1Text: String = "", metadata: [String] = [], detail: String? = nil) {
        self.outcome = outcome
        self.pages = pages
        self.page1Text = page1Text
        self.metadata = metadata
        self.detail = detail
    }
}
