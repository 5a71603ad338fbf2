import Foundation
import GRDB
import ZHTJRegistry

extension AppDatabase {
    /// On PostgreSQL: the task's session advisory lock, held on a connection of its own while `body` runs (a daemon
    /// that dies lets go of it with its connection), and a `dailyTask` row once it is done. On SQLite: `body`.
    public func runOnce<T>(_ task: String, day: String, daemon: String, now: Date, _ body: () throws -> T) throws -> DailyTaskRun<T> {
        guard case .postgres(let pool) = engine else { return .ran(try body()) }
        let key = Self.taskLockKey(task)
        return try mapped {
            try pool.withConnection { connection -> DailyTaskRun<T> in
                let locked = try connection.query("SELECT pg_try_advisory_lock($1)", [key.databaseValue])
                guard locked.rows.first?.first == 1.databaseValue else { return .runningElsewhere }
                defer { _ = try? connection.query("SELECT pg_advisory_unlock($1)", [key.databaseValue]) }
                let done = try connection.query(
                    "SELECT daemon FROM dailyTask WHERE task = $1 AND day = $2", [task.databaseValue, day.databaseValue])
                if let row = done.rows.first, let by = String.fromDatabaseValue(row[0]) { return .doneElsewhere(daemon: by) }
                let result = try body()
                try connection.query(
                    "INSERT INTO dailyTask (task, day, daemon, finishedAt) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                    [task.databaseValue, day.databaseValue, daemon.databaseValue, now.databaseValue])
                return .ran(result)
            }
        }
    }

    /// A task's advisory lock key: a constant prefix and a hash of its name that does not change between runs.
    static func taskLockKey(_ task: String) -> Int64 {
        var hash: UInt32 = 2_166_136_261  // FNV-1a
        for byte in task.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return 0x7A68_746A << 32 | Int64(hash)
    }
}
