import Foundation

/// What the parser child read off page 1 of a file whose text layer carries no number: the QR codes and barcodes on
/// it, and what OCR read in the fields labelled with a number (发展团员编号 / 团员编号 / 编号) and a name (姓名).
/// Raw readings only: `NumberFinder` decides what they are worth.
public struct ScanReading: Codable, Sendable, Equatable {
    /// A QR code or a Code 128 barcode and its text, e.g. `202344010123|王小明|0042`.
    public struct Code: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable {
            case qr
            case barcode
        }
        public var kind: Kind
        public var text: String
        public init(kind: Kind, text: String) {
            self.kind = kind
            self.text = text
        }
    }

    /// One field read by OCR: its characters (digits, or `?` where OCR saw something it could not read as a digit)
    /// and each character's confidence (0–100).
    public struct Field: Codable, Sendable, Equatable {
        public var text: String
        public var confidences: [Int]
        public init(text: String, confidences: [Int]) {
            self.text = text
            self.confidences = confidences
        }

        /// Whether this reading of a name is `name`, spaces and middle dots left out on both sides.
        public func reads(_ name: String) -> Bool {
            let skip: (Character) -> Bool = { $0.isWhitespace || $0 == "·" }
            return text.filter { !skip($0) } == name.filter { !skip($0) }
        }
        /// The lowest confidence of any character (0 for an empty reading).
        public var lowestConfidence: Int { confidences.min() ?? 0 }
    }

    public var codes: [Code]
    /// Number fields read by OCR, one per label found on the page.
    public var numbers: [Field]
    /// The name field read by OCR, if the page shows one.
    public var name: Field?
    /// Where the page image came from: `embedded` (the page is one scanned image) or `rendered`.
    public var image: String
    /// The image's resolution in dots per inch.
    public var dpi: Int
    /// Clockwise quarter turns that made the page upright before OCR (0 when it was upright).
    public var turns: Int
    /// Time spent reading the page, in milliseconds.
    public var milliseconds: Int

    public init(
        codes: [Code] = [], numbers: [Field] = [], name: Field? = nil, image: String = "rendered", dpi: Int = 0, turns: Int = 0,
        milliseconds: Int = 0
    ) {
        self.codes = codes
        self.numbers = numbers
        self.name = name
        self.image = image
        self.dpi = dpi
        self.turns = turns
        self.milliseconds = milliseconds
    }

    /// The number a code carries: its text up to the first `|` when that is 12 digits (validated later like any
    /// other number); nil otherwise.
    public static func number(inCode text: String) -> String? {
        let head = text.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let digits = head.trimmingCharacters(in: .whitespaces)
        return digits.count == 12 && digits.allSatisfy(\.isASCIIDigit) ? digits : nil
    }

    /// A cover sheet printed by `zhtj labels --cover`: its code's last field is `cover`.
    public var hasCoverSheet: Bool {
        codes.contains { $0.text.split(separator: "|").last == "cover" && Self.number(inCode: $0.text) != nil }
    }
}
