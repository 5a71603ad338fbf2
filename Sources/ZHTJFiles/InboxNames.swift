/// How inbox names are shown and which ones wait.
public enum InboxNames {
    /// Hidden and temporary names (`.*`, `*.part`, `*.tmp`, `~$*`) wait until they are renamed.
    public static func isPending(_ name: [UInt8]) -> Bool {
        if name.first == UInt8(ascii: ".") { return true }
        if name.starts(with: [UInt8(ascii: "~"), UInt8(ascii: "$")]) { return true }
        let lower = name.map { ($0 >= 65 && $0 <= 90) ? $0 + 32 : $0 }
        return lower.reversed().starts(with: Array(".part".utf8).reversed()) || lower.reversed().starts(with: Array(".tmp".utf8).reversed())
            || lower.reversed().starts(with: Array(".reason.txt".utf8).reversed())
            || lower.reversed().starts(with: Array(".rejected.txt".utf8).reversed())
    }

    /// The name as people see it: valid UTF-8 with control characters escaped (`\n`, `\t`, `\u{7f}`), and each byte of
    /// invalid UTF-8 as `\xNN`. Never used as a path.
    public static func display(_ name: [UInt8]) -> String {
        var out = ""
        var index = 0
        while index < name.count {
            // Find the longest valid UTF-8 prefix starting here.
            var decoder = UTF8()
            var iterator = name[index...].makeIterator()
            var consumed = 0
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed = String(scalar).utf8.count
                switch scalar {
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case "\r": out += "\\r"
                case "\\": out += "\\\\"
                default:
                    if scalar.properties.generalCategory == .control {
                        out += "\\u{\(String(scalar.value, radix: 16))}"
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            case .emptyInput:
                consumed = 1
            case .error:
                out += "\\x" + (name[index] < 16 ? "0" : "") + String(name[index], radix: 16)
                consumed = 1
            }
            index += max(consumed, 1)
        }
        return out
    }

    /// The org identifier at the start of an inbox folder's name (`0042-包装车间团支部` → 42).
    public static func orgID(folder: String) -> Int64? {
        let digits = folder.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, folder.dropFirst(digits.count).first == "-" else { return nil }
        return Int64(digits)
    }
}
