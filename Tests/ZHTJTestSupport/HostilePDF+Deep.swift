/// Hostile inputs aimed at the parser itself (issue 6): deep nesting, loops and a decompression bomb. Each file is
/// hand-written with a correct cross-reference table and, except where said, one real page whose text layer reads
/// `HostilePDF.realPageText`.
extension HostilePDF {
    /// The text of the one real page in `nestedArrays`, `pageTreeLoop` and `deepPageTree`.
    public static let realPageText = "The one real page"
    /// The text drawn before the run in `inflateBomb`'s content stream.
    public static let inflateBombHead = "Bomb head"
    /// The text drawn after the run in `inflateBomb`'s content stream: if it is in page 1's text, the parser
    /// inflated and read the whole stream.
    public static let inflateBombTail = "Bomb tail"
    /// What `inflateBomb` and `inflateStringBomb` inflate to by default: 1 GiB + 16 MiB.
    public static let inflateBombDefaultBytes = (1 << 30) + (1 << 24)

    /// One real page, plus object 6: an array nested `depth` levels deep (`[[[…]]]`, 2 × `depth` bytes),
    /// referenced from the catalog (/ZHTJDeep) and from the page (/Annots), so that loading page 1 fetches it
    /// (poppler 22.12 fetches /Annots in `Page::Page`). About 400 KB with the default depth.
    public static func nestedArrays(depth: Int = 200_000) -> [UInt8] {
        let levels = max(1, depth)
        var pdf = RawPDF()
        pdf.set(1, "<< /Type /Catalog /Pages 2 0 R /ZHTJDeep 6 0 R >>")
        pdf.set(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        realPage(into: &pdf, parent: 2, extra: "/Annots 6 0 R")
        pdf.set(6, String(repeating: "[", count: levels) + String(repeating: "]", count: levels))
        return pdf.serialize(trailer: "/Root 1 0 R")
    }

    /// A page tree with loops: the root /Pages node (2) lists itself and node 6 among its /Kids, and node 6's only
    /// kid is the root again, so a walker meets a self-loop and a two-node cycle. /Count is 1. With `withPage`
    /// the real page comes last in the root's /Kids (after both loops); without it no page exists at all.
    public static func pageTreeLoop(withPage: Bool = true) -> [UInt8] {
        var pdf = RawPDF()
        pdf.set(1, "<< /Type /Catalog /Pages 2 0 R >>")
        pdf.set(2, "<< /Type /Pages /Kids [2 0 R 6 0 R\(withPage ? " 3 0 R" : "")] /Count 1 >>")
        pdf.set(6, "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>")
        if withPage { realPage(into: &pdf, parent: 2) }
        return pdf.serialize(trailer: "/Root 1 0 R")
    }

    /// A page tree `levels` /Pages nodes deep (objects 6, 7, …, each the only kid of the one before, each
    /// /Count 1), ending in the one real page (object 3). About 500 KB with the default 5000 levels.
    public static func deepPageTree(levels: Int = 5000) -> [UInt8] {
        let depth = max(1, levels)
        var pdf = RawPDF()
        pdf.set(1, "<< /Type /Catalog /Pages 6 0 R >>")
        for level in 0..<depth {
            let number = 6 + level
            let kid = level == depth - 1 ? 3 : number + 1
            let parent = level == 0 ? "" : " /Parent \(number - 1) 0 R"
            pdf.set(number, "<< /Type /Pages\(parent) /Kids [\(kid) 0 R] /Count 1 >>")
        }
        realPage(into: &pdf, parent: 6 + depth - 1)
        return pdf.serialize(trailer: "/Root 1 0 R")
    }

    /// A decompression bomb: one page whose content stream (object 4, /Filter [/FlateDecode /FlateDecode]) is
    /// about 1 KB on disk and inflates, through about 1 MB in between, to `inflatedBytes` (default 1 GiB +
    /// 16 MiB): "BT … (Bomb head) Tj ET", then zero bytes (PDF white space), then "BT … (Bomb tail) Tj ET".
    /// A parser that reads the whole stream finds `inflateBombTail` in page 1's text. Both zlib layers are
    /// made by `RunDeflate` in Swift (no zlib, no Python), without ever holding the inflated data.
    public static func inflateBomb(inflatedBytes: Int = inflateBombDefaultBytes) -> [UInt8] {
        let head = Array("BT /F1 24 Tf 72 760 Td (\(inflateBombHead)) Tj ET\n".utf8)
        let tail = Array("\nBT /F1 24 Tf 72 700 Td (\(inflateBombTail)) Tj ET".utf8)
        let run = max(0, inflatedBytes - head.count - tail.count)
        return bombPage([.bytes(head), .run(0, count: run), .bytes(tail)])
    }

    /// Like `inflateBomb`, but the run is `inflatedBytes` letters "A" inside one string literal
    /// ("BT … (Bomb head AAAA…) Tj ET"), so a content-stream lexer must hold the whole string in memory.
    public static func inflateStringBomb(inflatedBytes: Int = inflateBombDefaultBytes) -> [UInt8] {
        let head = Array("BT /F1 24 Tf 72 760 Td (\(inflateBombHead) ".utf8)
        let tail = Array(") Tj ET".utf8)
        let run = max(0, inflatedBytes - head.count - tail.count)
        return bombPage([.bytes(head), .run(UInt8(ascii: "A"), count: run), .bytes(tail)])
    }

    // MARK: - Helpers

    /// Objects 3-5: the real page under `parent`, its content stream and Helvetica.
    private static func realPage(into pdf: inout RawPDF, parent: Int, extra: String = "") {
        pdf.set(3, "<< /Type /Page /Parent \(parent) 0 R /MediaBox [0 0 595 842] "
            + "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R\(extra.isEmpty ? "" : " " + extra) >>")
        pdf.set(4, RawPDF.stream("", Array("BT /F1 24 Tf 72 760 Td (\(realPageText)) Tj ET".utf8)))
        pdf.set(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    }

    /// A one-page PDF whose content stream is `content`, deflated twice.
    private static func bombPage(_ content: [RunDeflate.Segment]) -> [UInt8] {
        let twice = RunDeflate.flatten(RunDeflate.zlib(RunDeflate.zlib(content)))
        var pdf = RawPDF()
        pdf.set(1, "<< /Type /Catalog /Pages 2 0 R >>")
        pdf.set(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        pdf.set(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            + "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>")
        pdf.set(4, RawPDF.stream("/Filter [/FlateDecode /FlateDecode]", twice))
        pdf.set(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        return pdf.serialize(trailer: "/Root 1 0 R")
    }
}
