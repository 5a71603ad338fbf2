import Foundation
import Testing
import ZHTJCore
import ZHTJLabels
import ZHTJTestSupport

/// Image-only scans through the real daemon (issue 11): labels and cover sheets printed by `zhtj labels`, stuck on
/// forms, scanned and dropped into the inbox; printed numbers read by OCR; and never a form on the wrong member (R-M3).
@Suite struct ScanIngestTests {
    /// A label's cell on the default sheet (3 × 8, 8 mm margin) rendered at 300 DPI.
    static func labelCell(_ index: Int, count: Int = 1) -> (x: Int, y: Int, width: Int, height: Int) {
        LabelSheet.Layout().cell(index, count: count, dpi: 300)
    }

    /// Page 1 of `pdf` rendered by poppler's pdftoppm as a PNG at `dpi`, as a printer and a scanner would see it.
    static func render(_ pdf: String, dpi: Int) throws -> String {
        let prefix = pdf + "-\(dpi)"
        try expectOK(runProgram("/usr/bin/env", ["pdftoppm", "-r", String(dpi), "-png", "-f", "1", "-l", "1", "-singlefile", pdf, prefix], environment: ["PATH": "/usr/bin:/bin"]))
        return prefix + ".png"
    }

    static func labels(_ s: Scenario, _ arguments: [String], output: String) throws -> [String: Any] {
        let path = s.daemon.root + "/" + output
        let result = try expectOK(s.daemon.cli(["labels", "-o", path, "--json"] + arguments, credentials: "root.cred"))
        let summary = try jsonObject(result.stdout)
        #expect(summary["file"] as? String == path)
        return summary
    }

    // Labels round trip: printed, stuck on page 1 (skewed ±5°), scanned at 150 and 300 DPI: each lands on its member.
    @Test func labelledScansLandOnTheirMembers() throws {
        let s = try Scenario.withMembers()
        let summary = try Self.labels(s, [], output: "labels.pdf")
        // R-E1: only the members who joined in 2020 or later, in branch order.
        let entries = summary["entries"] as? [[String: Any]] ?? []
        #expect(entries.map { $0["developmentNumber"] as? String } == ["202144010001", "202244010002"])
        #expect(summary["pages"] as? Int == 1)
        let sheet = try Self.render(s.daemon.root + "/labels.pdf", dpi: 300)
        let first = ScanBuilder.formWithSticker(
            number: nil, name: "李明", layout: .plain, stickerPNG: sheet, pngDPI: 300, crop: Self.labelCell(0), at: (330, 40),
            stickerDegrees: 5, pages: 2, options: ScanOptions(dpi: 150, skewDegrees: 1, noise: true, jpegQuality: 70, seed: 3))
        let second = ScanBuilder.formWithSticker(
            number: nil, name: "张伟", layout: .plain, stickerPNG: sheet, pngDPI: 300, crop: Self.labelCell(1), at: (60, 700),
            stickerDegrees: -5, pages: 3, options: ScanOptions(dpi: 300, skewDegrees: -2, noise: true, blur: 1, jpegQuality: 60, seed: 4))
        try s.daemon.drop(first, folder: branchA, name: "scan0001.pdf")
        try s.daemon.drop(second, folder: branchA, name: "scan0002.pdf")
        try s.daemon.waitForEmptyInbox()
        for (number, pages) in [("202144010001", 2), ("202244010002", 3)] {
            let archives = try s.archives(number)
            #expect(archives.count == 1, "\(number) has \(archives.count) archives")
            let checks = archives.first?["checks"] as? [String: String] ?? [:]
            #expect(checks["numberSource"] == "qr")
            #expect(checks["codes"]?.hasPrefix("qr:\(number)|") == true)
            #expect(archives.first?["pages"] as? Int == pages)
        }
        #expect(try s.uploads("unmatched").isEmpty)
    }

    // A cover sheet is page 1 of the scan and is archived with the form: `show` says "cover + N".
    @Test func aCoverSheetLeadsItsForm() throws {
        let s = try Scenario.withMembers()
        let summary = try Self.labels(s, ["--cover", "--members", "张伟"], output: "cover.pdf")
        #expect((summary["entries"] as? [[String: Any]])?.count == 1)
        let cover = try Self.render(s.daemon.root + "/cover.pdf", dpi: 200)
        let scan = ScanBuilder.pages(
            pngs: [cover], thenForm: 2, number: nil, name: "张伟", layout: .plain,
            options: ScanOptions(dpi: 200, skewDegrees: 2, noise: true, jpegQuality: 75, seed: 7))
        try s.daemon.drop(scan, folder: branchA, name: "扫描件.pdf")
        try s.daemon.waitForEmptyInbox()
        let archive = try #require(try s.archives("202244010002").first)
        let checks = archive["checks"] as? [String: String] ?? [:]
        #expect(checks["cover"] == "yes")
        #expect(checks["numberSource"] == "qr")
        #expect(archive["pages"] as? Int == 3)
        let shown = try expectOK(s.daemon.cli(["member", "show", "202244010002"], credentials: "root.cred")).stdout
        #expect(shown.contains("封面 cover + 2"))
    }

    // R-M3: two labels with different numbers on one page are a mismatch, refused with the reason, never a guess.
    @Test func twoDifferentLabelsAreRefused() throws {
        let s = try Scenario.withMembers()
        _ = try Self.labels(s, [], output: "labels.pdf")
        let sheet = try Self.render(s.daemon.root + "/labels.pdf", dpi: 300)
        let both = ScanBuilder.formWithSticker(
            number: nil, name: "李明", layout: .plain, stickerPNG: sheet, pngDPI: 300, crop: Self.labelCell(0, count: 2), at: (60, 40),
            stickerDegrees: 0, pages: 1, options: ScanOptions(dpi: 200, seed: 5))
        try s.daemon.drop(both, folder: branchA, name: "两个标签.pdf")
        try s.daemon.waitForEmptyInbox()
        let refused = try s.uploads("refused")
        #expect(refused.first?["reasonCode"] as? String == "number-mismatch")
        #expect((refused.first?["reason"] as? String)?.contains("202144010001") == true)
        #expect(try s.archives("202144010001").isEmpty && s.archives("202244010002").isEmpty)
    }

    // OCR of a printed number: archived, its source and lowest digit confidence shown to the reviewer.
    @Test func aPrintedNumberIsReadByOCR() throws {
        let s = try Scenario.withMembers()
        try s.registerAdmin(org: "0002", issuer: "root.cred", newCredentials: "a.cred", name: "审核员甲")
        let scan = ScanBuilder.form(
            number: "202144010001", name: "李明", layout: .grouped, pages: 2,
            options: ScanOptions(dpi: 200, skewDegrees: -1.5, noise: true, jpegQuality: 70, seed: 11))
        try s.daemon.drop(scan, folder: branchA, name: "scan.pdf")
        try s.daemon.waitForEmptyInbox()
        let archive = try #require(try s.archives("202144010001").first)
        let checks = archive["checks"] as? [String: String] ?? [:]
        #expect(checks["numberSource"] == "ocr")
        #expect(Int(checks["numberConfidence"] ?? "") ?? 0 >= 90)
        let queue = try jsonList(try expectOK(s.daemon.cli(["reviews", "--json"], credentials: "a.cred")).stdout, "items")
        #expect(queue.first?["numberSource"] as? String == "ocr")
        #expect(queue.first?["numberConfidence"] as? Int == Int(checks["numberConfidence"] ?? ""))
        let text = try expectOK(s.daemon.cli(["reviews"], credentials: "a.cred")).stdout
        #expect(text.contains("OCR \(checks["numberConfidence"] ?? "")%"))
        let shown = try expectOK(s.daemon.cli(["member", "show", "202144010001"], credentials: "root.cred")).stdout
        #expect(shown.contains("OCR \(checks["numberConfidence"] ?? "")%"))
    }

    /// Two classmates whose numbers differ in one digit (the neighbour trap), in branch 0003.
    static func withNeighbours() throws -> Scenario {
        let s = try Scenario.withMembers()
        func id(_ first17: String) -> String { first17 + String(IDNumber.checkCharacter(for: first17)) }
        let csv = [
            "姓名,身份证号码,民族,政治面貌,入团年月,所在团支部,是否为团干部,发展团员编号,手机号码",
            "王小明,\(id("44010120080404041")),汉族,共青团员,2023-05,0003,否,202344010128,",
            "李华,\(id("44010120080505051")),汉族,共青团员,2023-05,0003,否,202344010123,",
        ].joined(separator: "\n")
        let file = try s.daemon.write("neighbours.csv", Data(csv.utf8))
        try expectOK(s.daemon.cli(["member", "import", file], credentials: "root.cred"))
        return s
    }

    // The neighbour trap: a number that names a classmate while page 1 names someone else is never matched; scans
    // degraded until OCR is unsure land on their member or wait in `unmatched`, never on the neighbour.
    @Test func theNeighbourTrap() throws {
        let s = try Self.withNeighbours()
        // Page 1 shows 王小明 with 李华's number (what a one-digit misread would give): not matched.
        let misread = ScanBuilder.form(number: "202344010123", name: "王小明", layout: .plain, pages: 1, options: ScanOptions(dpi: 300, seed: 21))
        try s.daemon.drop(misread, folder: branchA, name: "a.pdf")
        try s.daemon.waitForEmptyInbox()
        let unmatched = try s.uploads("unmatched")
        #expect(unmatched.count == 1)
        #expect((unmatched.first?["reason"] as? String)?.contains("编号与姓名不符") == true)
        #expect(unmatched.first?["suggestion"] as? String == "202344010123")
        #expect(try s.archives("202344010123").isEmpty)
        // 王小明's own form, ever worse: blurred, speckled, low-quality JPEG, at 150 DPI.
        for (i, blur) in [1, 2, 3].enumerated() {
            let scan = ScanBuilder.form(
                number: "202344010128", name: "王小明", layout: .boxed, pages: 1,
                options: ScanOptions(dpi: 150, skewDegrees: 2.5, noise: true, blur: blur, jpegQuality: 35, seed: UInt64(30 + i)))
            try s.daemon.drop(scan, folder: branchA, name: "b\(i).pdf")
        }
        try s.daemon.waitForEmptyInbox()
        #expect(try s.archives("202344010123").isEmpty)
        let all = try s.uploads("unmatched") + s.uploads("refused")
        #expect(!all.contains { $0["developmentNumber"] as? String == "202344010123" && $0["memberID"] != nil })
    }

    // A sure reading that names no member here waits in `unmatched` with the reading as a suggestion; one `attach`.
    @Test func anUnknownNumberIsSuggested() throws {
        let s = try Scenario.withMembers()
        let scan = ScanBuilder.form(number: "202344019999", name: "张伟", layout: .underlined, pages: 1, options: ScanOptions(dpi: 300, noise: true, seed: 41))
        try s.daemon.drop(scan, folder: branchA, name: "scan.pdf")
        try s.daemon.waitForEmptyInbox()
        let unmatched = try s.uploads("unmatched")
        #expect(unmatched.first?["suggestion"] as? String == "202344019999")
        #expect(unmatched.first?["developmentNumber"] == nil)
        let text = try expectOK(s.daemon.cli(["unmatched"], credentials: "root.cred")).stdout
        #expect(text.contains("OCR 读到 / read: 202344019999"))
        let id = unmatched.first?["id"] as? Int ?? 0
        try expectOK(s.daemon.cli(["attach", String(id), "--member", "202244010002"], credentials: "root.cred"))
        #expect(try s.archives("202244010002").count == 1)
    }

    // No member to print for: a clear error in both languages, and no file written.
    @Test func labelsForNobodyExplainWhy() throws {
        let s = try Scenario.withMembers()
        let result = try s.daemon.cli(["labels", "--org", "0005", "-o", s.daemon.root + "/none.pdf"], credentials: "root.cred")
        #expect(result.status != 0)
        #expect(result.stderr.contains("没有需要打印标签的团员") && result.stderr.contains("no member to print a label for"))
        #expect(!FileManager.default.fileExists(atPath: s.daemon.root + "/none.pdf"))
    }
}
