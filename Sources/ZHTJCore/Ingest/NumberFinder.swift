import Foundation

/// Finds the development number of an application form (issues 3 and 11, R-M3): on page 1 (its text layer, else a
/// QR code or barcode, else OCR of the labelled field), then in the file name, then in the PDF metadata. Never
/// guesses: two different numbers are a mismatch, and an OCR reading counts only when every digit is sure.
public enum NumberFinder {
    public enum Source: String, Codable, Sendable {
        case text
        case fileName = "file-name"
        case metadata
        case qr
        case barcode
        case ocr
    }

    public enum Outcome: Equatable, Sendable {
        case found(String, source: Source)
        case none
        /// Two different numbers where one was expected (R-M3): the numbers, and where each came from.
        case mismatch([String], detail: String)
    }

    /// The outcome, and what OCR added to it.
    public struct Finding: Equatable, Sendable {
        public var outcome: Outcome
        /// For a number read by OCR: the lowest confidence of its digits (0–100).
        public var confidence: Int?
        /// An OCR reading that was not sure enough to be used, unsure digits as `?` (e.g. `2023440101?3`): shown
        /// in `zhtj unmatched` so that `zhtj attach` is one command.
        public var suggestion: String?
        /// The name OCR read on page 1, where it was sure of it: a number read by OCR is matched only to a member
        /// whose name this reading is: classmates have neighbouring numbers.
        public var name: ScanReading.Field?
    }

    /// Words that label the number on the form; a number within a few characters after one is preferred.
    static let labels = ["发展团员编号", "团员编号", "发展编号", "编号"]

    public static func find(pageText: String?, fileName: String, metadata: [String], currentYear: Int) -> Outcome {
        find(pageText: pageText, scan: nil, fileName: fileName, metadata: metadata, currentYear: currentYear, minConfidence: 100).outcome
    }

    /// - Parameters:
    ///   - scan: what the parser child read off page 1's image (nil when the text layer had a number, or no scan).
    ///   - minConfidence: the confidence (0–100) every OCR'd digit needs.
    public static func find(
        pageText: String?, scan: ScanReading?, fileName: String, metadata: [String], currentYear: Int, minConfidence: Int,
        nameMinConfidence: Int = 60
    ) -> Finding {
        var finding = Finding(outcome: .none)
        let ocr = scan.map { ocrReadings($0, currentYear: currentYear, minConfidence: minConfidence) } ?? (sure: [], suggestion: nil)
        finding.suggestion = ocr.suggestion
        if let name = scan?.name, name.lowestConfidence >= nameMinConfidence, name.text.count >= 2, !name.text.contains("?") {
            finding.name = name
        }
        // Page 1: the text layer, else the codes, else OCR; the first that has a number speaks for the page.
        var page: (numbers: [String], source: Source)? = nil
        let fromText = pageText.map { preferred(in: $0, currentYear: currentYear) } ?? []
        let codes = (scan?.codes ?? []).compactMap { code -> (String, Source)? in
            guard let raw = ScanReading.number(inCode: code.text),
                case .success(let number) = DevelopmentNumber.validate(raw, currentYear: currentYear)
            else { return nil }
            return (number, code.kind == .qr ? .qr : .barcode)
        }
        if !fromText.isEmpty {
            page = (fromText, .text)
        } else if let first = codes.first {
            page = (codes.map(\.0).uniqued(), first.1)
        } else if !ocr.sure.isEmpty {
            page = (ocr.sure.map(\.number).uniqued(), .ocr)
            finding.confidence = ocr.sure.map(\.confidence).min()
        }
        if let page, page.numbers.count > 1 {
            let what = page.source == .text ? "第1页有多个不同的编号 / page 1 carries more than one number"
                : page.source == .ocr ? "第1页识别出多个不同的编号 / OCR read different numbers on page 1"
                : "第1页的标签编号不一致 / the labels on page 1 carry different numbers"
            finding.outcome = .mismatch(page.numbers, detail: what)
            return finding
        }
        // A label and a sure OCR reading that disagree (a label stuck on a form printed with another number).
        if let page, page.source != .text, page.source != .ocr, let other = ocr.sure.first(where: { $0.number != page.numbers[0] }) {
            finding.outcome = .mismatch([page.numbers[0], other.number], detail: "标签与第1页印刷的编号不一致 / the label and the number printed on page 1 differ")
            return finding
        }
        let fromName = candidates(in: fileName, currentYear: currentYear).map(\.number).uniqued()
        if let page, let number = page.numbers.first {
            if let other = fromName.first(where: { $0 != number }) {
                finding.outcome = .mismatch([number, other], detail: "第1页与文件名中的编号不一致 / the number on page 1 and the one in the file name differ")
                return finding
            }
            finding.outcome = .found(number, source: page.source)
            return finding
        }
        finding.confidence = nil
        if fromName.count > 1 {
            finding.outcome = .mismatch(fromName, detail: "文件名中有多个不同的编号 / the file name carries more than one number")
            return finding
        }
        if let number = fromName.first {
            finding.outcome = .found(number, source: .fileName)
            return finding
        }
        let fromMeta = metadata.flatMap { candidates(in: $0, currentYear: currentYear).map(\.number) }.uniqued()
        if fromMeta.count > 1 {
            finding.outcome = .mismatch(fromMeta, detail: "PDF元数据中有多个不同的编号 / the PDF metadata carries more than one number")
            return finding
        }
        if let number = fromMeta.first { finding.outcome = .found(number, source: .metadata) }
        return finding
    }

    /// The OCR readings sure enough to use (12 digits, each at least `minConfidence`, a valid number), and the
    /// best of the others as a suggestion, its unsure digits shown as `?`.
    static func ocrReadings(_ scan: ScanReading, currentYear: Int, minConfidence: Int) -> (sure: [(number: String, confidence: Int)], suggestion: String?) {
        var sure: [(number: String, confidence: Int)] = []
        var suggestion: (text: String, score: Int)? = nil
        for field in scan.numbers {
            let digits = Array(field.text)
            guard !digits.isEmpty else { continue }
            if digits.count == 12, digits.allSatisfy(\.isASCIIDigit), field.lowestConfidence >= minConfidence,
                case .success(let number) = DevelopmentNumber.validate(field.text, currentYear: currentYear)
            {
                sure.append((number, field.lowestConfidence))
                continue
            }
            // Unsure digits become "?"; the suggestion is the reading with the most sure digits.
            var shown = ""
            var score = 0
            for (i, c) in digits.enumerated() {
                let ok = c.isASCIIDigit && (i < field.confidences.count ? field.confidences[i] : 0) >= minConfidence
                shown.append(ok ? c : "?")
                if ok { score += 1 }
            }
            if digits.count != 12 { score -= 12 }
            if score > (suggestion?.score ?? Int.min) { suggestion = (shown, score) }
        }
        return (sure, sure.isEmpty ? suggestion?.text : nil)
    }

    /// The distinct numbers of `text`, the labelled ones if there are any.
    public static func preferred(in text: String, currentYear: Int) -> [String] {
        let all = candidates(in: text, currentYear: currentYear)
        let labelled = all.filter(\.labelled).map(\.number).uniqued()
        return labelled.isEmpty ? all.map(\.number).uniqued() : labelled
    }

    struct Candidate: Equatable {
        var number: String
        var labelled: Bool
    }

    /// 12-digit numbers in `raw`: full-width digits are normalised, groups of digits split by single spaces are
    /// joined ("2023 4401 0123"); digits inside a longer run (an ID number) never count.
    static func candidates(in raw: String, currentYear: Int) -> [Candidate] {
        let chars = Array(normalisedDigits(raw))
        // Digit groups: (start index, end index exclusive).
        var groups: [(Int, Int)] = []
        var i = 0
        while i < chars.count {
            if chars[i].isASCIIDigit {
                let start = i
                while i < chars.count, chars[i].isASCIIDigit { i += 1 }
                groups.append((start, i))
            } else {
                i += 1
            }
        }
        func spaceOnly(_ a: Int, _ b: Int) -> Bool {
            b - a >= 1 && b - a <= 2 && chars[a..<b].allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{A0}" }
        }
        var found: [Candidate] = []
        var g = 0
        while g < groups.count {
            var digits = String(chars[groups[g].0..<groups[g].1])
            var last = g
            while digits.count < 12, last + 1 < groups.count, spaceOnly(groups[last].1, groups[last + 1].0) {
                last += 1
                digits += String(chars[groups[last].0..<groups[last].1])
            }
            // A joined run must start a fresh group (not continue a space-separated run before it).
            let startsFresh = g == 0 || !spaceOnly(groups[g - 1].1, groups[g].0)
            if digits.count == 12, startsFresh || last == g, case .success(let number) = DevelopmentNumber.validate(digits, currentYear: currentYear) {
                let before = String(chars[max(0, groups[g].0 - 16)..<groups[g].0])
                found.append(Candidate(number: number, labelled: labels.contains { before.contains($0) }))
                g = last + 1
            } else {
                g += 1
            }
        }
        return found
    }

    static func normalisedDigits(_ raw: String) -> String {
        var out = ""
        for scalar in raw.unicodeScalars {
            if (0xFF10...0xFF19).contains(scalar.value) {
                out.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
