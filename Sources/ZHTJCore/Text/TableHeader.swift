/// A column of an imported table (members, cadres, fee payments): its template header is the raw value, and other
/// spellings seen in real tables are its aliases.
public protocol TableColumn: CaseIterable, Hashable, RawRepresentable where RawValue == String {
    var aliases: [String] { get }
}

/// Where the columns of an imported table are, from its first line.
public enum TableHeader {
    /// Each known column's index: a cell names a column by its header or an alias, ignoring a byte-order mark,
    /// surrounding spaces and the template's `*` (required) marks; the first cell that names a column wins.
    public static func columns<C: TableColumn>(_ header: [String]) -> [C: Int] {
        var map: [C: Int] = [:]
        for (index, raw) in header.enumerated() {
            let cell = raw.replacingOccurrences(of: "\u{FEFF}", with: "").trimmingWhitespace.replacingOccurrences(of: "*", with: "")
            if let column = C.allCases.first(where: { $0.rawValue == cell || $0.aliases.contains(cell) }), map[column] == nil {
                map[column] = index
            }
        }
        return map
    }

    /// The same, failing with the `required` headers that are missing and the template's first line.
    public static func columns<C: TableColumn>(_ header: [String], required: [C], template: [String]) -> Result<[C: Int], ZHTJError> {
        let map: [C: Int] = columns(header)
        let missing = C.allCases.filter { map[$0] == nil && required.contains($0) }
        guard missing.isEmpty else {
            let names = missing.map(\.rawValue).joined(separator: "、")
            return .failure(.importFailed("表头缺少：\(names)（第1行应为：\(template.joined(separator: ","))）/ missing headers: \(names)"))
        }
        return .success(map)
    }
}
