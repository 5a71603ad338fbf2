import Foundation
import Testing
import ZHTJTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Ingest end to end: files dropped into the real daemon's inbox, checked, read, matched and archived (issue 3).
@Suite struct IngestTests {
    // R-E3, R-M3: a text form with the number in a Chinese sentence is archived for its member, pages counted.
    @Test func textFormIsArchivedForItsMember() throws {
        let s = try Scenario.withMembers()
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001", pages: 3), folder: branchA, name: "李明 入团志愿书.pdf")
        try s.daemon.waitForEmptyInbox()
        let archives = try s.archives("202144010001")
        #expect(archives.count == 1)
        #expect(archives.first?["pages"] as? Int == 3)
        #expect(archives.first?["fileName"] as? String == "李明 入团志愿书.pdf")
        #expect(archives.first?["uploadedByID"] as? Int == 3)
        #expect(archives.first?["required"] as? Bool == true)
        // Each check's result is kept with the version.
        let checks = archives.first?["checks"] as? [String: String] ?? [:]
        #expect(checks["type"] == "application/pdf")
        #expect(checks["numberSource"] == "text")
        #expect(checks["pages"] == "3")
        #expect(s.daemon.archiveCount() == 1)
        let sha = archives.first?["sha256"] as? String ?? ""
        let path = s.daemon.storage + "/archive/\(sha.prefix(2))/\(sha.dropFirst(2).prefix(2))/\(sha).pdf"
        #expect(FileManager.default.fileExists(atPath: path))
    }

    // An image-only scan with no number on page 1 (no text, no label, nothing for OCR): the number comes from the file name.
    @Test func scannedFormTakesTheNumberFromTheFileName() throws {
        let s = try Scenario.withMembers()
        try s.daemon.drop(PDFBuilder.scannedForm(number: nil, pages: 2), folder: branchA, name: "张伟_202244010002.pdf")
        try s.daemon.waitForEmptyInbox()
        let archives = try s.archives("202244010002")
        #expect(archives.count == 1)
        #expect(archives.first?["pages"] as? Int == 2)
    }

    // No number: unmatched, not refused; an admin attaches it.
    @Test func noNumberGoesToUnmatchedAndCanBeAttached() throws {
        let s = try Scenario.withMembers()
        try s.daemon.drop(PDFBuilder.scannedForm(number: nil), folder: branchA, name: "scan0001.pdf")
        try s.daemon.waitForEmptyInbox()
        let unmatched = try s.uploads("unmatched")
        #expect(unmatched.count == 1)
        let id = unmatched.first?["id"] as? Int ?? 0
        try expectOK(s.daemon.cli(["attach", String(id), "--member", "202244010002"], credentials: "root.cred"))
        #expect(try s.archives("202244010002").count == 1)
        #expect(try s.uploads("unmatched").isEmpty)
        // Another admin's subtree cannot attach what it does not see.
        try s.registerAdmin(org: "0004", issuer: "root.cred", newCredentials: "b.cred")
        try s.daemon.drop(PDFBuilder.scannedForm(number: nil, pages: 2), folder: branchA, name: "scan0002.pdf")
        try s.daemon.waitForEmptyInbox()
        let second = try s.uploads("unmatched").first?["id"] as? Int ?? 0
        let denied = try s.daemon.cli(["attach", String(second), "--member", "201944010003"], credentials: "b.cred")
        #expect(denied.status == 1)
    }

    // An unknown number waits in the unmatched list and is matched when the member is imported later.
    @Test func unmatchedFilesAreMatchedWhenTheMemberIsImported() throws {
        let s = try Scenario.withMembers()
        try s.daemon.drop(PDFBuilder.textForm(number: "202344010777"), folder: branchA, name: "新团员.pdf")
        // The 2019 member's number dropped into another branch's folder: outside that folder's subtree.
        try s.daemon.drop(PDFBuilder.textForm(number: "201944010003"), folder: branchA, name: "赵强.pdf")
        try s.daemon.waitForEmptyInbox()
        #expect(try s.uploads("unmatched").count == 2)
        let csv = try s.daemon.write("later.csv", Data([
            "姓名,身份证号码,民族,政治面貌,入团年月,所在团支部,是否为团干部,发展团员编号,手机号码",
            "王磊,440101200108080883,汉族,共青团员,2023-05,0003,否,202344010777,",
        ].joined(separator: "\n").utf8))
        let report = try jsonObject(try expectOK(s.daemon.cli(["member", "import", csv, "--json"], credentials: "root.cred")).stdout)
        #expect(report["matchedUploads"] as? Int == 1)
        #expect(try s.archives("202344010777").count == 1)
        #expect(try s.archives("201944010003").isEmpty)
        #expect(try s.uploads("unmatched").count == 1)
    }

    // A file in the inbox root is attributed to the member's own branch.
    @Test func inboxRootFilesGoToTheMembersBranch() throws {
        let s = try Scenario.withMembers()
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001"), folder: "", name: "from-anywhere.pdf")
        try s.daemon.waitForEmptyInbox()
        let archives = try s.archives("202144010001")
        #expect(archives.first?["uploadedByID"] as? Int == 3)
    }

    // The same bytes twice: one archive copy, the second recorded as a duplicate.
    @Test func sameBytesTwiceAreADuplicate() throws {
        let s = try Scenario.withMembers()
        let pdf = PDFBuilder.textForm(number: "202144010001")
        try s.daemon.drop(pdf, folder: branchA, name: "first.pdf")
        try s.daemon.waitForEmptyInbox()
        try s.daemon.drop(pdf, folder: branchA, name: "again.pdf")
        try s.daemon.waitForEmptyInbox()
        #expect(s.daemon.archiveCount() == 1)
        #expect(try s.archives("202144010001").count == 1)
        #expect(s.daemon.log.contains("duplicate of an archived document"))
    }

    // R-M3: the number on page 1 and the one in the file name differ: refused, never a guess.
    @Test func numberMismatchIsRefused() throws {
        let s = try Scenario.withMembers()
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001"), folder: branchA, name: "202244010002.pdf")
        try s.daemon.waitForEmptyInbox()
        let refused = try s.uploads("refused")
        #expect(refused.first?["reasonCode"] as? String == "number-mismatch")
        let note = try String(contentsOfFile: s.daemon.storage + "/refused/\(branchA)/202244010002.pdf.reason.txt", encoding: .utf8)
        #expect(note.contains("number mismatch"))
        #expect(try s.archives("202144010001").isEmpty)
    }

    // R-E1: a member who joined before 2020 needs no e-archive; a file for them is kept, marked as not required.
    @Test func fileForAPre2020MemberIsKeptAsNotRequired() throws {
        let s = try Scenario.withMembers()
        try s.daemon.drop(PDFBuilder.textForm(number: "201944010003"), folder: branchB, name: "赵强.pdf")
        try s.daemon.waitForEmptyInbox()
        let archives = try s.archives("201944010003")
        #expect(archives.count == 1)
        #expect(archives.first?["required"] as? Bool == false)
    }

    // Hidden and temporary names wait until they are renamed.
    @Test func temporaryNamesWait() throws {
        let s = try Scenario.withMembers()
        let part = try s.daemon.drop(PDFBuilder.textForm(number: "202144010001"), folder: branchA, name: "scan.pdf.part")
        try s.daemon.drop(PDFBuilder.textForm(number: "202244010002"), folder: branchA, name: ".hidden.pdf")
        sleep(3)
        #expect(Set(s.daemon.inboxFiles()) == ["\(branchA)/scan.pdf.part", "\(branchA)/.hidden.pdf"])
        rename(part, s.daemon.inboxFolder(branchA) + "/scan.pdf")
        try s.daemon.waitForEmptyInbox(except: ["\(branchA)/.hidden.pdf"])
        #expect(try s.archives("202144010001").count == 1)
    }

    // A number only in the PDF metadata is found there.
    @Test func numberFromMetadata() throws {
        let s = try Scenario.withMembers()
        try s.daemon.drop(PDFBuilder.withMetadata(number: nil, title: "入团志愿书 202244010002", subject: nil, keywords: nil), folder: branchA, name: "scan.pdf")
        try s.daemon.waitForEmptyInbox()
        #expect(try s.archives("202244010002").count == 1)
    }

    // NFS/SMB mounts: polling instead of inotify; the start-up log says which mode is used.
    @Test func pollingModeWorksToo() throws {
        let s = try Scenario.withMembers(extraEnvironment: ["ZHTJD_INGEST_POLLING": "true"])
        #expect(s.daemon.log.contains("zhtj.mode=polling"))
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001"), folder: branchA, name: "a.pdf")
        try s.daemon.waitForEmptyInbox()
        #expect(try s.archives("202144010001").count == 1)
        let inotify = try Scenario.withMembers()
        #expect(inotify.daemon.log.contains("zhtj.mode=inotify"))
    }
}
