import Foundation

/// Finds the development number of an application form (issue 3, R-M3): in the text layer of page 1, then in the
/// file name, then in the PDF metadata. Never guesses: two different numbers are a mismatch.
public enum NumberFinder {
    public enum Source: String, Codable, Sendable {
        case text
        case fileName = "file-name"
        case metadata
    }

    public enum Outcome: Equatable, Sendable {
        case found(String, source: Source)
        case none
        /// Two different numbers where one was expected (R-M3): the numbers, and where each came from.
        case mismatch([String], detail: String)
    }

    /// Words that label the number on the form; a number within a few characters after one is preferred.
    static let labels = ["发展团员编号", "团员编号", "发展编号", "编号"]

    public static func find(pageText: String?, fileName: String, metadata: [String], currentYear: Int) -> Outcome {
        let fromText = pageText.map { preferred(in: $0, currentYear: currentYear) } ?? []
        let fromName = candidates(in: fileName, currentYear: currentYear).map(\.number).uniqued()
        if fromText.count > 1 {
            return .mismatch(fromText, detail: "第1页有多个不同的编号 / page 1 carries more than one number")
        }
        if let number = fromText.first {
            if let other = fromName.first(where: { $0 != number }) {
                return .mismatch([number, other], detail: "第1页与文件名中的编号不一致 / the number on page 1 and the one in the file name differ")
            }
            return .found(number, source: .text)
        }
        if fromName.count > 1 {
            return .mismatch(fromName, detail: "文件名中有多个不同的编号 / the file name carries more than one number")
        }
        if let number = fromName.first { return .found(number, source: .fileName) }
        let fromMeta = metadata.flatMap { candidates(in: $0, currentYear: currentYear).map(\.number) }.uniqued()
        if fromMeta.count > 1 {
            return .mismatch(fromMeta, detail: "PDF元数据中有多个不同的编号 / the PDF metadata carries more than one number")
        }
        if let number = fromMeta.first { return .found(number, source: .metadata) }
        return .none
    }

    /// The distinct numbers of `text`, the labelled ones if there are any.
    static func preferred(in text: String, currentYear: Int) -> [String] {
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
