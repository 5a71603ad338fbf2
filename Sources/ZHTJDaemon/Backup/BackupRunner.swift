import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOPosix
import ZHTJBackup
import ZHTJCore
import ZHTJRegistry

/// Runs backups one at a time on its own thread (issue 14), for `zhtj admin backup` and the daily schedule, and
/// keeps what `admin.status` shows: the backup running (phase, counts, bytes) and the runs that ended.
public final class BackupRunner: Sendable {
    let database: any Registry
    let layout: StorageLayout
    let settings: DaemonSettings
    let configFile: String?
    let clock: DaemonClock
    let logger: Logger
    /// One thread: a backup blocks on SQLite and files; a second waits for none (it is refused as busy).
    let pool: NIOThreadPool
    /// When this daemon started and what its schema check repaired (for `admin.status`).
    let startedAt: Date
    let schemaRepairs: [String]
    private let state = NIOLockedValueBox(State())

    struct State {
        var nextJob = 1
        var running: BackupProgress?
        var finished: [Int: BackupRun] = [:]
        var stopping = false
        var poolStarted = false
    }

    struct Stopped: Error, CustomStringConvertible {
        var description: String { "zhtjd 正在停止，备份已中止 / zhtjd is stopping, the backup was abandoned: run it again after the start" }
    }

    init(database: any Registry, layout: StorageLayout, settings: DaemonSettings, configFile: String?, clock: DaemonClock, logger: Logger, schemaRepairs: [String]) {
        self.database = database
        self.layout = layout
        self.settings = settings
        // The file the settings were read from (the writer backs it up when it exists).
        self.configFile = URL(fileURLWithPath: configFile ?? DaemonSettings.defaultConfigFile).standardizedFileURL.path
        self.clock = clock
        self.logger = logger
        self.schemaRepairs = schemaRepairs
        startedAt = clock.now()
        // Started with the first backup: a daemon run with `--once` never starts (nor stops) it.
        pool = NIOThreadPool(numberOfThreads: 1)
    }

    var running: BackupProgress? { state.withLockedValue { $0.running } }

    func finished(job: Int) -> BackupRun? { state.withLockedValue { $0.finished[job] } }

    /// Starts a backup into `dir` and returns at once; refused when one is running or the folder is not usable.
    func start(dir: String, link: Bool, trigger: String) throws -> BackupStarted {
        let clean = URL(fileURLWithPath: dir).standardizedFileURL.path
        try BackupWriter.validate(dir: dir, layout: layout)
        let now = clock.now()
        let job: Int = try state.withLockedValue { state in
            if let running = state.running { throw ZHTJError.storage(BackupError.busy(since: running.startedAt, dir: running.dir).description) }
            if state.stopping { throw ZHTJError.storage(Stopped().description) }
            defer { state.nextJob += 1 }
            if !state.poolStarted {
                pool.start()
                state.poolStarted = true
            }
            state.running = BackupProgress(job: state.nextJob, dir: clean, startedAt: now, phase: "start", done: 0, total: 0, bytes: 0)
            return state.nextJob
        }
        logger.notice("backup started", metadata: ["zhtj.job": "\(job)", "zhtj.dir": "\(clean)", "zhtj.trigger": "\(trigger)"])
        pool.submit { work in
            guard case .active = work else {
                var run = BackupRun(job: job, trigger: trigger, startedAt: now, dir: clean)
                run.error = Stopped().description
                self.state.withLockedValue {
                    $0.running = nil
                    $0.finished[job] = run
                }
                return
            }
            self.run(job: job, dir: clean, link: link, trigger: trigger, startedAt: now)
        }
        return BackupStarted(job: job, dir: clean, startedAt: now)
    }

    /// Stops taking backups; one running is abandoned at its next step (its partial snapshot removed).
    func stop() {
        state.withLockedValue { $0.stopping = true }
    }

    private func run(job: Int, dir: String, link: Bool, trigger: String, startedAt: Date) {
        var run = BackupRun(job: job, trigger: trigger, startedAt: startedAt, dir: dir)
        let writer = BackupWriter(database: database, layout: layout, configFile: configFile, dir: dir, link: link) { phase, done, total, bytes in
            // A crash point for the tests: the daemon killed with everything copied but the manifest.
            if phase == "manifest" { FaultInjection.point("backup.manifest") }
            FaultInjection.slowBackupStep()
            try self.state.withLockedValue { state in
                if state.stopping { throw Stopped() }
                state.running?.phase = phase
                state.running?.done = done
                state.running?.total = total
                state.running?.bytes = bytes
            }
        }
        do {
            try writer.write(&run, now: clock.now)
            run.ok = true
            if dir == settings.backupDir.map({ URL(fileURLWithPath: $0).standardizedFileURL.path }) {
                run.pruned = writer.folder.prune(keep: settings.backupKeep, current: run.snapshot)
            }
        } catch {
            run.error = "\(error)"
        }
        run.finishedAt = clock.now()
        do {
            try database.recordBackup(run)
        } catch {
            logger.error("backup record not kept", metadata: ["zhtj.job": "\(job)", "zhtj.error": "\(error)"])
        }
        let metadata: Logger.Metadata = [
            "zhtj.job": "\(job)", "zhtj.dir": "\(dir)", "zhtj.snapshot": "\(run.snapshot ?? "-")", "zhtj.copied": "\(run.objectsCopied)",
            "zhtj.linked": "\(run.objectsLinked)", "zhtj.present": "\(run.objectsPresent)", "zhtj.bytes": "\(run.bytesCopied)",
            "zhtj.auditHead": "\(run.auditHeadID.map(String.init) ?? "-")",
            "zhtj.seconds": "\(run.seconds.sorted { $0.key < $1.key }.map { "\($0.key)=\(String(format: "%.1f", $0.value))" }.joined(separator: ", "))",
        ]
        if run.ok {
            logger.notice("backup done", metadata: metadata)
        } else {
            logger.error("backup failed", metadata: metadata.merging(["zhtj.error": "\(run.error ?? "")"]) { $1 })
        }
        state.withLockedValue { state in
            state.running = nil
            state.finished[job] = run
            state.finished = state.finished.filter { $0.key > job - 20 }
        }
    }
}
