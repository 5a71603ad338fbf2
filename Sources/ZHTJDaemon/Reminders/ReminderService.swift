import Foundation
import Logging
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

    public func run() async throws {
        // The wait between looks at the clock ends at once on SIGTERM; a sweep in hand finishes first.
        do {
            try await cancelWhenGracefulShutdown { try await self.loop() }
        } catch is CancellationError {
            return
        }
    }

    private func loop() async throws {
        var lastSweep: String? = nil
        while !Task.isCancelled {
            let now = clock.now()
            let parts = Calendar.current.dateComponents([.hour, .minute], from: now)
            let due = (parts.hour ?? 0, parts.minute ?? 0) >= settings.reminderTime
            let day = CivilDate(now).description
            if due && lastSweep != day {
                await sweep(now: now)
                lastSweep = day
            }
            try await Task.sleep(for: .seconds(settings.reminderCheckSeconds))
        }
    }

    /// One pass over every org; runs off the cooperative threads.
    private func sweep(now: Date) async {
        let delivery = self.delivery, logger = self.logger
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                // One org's failure (a full disk, say) is logged inside; the others still get theirs.
                do {
                    let outcome = try delivery.deliverAll(now: now)
                    logger.notice("daily reminders", metadata: ["zhtj.sent": "\(outcome.sent)", "zhtj.failed": "\(outcome.failed)"])
                } catch {
                    logger.error("daily reminders failed", metadata: ["zhtj.error": "\(error)"])
                }
                continuation.resume()
            }
        }
    }
}
