import Foundation

/// A hand-written PDF: numbered objects serialised with a correct classic
/// cross-reference table. Used for files cairo cannot make (broken page trees,
/// encryption) and for padding a finished PDF to an exact size.
struct RawPDF {
    /// Object bodies by object number (generation 0), without "obj"/"endobj".
    var objects: [Int: [UInt8]] = [:]
    var version = "1.4"

    mutating func set(_ number: Int, _ body: String) { objects[number] = Array(body.utf8) }
    mutating func set(_ number: Int, _ body: [UInt8]) { objects[number] = body }

    /// A stream object body: `<< dict /Length n >> stream ... endstream`.
    static func stream(_ dict: String, _ data: [UInt8]) -> [UInt8] {
        Array("<< \(dict) /Length \(data.count) >>\nstream\n".utf8) + data + Array("\nendstream".utf8)
    }

    /// Serialises the objects; object numbers missing from 1...max are free.
    /// `trailer` holds extra trailer entries (e.g. "/Root 1 0 R /Encrypt 6 0 R").
    func serialize(trailer: String) -> [UInt8] {
        var out = Array("%PDF-\(version)\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        let size = (objects.keys.max() ?? 0) + 1
        var offsets = [Int?](repeating: nil, count: size)
        for number in objects.keys.sorted() {
            offsets[number] = out.count
            out += Array("\(number) 0 obj\n".utf8)
            out += objects[number] ?? []
            out += Array("\nendobj\n".utf8)
        }
        let xref = out.count
        out += Array("xref\n0 \(size)\n".utf8)
        for number in 0..<size {
            if let offset = offsets[number] {
                out += Array("\(pad10(offset)) 00000 n \n".utf8)
            } else {
                out += Array("0000000000 \(number == 0 ? "65535" : "00000") f \n".utf8)
            }
        }
        out += Array("trailer\n<< /Size \(size) \(trailer) >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    /// Appends an incremental update holding one unreferenced padding stream so
    /// that the result is exactly `target` bytes. Returns nil when `pdf` has no
    /// readable classic trailer or `target` is too small for an update.
    static func padded(_ pdf: [UInt8], to target: Int) -> [UInt8]? {
        guard let tail = Trailer(pdf) else { return nil }
        let number = tail.size
        let objectHead = { (length: Int) in "\(number) 0 obj\n<< /Length \(length) >>\nstream\n" }
        let objectTail = "\nendstream\nendobj\n"
        func update(length: Int) -> [UInt8] {
            let objectOffset = pdf.count
            let head = objectHead(length)
            let xrefOffset = objectOffset + head.utf8.count + length + objectTail.utf8.count
            var extra = "/Root \(tail.root)"
            if let info = tail.info { extra += " /Info \(info)" }
            let rest = "xref\n\(number) 1\n\(pad10(objectOffset)) 00000 n \n"
                + "trailer\n<< /Size \(number + 1) \(extra) /Prev \(tail.startxref) >>\n"
                + "startxref\n\(xrefOffset)\n%%EOF\n"
            return Array(head.utf8) + [UInt8](repeating: 0x20, count: length) + Array((objectTail + rest).utf8)
        }
        // The update's own size depends on the digits of `length`; settle it.
        var length = 0
        for _ in 0..<4 {
            let gap = target - pdf.count - update(length: length).count
            if gap == 0 { return pdf + update(length: length) }
            length += gap
            if length < 0 { return nil }
        }
        let result = pdf + update(length: length)
        return result.count == target ? result : nil
    }
}

func pad10(_ value: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, 10 - digits.count)) + digits
}

/// The last classic trailer of a PDF: /Size, /Root, /Info and startxref.
struct Trailer {
    var size: Int
    var root: String
    var info: String?
    var startxref: Int

    init?(_ pdf: [UInt8]) {
        let text = String(decoding: pdf.suffix(4096), as: Unicode.ASCII.self)
        guard let trailerRange = text.range(of: "trailer", options: .backwards),
              let startRange = text.range(of: "startxref", options: .backwards) else { return nil }
        let dict = String(text[trailerRange.upperBound..<startRange.lowerBound])
        let after = text[startRange.upperBound...].split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == " " })
        guard let sizeText = Trailer.value(of: "/Size", in: dict), let size = Int(sizeText),
              let root = Trailer.reference(of: "/Root", in: dict),
              let first = after.first, let startxref = Int(first) else { return nil }
        self.size = size
        self.root = root
        self.info = Trailer.reference(of: "/Info", in: dict)
        self.startxref = startxref
    }

    private static func tokens(after key: String, in dict: String) -> [Substring]? {
        guard let range = dict.range(of: key) else { return nil }
        return dict[range.upperBound...].split(whereSeparator: { " \n\r/>".contains($0) })
    }

    static func value(of key: String, in dict: String) -> String? {
        tokens(after: key, in: dict)?.first.map(String.init)
    }

    /// "n g R" after `key`.
    static func reference(of key: String, in dict: String) -> String? {
        guard let t = tokens(after: key, in: dict), t.count >= 3, t[2] == "R",
              Int(t[0]) != nil, Int(t[1]) != nil else { return nil }
        return "\(t[0]) \(t[1]) R"
    }
}
