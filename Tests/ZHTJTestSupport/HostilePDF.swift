import CCairo

/// Files that claim to be PDFs, or are PDFs, but should be refused or handled
/// with care by an ingest pipeline. All functions return the file's bytes.
public enum HostilePDF {
    /// The user password of `encrypted()`.
    public static let encryptedUserPassword = "user"
    /// The owner password of `encrypted()`.
    public static let encryptedOwnerPassword = "owner"

    /// The first half of `pdf` (no xref table, no %%EOF). With the default,
    /// half of `PDFBuilder.textForm(number: "202344010123")`.
    public static func truncated(from pdf: [UInt8] = PDFBuilder.textForm(number: "202344010123")) -> [UInt8] {
        Array(pdf.prefix(pdf.count / 2))
    }

    /// A plain UTF-8 text file, to be saved under a ".pdf" name.
    public static func fake() -> [UInt8] {
        Array("这不是PDF文件。This is a plain text file renamed to .pdf.\n发展团员编号：202344010123\n".utf8)
    }

    /// A real PNG image (a small rendered form), to be saved under a ".pdf" name.
    public static func fakePNG() -> [UInt8] {
        guard let image = ScanImage.form(lines: [FormText.title], width: 200, noise: false, seed: 1)
        else { return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] }
        defer { cairo_surface_destroy(image) }
        let sink = ByteSink()
        let status = cairo_surface_write_to_png_stream(image, { closure, data, length -> cairo_status_t in
            guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
            if let data, length > 0 {
                sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            }
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        return status == CAIRO_STATUS_SUCCESS ? sink.bytes : [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    }

    /// `count` bytes of binary junk (never containing "%PDF"), then `pdf`
    /// unchanged, so every xref offset is off by `count`.
    public static func junkBeforeHeader(from pdf: [UInt8] = PDFBuilder.textForm(number: "202344010123"),
                                        count: Int = 1024) -> [UInt8] {
        var rng = SplitMix64(seed: 0x4A55_4E4B)
        let junk = (0..<max(0, count)).map { _ -> UInt8 in
            let byte = UInt8(truncatingIfNeeded: rng.next())
            return byte == UInt8(ascii: "%") ? 0 : byte
        }
        return junk + pdf
    }

    /// A one-page PDF encrypted with the standard security handler, revision 2
    /// (RC4, 40-bit key), hand-written here (no qpdf). User password
    /// `encryptedUserPassword` ("user"), owner password `encryptedOwnerPassword`
    /// ("owner"). The page reads "Encrypted application form" and the
    /// Info title "Encrypted form"; both are encrypted.
    public static func encrypted() -> [UInt8] {
        let id = MD5.digest(Array("zhtj-encrypted-test".utf8))
        let handler = StandardSecurityHandler(user: encryptedUserPassword, owner: encryptedOwnerPassword, id: id)
        var pdf = onePage(count: "1", text: "Encrypted application form") { data, number in
            handler.crypt(data, object: number)
        }
        pdf.set(6, handler.dictionary)
        let title = handler.crypt(Array("Encrypted form".utf8), object: 7)
        pdf.set(7, "<< /Title <\(hex(title))> >>")
        return pdf.serialize(trailer: "/Root 1 0 R /Info 7 0 R /Encrypt 6 0 R /ID [<\(hex(id))> <\(hex(id))>]")
    }

    /// A syntactically valid PDF whose page tree is `<< /Type /Pages /Count 0 >>`
    /// (no /Kids at all).
    public static func zeroPages() -> [UInt8] {
        var pdf = RawPDF()
        pdf.set(1, "<< /Type /Catalog /Pages 2 0 R >>")
        pdf.set(2, "<< /Type /Pages /Count 0 >>")
        return pdf.serialize(trailer: "/Root 1 0 R")
    }

    /// One real page (Helvetica text "Page 1 of a lying page tree") under a
    /// page tree that claims /Count 2000000000.
    public static func hugeCount() -> [UInt8] {
        onePage(count: "2000000000", text: "Page 1 of a lying page tree") { data, _ in data }
            .serialize(trailer: "/Root 1 0 R")
    }

    /// Zero bytes.
    public static func emptyFile() -> [UInt8] { [] }

    // MARK: - Helpers

    /// Objects 1-5: catalog, pages (/Count `count`), page, contents, font.
    /// `crypt` transforms the content stream (object 4).
    private static func onePage(count: String, text: String,
                                crypt: ([UInt8], Int) -> [UInt8]) -> RawPDF {
        var pdf = RawPDF()
        pdf.set(1, "<< /Type /Catalog /Pages 2 0 R >>")
        pdf.set(2, "<< /Type /Pages /Kids [3 0 R] /Count \(count) >>")
        pdf.set(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            + "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>")
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
        let content = Array("BT /F1 24 Tf 72 760 Td (\(escaped)) Tj ET".utf8)
        pdf.set(4, RawPDF.stream("", crypt(content, 4)))
        pdf.set(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        return pdf
    }
}
