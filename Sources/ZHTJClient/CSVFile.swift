import Foundation
import ZHTJCore

/// CSV files that open in Excel: UTF-8 with a BOM, CRLF line ends, at most `maxRows` data rows per file
/// (the original system's 1000-row download limit, R-O8); more rows go to `name-2.csv`, `name-3.csv`, ….
public enum CSVFile {
    /// Writes the table; returns the paths written.
    @discardableResult
    public static func write(header: [String], rows: [[String]], to path: String, maxRows: Int = .max) throws -> [String] {
        let chunks = stride(from: 0, to: max(rows.count, 1), by: maxRows).map { Array(rows[$0..<min(rows.count, $0 + maxRows)]) }
        var written: [String] = []
        for (index, chunk) in chunks.enumerated() {
            let target = index == 0 ? path : numbered(path, index + 1)
            let text = "\u{FEFF}" + ([header] + chunk).map { $0.map(CSVParser.escape).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
            do {
                try text.write(toFile: target, atomically: true, encoding: .utf8)
            } catch {
                throw ClientError.cannotWrite(path: target, detail: "\(error)")
            }
            written.append(target)
        }
        return written
    }

    /// `progress.csv` → `progress-2.csv`.
    static func numbered(_ path: String, _ n: Int) -> String {
        let ext = (path as NSString).pathExtension
        let base = ext.isEmpty ? path : String(path.dropLast(ext.count + 1))
        return base + "-\(n)" + (ext.isEmpty ? "" : "." + ext)
    }
}
