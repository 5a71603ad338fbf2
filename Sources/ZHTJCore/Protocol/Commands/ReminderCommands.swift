/// Reminders of open items (R-E10), the banner line and statistics.
extension API {
    public enum Reminders: ZHTJCommand {
        public typealias Params = RemindersParams
        public typealias Result = RemindersResult
        public static let name = "reminders"
        public static let access = Access.admin
    }

    public enum RemindersBanner: ZHTJCommand {
        public typealias Params = NoParams
        public typealias Result = BannerResult
        public static let name = "reminders.banner"
        public static let access = Access.anyone
    }

    public enum Stats: ZHTJCommand {
        public typealias Params = StatsParams
        public typealias Result = [StatsRow]
        public static let name = "stats"
        public static let access = Access.admin
    }
}
