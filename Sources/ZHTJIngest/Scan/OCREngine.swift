import CTesseract

/// Tesseract, wrapped once (its C API): one engine handle per language set, loaded once and used for many pages.
/// Not thread-safe; runs only in the parser child, whose environment sets `OMP_THREAD_LIMIT=1` (Tesseract would
/// otherwise start a thread per core for every page: we parallelise by files instead).
public final class OCREngine {
    /// One recognised character with its confidence (0–100) and its box in the image's pixels.
    public struct Symbol: Sendable, Equatable {
        public var text: String
        public var confidence: Double
        public var box: GrayImage.Rect
    }

    /// One text line: its characters in reading order.
    public struct Line: Sendable, Equatable {
        public var symbols: [Symbol]
        public var text: String { symbols.map(\.text).joined() }
    }

    public enum Layout {
        /// A whole page: blocks, lines, words.
        case page
        /// One line of text (a crop around a field).
        case singleLine
        /// Scattered text anywhere (a form's fields).
        case sparse

        var mode: TessPageSegMode {
            switch self {
            case .page: PSM_AUTO
            case .singleLine: PSM_SINGLE_LINE
            case .sparse: PSM_SPARSE_TEXT
            }
        }
    }

    private let handle: OpaquePointer
    public let language: String

    /// Loads `language` (e.g. `chi_sim`, `eng`, `osd`) from the system's tessdata; nil when it is not installed.
    public init?(language: String) {
        guard let handle = TessBaseAPICreate() else { return nil }
        // Tesseract's own messages (resolution guesses, "Empty page!!") would fill the daemon's log.
        _ = TessBaseAPISetVariable(handle, "debug_file", "/dev/null")
        guard TessBaseAPIInit3(handle, nil, language) == 0 else {
            TessBaseAPIDelete(handle)
            return nil
        }
        self.handle = handle
        self.language = language
    }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    /// The text lines of `image`, each character with its confidence and box. `allowed`, when given, limits the
    /// characters Tesseract may choose (its readings must still be checked: under LSTM a whitelist can drop whole
    /// words). `dpi` is the image's resolution.
    /// `seconds` bounds the recognition (Tesseract stops at the deadline and gives what it has).
    public func lines(in image: GrayImage, layout: Layout, allowed: String? = nil, dpi: Int?, seconds: Double = 10) -> [Line] {
        guard image.width > 0, image.height > 0, seconds > 0 else { return [] }
        _ = TessBaseAPISetVariable(handle, "tessedit_char_whitelist", allowed ?? "")
        _ = TessBaseAPISetVariable(handle, "user_defined_dpi", dpi.map { String(max(70, min($0, 2400))) } ?? "0")
        TessBaseAPISetPageSegMode(handle, layout.mode)
        defer { TessBaseAPIClear(handle) }
        return image.pixels.withUnsafeBufferPointer { buffer -> [Line] in
            TessBaseAPISetImage(handle, buffer.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
            let monitor = TessMonitorCreate()
            defer { TessMonitorDelete(monitor) }
            TessMonitorSetDeadlineMSecs(monitor, Int32(min(seconds, 600) * 1000))
            guard TessBaseAPIRecognize(handle, monitor) == 0, let iterator = TessBaseAPIGetIterator(handle) else { return [] }
            defer { TessResultIteratorDelete(iterator) }
            var lines: [Line] = []
            var current: [Symbol] = []
            repeat {
                let page = TessResultIteratorGetPageIteratorConst(iterator)
                if TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE) != 0, !current.isEmpty {
                    lines.append(Line(symbols: current))
                    current = []
                }
                guard let raw = TessResultIteratorGetUTF8Text(iterator, RIL_SYMBOL) else { continue }
                let text = String(cString: raw)
                TessDeleteText(raw)
                var left: Int32 = 0, top: Int32 = 0, right: Int32 = 0, bottom: Int32 = 0
                _ = TessPageIteratorBoundingBox(page, RIL_SYMBOL, &left, &top, &right, &bottom)
                let confidence = Double(TessResultIteratorConfidence(iterator, RIL_SYMBOL))
                let box = GrayImage.Rect(x: Int(left), y: Int(top), width: Int(right - left), height: Int(bottom - top))
                current.append(Symbol(text: text, confidence: confidence, box: box))
            } while TessResultIteratorNext(iterator, RIL_SYMBOL) != 0
            if !current.isEmpty { lines.append(Line(symbols: current)) }
            return lines
        }
    }

    /// How far the page is turned, by Tesseract's orientation detection (an engine loaded with `osd`): the number of
    /// clockwise quarter turns that make it upright, and the detector's confidence; nil when it cannot tell.
    public func uprightTurns(of image: GrayImage) -> (turns: Int, confidence: Double)? {
        guard image.width > 0, image.height > 0 else { return nil }
        // No resolution: the detector estimates it from the text (given 150 it failed on sideways scans).
        _ = TessBaseAPISetVariable(handle, "user_defined_dpi", "0")
        TessBaseAPISetPageSegMode(handle, PSM_OSD_ONLY)
        defer { TessBaseAPIClear(handle) }
        return image.pixels.withUnsafeBufferPointer { buffer in
            TessBaseAPISetImage(handle, buffer.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
            var degrees: Int32 = 0
            var confidence: Float = 0
            var script: UnsafePointer<CChar>? = nil
            var scriptConfidence: Float = 0
            guard TessBaseAPIDetectOrientationScript(handle, &degrees, &confidence, &script, &scriptConfidence) != 0 else { return nil }
            // Tesseract reports how far the page is turned clockwise from upright; turning it on clockwise by the
            // rest of a full turn rights it.
            return (turns: (4 - (Int(degrees) / 90) % 4) % 4, confidence: Double(confidence))
        }
    }
}
