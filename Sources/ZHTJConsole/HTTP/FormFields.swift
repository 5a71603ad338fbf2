import Foundation

/// An `application/x-www-form-urlencoded` body or query: `a=1&b=%E4%B8%AD`, `+` for a space. A name given twice
/// keeps its first value.
public struct FormFields: Sendable, Equatable {
    public private(set) var values: [String: String] = [:]

    public init(_ text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            if values[name] == nil { values[name] = value }
        }
    }

    public subscript(_ name: String) -> String? { values[name] }

    /// The value, trimmed; nil when absent or blank.
    public func text(_ name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    static func decode(_ part: Substring) -> String {
        String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
    }
}
