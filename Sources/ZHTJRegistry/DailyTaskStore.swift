import Foundation

/// Daily work that one daemon does for all (issue 15: several daemons on one PostgreSQL): the reminder sweep and the
/// day's audit anchor. The daemon that holds the task's leadership (an advisory lock) runs it, once per day; on
/// SQLite there is one daemon, which always leads.
public protocol DailyTaskStore: Sendable {
    func runOnce<T>(_ task: String, day: String, daemon: String, now: Date, _ body: () throws -> T) throws -> DailyTaskRun<T>
}

/// What became of a daily task on this daemon.
public enum DailyTaskRun<T> {
    /// This daemon ran it, with its result.
    case ran(T)
    /// Another daemon runs it now: ask again later (if that one dies, its lock goes with it).
    case runningElsewhere
    /// A daemon has run it that day already.
    case doneElsewhere(daemon: String)
}
