/// A JSON object of string values with sorted keys (an upload's checks), written directly: the same text
/// `JSONSerialization` writes with `.sortedKeys`, except that `/` is not escaped (both read back alike).
public enum FlatJSON {
    public static func object(_ values: [String: String]) -> String {
        "{" + values.sorted { $0.key < $1.key }.map { quote($0.key) + ":" + quote($0.value) }.joined(separator: ",") + "}"
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = Hex.string([UInt8(scalar.value)])
                out += "\\u00" + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
