import CPoppler
import Foundation
import ZHTJCore

/// poppler-glib, wrapped once. A document is always opened with a nil password: poppler 22.12 crashes on a wrong
/// non-nil one, and an encrypted file is refused anyway. Run only in the parser child (`PDFProbeRunner`).
public enum Poppler {
    /// The linked poppler version, e.g. `22.12.0`.
    public static var version: String { String(cString: poppler_get_version()) }

    /// Opens `bytes` and reads the page count (without loading every page), page 1's text and the metadata. When
    /// page 1's text carries no development number and a `scanner` is given, page 1's image is read too (codes, OCR).
    public static func probe(_ bytes: [UInt8], scanner: ScanReader? = nil, currentYear: Int = CivilDate(Date()).year) -> PDFProbeResult {
        let gbytes = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(gbytes) }
        var error: UnsafeMutablePointer<GError>? = nil
        guard let document = poppler_document_new_from_bytes(gbytes, nil, &error) else {
            defer { if error != nil { g_error_free(error) } }
            let message = error.map { String(cString: $0.pointee.message) } ?? "unknown"
            if let error, error.pointee.domain == poppler_error_quark(), error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                return PDFProbeResult(outcome: .encrypted, detail: message)
            }
            return PDFProbeResult(outcome: .damaged, detail: message)
        }
        defer { g_object_unref(UnsafeMutableRawPointer(document)) }
        let pages = Int(poppler_document_get_n_pages(document))
        guard pages > 0 else { return PDFProbeResult(outcome: .noPages, detail: "the page tree holds no page") }
        var text = ""
        // A page tree that counts pages it does not hold (a loop, say): page 1 cannot be loaded, so there is no page.
        guard let page = poppler_document_get_page(document, 0) else {
            return PDFProbeResult(outcome: .noPages, detail: "page 1 cannot be loaded")
        }
        if let raw = poppler_page_get_text(page) {
            text = String(cString: raw)
            g_free(raw)
        }
        var scan: ScanReading? = nil
        if let scanner, NumberFinder.preferred(in: text, currentYear: currentYear).isEmpty {
            // Page 1's image is read for a scan: one image covering the page, or a page with no text at all. A
            // generated PDF whose text names no number is left alone (it would only cost a rendering).
            let hasText = !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            if let image = pageImage(page, renderIfNeeded: !hasText) {
                scan = scanner.read(image.image, dpi: image.dpi, image: image.source)
            }
        }
        g_object_unref(UnsafeMutableRawPointer(page))
        var metadata: [String] = []
        for getter in [poppler_document_get_title, poppler_document_get_subject, poppler_document_get_keywords] {
            if let raw = getter(document) {
                metadata.append(String(cString: raw))
                g_free(raw)
            }
        }
        var result = PDFProbeResult(outcome: .ok, pages: pages, page1Text: text, metadata: metadata)
        result.scan = scan
        return result
    }
}
