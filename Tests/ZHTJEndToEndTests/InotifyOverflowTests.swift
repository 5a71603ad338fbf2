import Foundation
import Testing
import ZHTJTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// inotify overflow (issue 6): a tiny kernel queue, the daemon stopped with SIGSTOP, 2000 files dropped, SIGCONT:
/// the overflow makes the daemon rescan, and every file is processed once. Needs root to lower the queue.
@Suite(.serialized, .enabled(if: getuid() == 0 && access("/proc/sys/fs/inotify/max_queued_events", W_OK) == 0, "needs a writable fs.inotify.max_queued_events"))
struct InotifyOverflowTests {
    static let knob = "/proc/sys/fs/inotify/max_queued_events"

    @Test func overflowRescansAndEveryFileIsProcessedOnce() throws {
        let original = try String(contentsOfFile: Self.knob, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let s = try Scenario.withMembers()
        s.daemon.stop()
        // The queue size is taken when an inotify instance is made: lower it for this daemon's start only.
        try "64\n".write(toFile: Self.knob, atomically: false, encoding: .utf8)
        do {
            try s.daemon.start()
        } catch {
            try? (original + "\n").write(toFile: Self.knob, atomically: false, encoding: .utf8)
            throw error
        }
        try (original + "\n").write(toFile: Self.knob, atomically: false, encoding: .utf8)
        guard let pid = s.daemon.process?.processIdentifier else { throw TestFailure("no daemon") }
        kill(pid, SIGSTOP)
        let count = 2000
        for i in 0..<count {
            try s.daemon.drop(Array("not a pdf \(i)\n".utf8), folder: i % 2 == 0 ? branchA : branchB, name: "f\(i).pdf")
        }
        kill(pid, SIGCONT)
        try s.daemon.waitForEmptyInbox(timeout: 300)
        #expect(s.daemon.log.contains("inotify queue overflow"))
        // Counted in the database (`zhtj refused` lists at most 1000).
        let sql = "SELECT count(*), count(DISTINCT displayName) FROM upload WHERE state = 'refused'"
        let counts = try s.daemon.sql(sql).stdout
        #expect(counts.trimmingCharacters(in: .whitespacesAndNewlines) == "\(count)|\(count)")
    }
}
