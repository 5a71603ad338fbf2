import Foundation
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import ZHTJCore
import ZHTJRegistry

/// Sends the daily reminders at `reminders.time` (local time), one per org and day, across restarts too.
public struct ReminderService: Service {
    let delivery: ReminderDelivery
    let database: any Registry
    let settings: DaemonSettings
    let clock: DaemonClock
    let logger: Logger
    /// This daemon's name: with several daemons on one PostgreSQL, one of them sweeps each day (`runOnce`).
    let daemonID: String

    public func run() async throws {
        // One thread for the sweeps (they block on SQLite, files and hooks), as long as the service runs.
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        // The wait between looks at the clock ends at once on SIGTERM; a sweep in hand finishes first.
        do {
            try await cancelWhenGracefulShutdown { try await self.loop(pool: pool) }
        } catch is CancellationError {
            // Shut down.
        } catch {
            try? await pool.shutdownGracefully()
            throw error
        }
        try await pool.shutdownGracefully()
    }

    private func loop(pool: NIOThreadPool) async throws {
        var lastSweep: String? = nil
        while !Task.isCancelled {
            let now = clock.now()
            if let day = DailySchedule.dueDay(now: now, at: settings.reminderTime, lastDay: lastSweep) {
                // Another daemon sweeping now: asked again at the next look (it may die before it is done).
                if await sweep(now: now, day: day, pool: pool) { lastSweep = day }
            }
            try await Task.sleep(for: .seconds(settings.reminderCheckSeconds))
        }
    }

    /// One pass over every org, on the service's thread, by one daemon of those sharing the registry. Once
    /// submitted it runs to the end, also when the service is cancelled meanwhile (the future, unlike the async
    /// `runIfActive`, does not drop it). False when another daemon is sweeping now.
    private func sweep(now: Date, day: String, pool: NIOThreadPool) async -> Bool {
        let delivery = self.delivery, logger = self.logger, settings = self.settings, daemonID = self.daemonID
        let done = pool.runIfActive(eventLoop: MultiThreadedEventLoopGroup.singleton.any()) { () -> Bool in
            // One org's failure (a full disk, say) is logged inside; the others still get theirs.
            do {
                let run = try delivery.database.runOnce("reminders", day: day, daemon: daemonID, now: now) {
                    let outcome = try delivery.deliverAll(now: now)
                    logger.notice("daily reminders", metadata: ["zhtj.sent": "\(outcome.sent)", "zhtj.failed": "\(outcome.failed)"])
                    // The day's anchor of the audit chain (issue 14).
                    if let line = try AuditAnchors(layout: delivery.layout).append(delivery.database, now: now) {
                        logger.notice("audit anchor written", metadata: ["zhtj.anchor": "\(line)"])
                        AuditAnchors.witness(line, settings: settings, logger: logger)
                    }
                }
                switch run {
                case .ran: return true
                case .runningElsewhere:
                    logger.info("another daemon is sending today's reminders")
                    return false
                case .doneElsewhere(let other):
                    // This daemon sent none: the day's sweep was done (by another daemon, or by this storage's daemon
                    // before a restart).
                    logger.notice("daily reminders", metadata: ["zhtj.sent": "0", "zhtj.doneBy": "\(other)"])
                    return true
                }
            } catch {
                logger.error("daily reminders failed", metadata: ["zhtj.error": "\(error)"])
                return true
            }
        }
        // It fails only when the pool has stopped, which it does after the loop.
        return (try? await done.get()) ?? true
    }
}
