import Foundation
import Logging
import NIOConcurrencyHelpers
import ZHTJBackup
import ZHTJCore
import ZHTJRegistry

#if canImport(Glibc)
    import Glibc
#endif

/// Delivers reminders: a file per org and day in `outbox/<org folder>/YYYY-MM-DD.txt`, and the optional command hook,
/// once per admin, on its own queue with retries, so a slow or failing hook never blocks the daemon.
public final class ReminderDelivery: Sendable {
    let database: any Registry
    let layout: StorageLayout
    let settings: DaemonSettings
    let logger: Logger
    private let hooks = DispatchQueue(label: "zhtj.reminder-hooks")

    public init(database: any Registry, layout: StorageLayout, settings: DaemonSettings, logger: Logger) {
        self.database = database
        self.layout = layout
        self.settings = settings
        self.logger = logger
    }

    public enum Outcome: String, Sendable {
        case sent
        case alreadySent = "already-sent"
        case nothingOpen = "nothing-open"
    }

    /// Sends `orgID`'s reminder for the day of `now`, unless it had one that day or nothing is open.
    @discardableResult
    public func deliver(orgID: Int64, now: Date) throws -> Outcome {
        let day = CivilDate(now).description
        if try database.reminderSent(orgID: orgID, day: day) { return .alreadySent }
        let reminder = try database.reminder(orgID: orgID, now: now, oldest: settings.reminderOldest)
        guard !reminder.isEmpty else { return .nothingOpen }
        let disk = try OutboxFile.FileSystem(folder: layout.outbox)
        let (file, text) = try write(reminder, day: day)
        try disk.sync()
        guard try database.markReminderSent(orgID: orgID, day: day, file: file, now: now) else { return .alreadySent }
        logger.info("reminder written", metadata: ["zhtj.org": "\(orgID)", "zhtj.file": "\(file)"])
        try startHooks(reminder, text: text, day: day, now: now)
        return .sent
    }

    /// What a sweep did.
    public struct SweepOutcome: Sendable {
        public var orgs = 0
        public var sent = 0
        public var alreadySent = 0
        public var nothingOpen = 0
        public var failed = 0
        /// Where the time went: reading (tallies, open members, reviews), rendering and writing the files, recording
        /// the sends; seconds.
        public var readSeconds = 0.0
        public var writeSeconds = 0.0
        public var recordSeconds = 0.0
    }

    /// The daily sweep: every org's reminder for the day of `now`, once per org and day (R-E10). The reminders are
    /// computed in one pass (`forEachReminder`), the files written, then the sends recorded in batches of `batch`
    /// orgs per transaction, and the hooks started for the orgs recorded. One org's failure is logged; the others
    /// still get theirs.
    @discardableResult
    public func deliverAll(now: Date, batch: Int = 1000) throws -> SweepOutcome {
        let day = CivilDate(now).description
        let done = try database.remindersSent(day: day)
        var outcome = SweepOutcome()
        outcome.alreadySent = done.count
        let started = Date()
        let disk = try OutboxFile.FileSystem(folder: layout.outbox)
        var open: [Reminder] = []
        try database.forEachReminder(now: now, oldest: settings.reminderOldest, skipping: done) { reminder in
            outcome.orgs += 1
            if reminder.isEmpty { outcome.nothingOpen += 1 } else { open.append(reminder) }
        }
        outcome.orgs += done.count
        let read = Date()
        // Rendered and written by a few threads (creating tens of thousands of files is the sweep's longest step).
        let workers = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
        let results = NIOLockedValueBox<[(reminder: Reminder, file: String, text: String)]>([])
        let failures = NIOLockedValueBox(0)
        let hook = settings.reminderHook != nil
        let due = open
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var mine: [(reminder: Reminder, file: String, text: String)] = []
            for i in stride(from: worker, to: due.count, by: workers) {
                do {
                    let (file, text) = try write(due[i], day: day)
                    // Only the hook needs the text later.
                    mine.append((due[i], file, hook ? text : ""))
                } catch {
                    failures.withLockedValue { $0 += 1 }
                    logger.error("reminder failed for one org", metadata: ["zhtj.org": "\(due[i].org.id)", "zhtj.error": "\(error)"])
                }
            }
            results.withLockedValue { $0 += mine }
        }
        // Recorded in path order, root first, as they were read.
        let order = Dictionary(uniqueKeysWithValues: due.enumerated().map { ($1.org.id, $0) })
        let written = results.withLockedValue { $0 }.sorted { order[$0.reminder.org.id]! < order[$1.reminder.org.id]! }
        outcome.failed = failures.withLockedValue { $0 }
        // The files on disk before any is recorded as sent.
        if !written.isEmpty { try disk.sync() }
        let filesDone = Date()
        outcome.readSeconds = read.timeIntervalSince(started)
        outcome.writeSeconds = filesDone.timeIntervalSince(read)
        var start = 0
        while start < written.count {
            let slice = written[start..<min(start + batch, written.count)]
            start += batch
            let fresh = Set(try database.markRemindersSent(slice.map { ($0.reminder.org.id, $0.file) }, day: day, now: now))
            outcome.sent += fresh.count
            outcome.alreadySent += slice.count - fresh.count
            for entry in slice where fresh.contains(entry.reminder.org.id) {
                logger.info("reminder written", metadata: ["zhtj.org": "\(entry.reminder.org.id)", "zhtj.file": "\(entry.file)"])
                try startHooks(entry.reminder, text: entry.text, day: day, now: now)
            }
        }
        outcome.recordSeconds = Date().timeIntervalSince(filesDone)
        return outcome
    }

    /// Writes `outbox/<org folder>/<day>.txt` (atomically); returns its path and text.
    private func write(_ reminder: Reminder, day: String) throws -> (file: String, text: String) {
        let file = layout.outbox + "/" + reminder.org.folder + "/\(day).txt"
        let text = reminder.text()
        try OutboxFile.write(text, to: file)
        return (file, text)
    }

    /// Starts the hook, once per admin of the org, on the hooks queue.
    private func startHooks(_ reminder: Reminder, text: String, day: String, now: Date) throws {
        guard let hook = settings.reminderHook else { return }
        let orgID = reminder.org.id
        for admin in try database.admins(orgID: orgID) {
            let env = [
                "ZHTJ_ADMIN_ID": String(admin.id), "ZHTJ_ADMIN_NAME": admin.name, "ZHTJ_ADMIN_EMAIL": admin.email ?? "",
                "ZHTJ_ORG_ID": reminder.org.displayID, "ZHTJ_ORG": reminder.org.fullName, "ZHTJ_DAY": day,
                "PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", "LANG": "C.UTF-8",
            ]
            hooks.async { self.runHook(hook, text: text, environment: env, orgID: orgID, adminID: admin.id, day: day, now: now) }
        }
    }

    /// Runs the hook, retrying a failure `hookAttempts` times; logs and records the outcome.
    private func runHook(_ hook: String, text: String, environment: [String: String], orgID: Int64, adminID: Int64, day: String, now: Date) {
        var detail = ""
        for attempt in 1...settings.hookAttempts {
            let result = Self.run(hook, input: Data(text.utf8), environment: environment, timeout: Double(settings.hookTimeoutSeconds))
            if result == 0 {
                try? database.recordHookDelivery(orgID: orgID, adminID: adminID, day: day, attempts: attempt, ok: true, detail: nil, now: now)
                logger.info("reminder hook delivered", metadata: ["zhtj.org": "\(orgID)", "zhtj.admin": "\(adminID)", "zhtj.attempts": "\(attempt)"])
                return
            }
            detail = result.map { "exit status \($0)" } ?? "timed out"
            logger.warning(attempt < settings.hookAttempts ? "reminder hook failed; retrying" : "reminder hook failed", metadata: ["zhtj.org": "\(orgID)", "zhtj.admin": "\(adminID)", "zhtj.attempt": "\(attempt)", "zhtj.error": "\(detail)"])
            if attempt < settings.hookAttempts { sleep(UInt32(settings.hookRetrySeconds)) }
        }
        try? database.recordHookDelivery(orgID: orgID, adminID: adminID, day: day, attempts: settings.hookAttempts, ok: false, detail: detail, now: now)
        logger.error("reminder hook gave up", metadata: ["zhtj.org": "\(orgID)", "zhtj.admin": "\(adminID)", "zhtj.error": "\(detail)"])
    }

    /// `/bin/sh -c hook` with `input` on stdin; the exit status, or nil after a timeout (the hook is killed).
    static func run(_ hook: String, input: Data, environment: [String: String], timeout: Double) -> Int32? {
        let process = Process()
        // Foundation starts the child in a process group of its own (pgid = pid): at the timeout the whole group,
        // the hook and everything it started, is killed.
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", hook]
        process.environment = environment
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do { try process.run() } catch { return 127 }
        // The throwing write: a hook that exits without reading its input must not crash the daemon (EPIPE).
        try? stdin.fileHandleForWriting.write(contentsOf: input)
        try? stdin.fileHandleForWriting.close()
        if done.wait(timeout: .now() + timeout) == .timedOut {
            kill(-process.processIdentifier, SIGKILL)
            kill(process.processIdentifier, SIGKILL)
            done.wait()
            return nil
        }
        return process.terminationStatus
    }
}
