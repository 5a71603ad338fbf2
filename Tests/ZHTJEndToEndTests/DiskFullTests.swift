import Foundation
import Testing
import ZHTJTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Disk full (issue 6): the archive on a small tmpfs that fills up. The inbox file stays and is taken again when
/// space returns; the daemon keeps answering reads; the log says what happened. Needs root to mount.
@Suite(.serialized, .enabled(if: getuid() == 0, "needs root to mount a tmpfs"))
struct DiskFullTests {
    func mount(_ args: [String]) throws {
        try expectOK(runProgram("/bin/mount", args, environment: ProcessInfo.processInfo.environment))
    }

    @Test func aFullArchiveKeepsTheFileInTheInboxUntilSpaceReturns() throws {
        let s = try Scenario.withMembers(extraEnvironment: ["ZHTJD_INGEST_RESCAN_SECONDS": "1"])
        s.daemon.stop()
        let archive = s.daemon.storage + "/archive"
        guard (try? mount(["-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", archive])) != nil else {
            Issue.record("cannot mount a tmpfs here")
            return
        }
        defer { _ = try? runProgram("/bin/umount", ["-l", archive], environment: ProcessInfo.processInfo.environment) }
        try s.daemon.start()
        let big = PDFBuilder.sized(targetBytes: 2 * 1024 * 1024, number: nil)
        try s.daemon.drop(big, folder: branchA, name: "张伟_202244010002.pdf")
        try s.daemon.waitUntil("the failure in the log", timeout: 60) { s.daemon.log.contains("ingest failed; the file stays in the inbox") }
        #expect(s.daemon.log.contains("No space left on device"))
        #expect(s.daemon.inboxFiles() == ["\(branchA)/张伟_202244010002.pdf"])
        // Reads still work.
        try expectOK(s.daemon.cli(["member", "show", "202244010002"], credentials: "root.cred"))
        try expectOK(s.daemon.cli(["whoami"], credentials: "root.cred"))
        // Space returns: the next pass takes the file.
        try mount(["-o", "remount,size=64m", archive])
        try s.daemon.waitForEmptyInbox(timeout: 60)
        let archives = try s.archives("202244010002")
        #expect(archives.count == 1)
        #expect(archives.first?["size"] as? Int == big.count)
        // No half-written temporary file was left behind.
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: archive + "/tmp")) ?? []).isEmpty)
    }
}
