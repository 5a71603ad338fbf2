/// One `Range: bytes=…` request on a file of `size` bytes (RFC 9110 §14): a single range; several ranges, or none
/// that fits, are answered as the RFC allows (the whole file, or 416).
public struct ByteRange: Equatable, Sendable {
    public var first: Int
    public var last: Int
    public var count: Int { last - first + 1 }

    public enum Parsed: Equatable, Sendable {
        /// No usable Range header (absent, not bytes, several ranges): send the whole file with 200.
        case whole
        case range(ByteRange)
        /// 416 Range Not Satisfiable.
        case unsatisfiable
    }

    public static func parse(_ header: String?, size: Int) -> Parsed {
        guard let header = header?.trimmingCharacters(in: .whitespaces), header.hasPrefix("bytes=") else { return .whole }
        let spec = header.dropFirst("bytes=".count)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .whole }
        let start = spec[..<dash].trimmingCharacters(in: .whitespaces)
        let end = spec[spec.index(after: dash)...].trimmingCharacters(in: .whitespaces)
        if start.isEmpty {
            // The last N bytes.
            guard let suffix = Int(end), suffix > 0 else { return size == 0 ? .unsatisfiable : .whole }
            guard size > 0 else { return .unsatisfiable }
            return .range(ByteRange(first: max(0, size - suffix), last: size - 1))
        }
        guard let first = Int(start), first >= 0 else { return .whole }
        guard first < size else { return .unsatisfiable }
        if end.isEmpty { return .range(ByteRange(first: first, last: size - 1)) }
        guard let last = Int(end), last >= first else { return .whole }
        return .range(ByteRange(first: first, last: min(last, size - 1)))
    }
}
