import Testing
import ZHTJIngest

@Suite struct SystemLibraryTests {
    // The system-library targets link the real libmagic and poppler-glib.
    @Test func libmagicKnowsAPDF() throws {
        let magic = try MagicCookie()
        let pdf = Array("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".utf8)
        #expect(try magic.mimeType(of: pdf) == "application/pdf")
        #expect(try magic.mimeType(of: Array("hello, world\n".utf8)) == "text/plain")
    }

    @Test func popplerIsLinked() {
        #expect(Poppler.version.split(separator: ".").count >= 2)
    }
}
