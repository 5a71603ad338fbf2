import Foundation
import Logging
import ServiceLifecycle
import ZHTJCore
import ZHTJRegistry

/// The daily backup (issue 14): at `backup.time` (local) into `backup.dir`, once a day, across restarts too (a
/// day's scheduled backup that ended, good or not, is not repeated; a failed one is reported by `admin status` and
/// the operator's banner). At shutdown a running backup is abandoned and the runner's thread stopped.
struct BackupService: Service {
    let runner: BackupRunner
    let settings: DaemonSettings
    let clock: DaemonClock
    let logger: Logger

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await self.loop() }
        } catch is CancellationError {
            // Shut down.
        }
        runner.stop()
        try await runner.pool.shutdownGracefully()
    }

    private func loop() async throws {
        guard let dir = settings.backupDir else { return try await waitForShutdown() }
        var lastDay: String? = nil
        if let last = try? runner.database.lastBackups().last, last.trigger == "schedule" {
            lastDay = CivilDate(last.startedAt).description
        }
        while !Task.isCancelled {
            if let day = DailySchedule.dueDay(now: clock.now(), at: settings.backupTime, lastDay: lastDay) {
                do {
                    _ = try runner.start(dir: dir, link: false, trigger: "schedule")
                    lastDay = day
                } catch {
                    // Busy (a backup by command is running): the next look tries again.
                    logger.warning("scheduled backup not started", metadata: ["zhtj.error": "\(error)"])
                }
            }
            try await Task.sleep(for: .seconds(settings.reminderCheckSeconds))
        }
    }

    private func waitForShutdown() async throws {
        while !Task.isCancelled { try await Task.sleep(for: .seconds(3600)) }
    }
}
