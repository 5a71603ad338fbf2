import Foundation
import ZHTJCore

/// The rule of the daemon's daily jobs (the reminder sweep, the scheduled backup): once a day, at or after a local
/// time `HH:MM`; the day is `CivilDate(now)`, the one the job remembers as done.
enum DailySchedule {
    /// The day to run for now, or nil when it is not yet time today or the job already ran on that day.
    static func dueDay(now: Date, at time: (hour: Int, minute: Int), lastDay: String?) -> String? {
        let parts = Calendar.current.dateComponents([.hour, .minute], from: now)
        let day = CivilDate(now).description
        return (parts.hour ?? 0, parts.minute ?? 0) >= time && lastDay != day ? day : nil
    }
}
