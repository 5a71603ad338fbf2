/// Members: import, look-up, search, corrections and history.
extension API {
    public enum MemberImport: ZHTJCommand {
        public typealias Params = MemberImportParams
        public typealias Result = ImportReport
        public static let name = "member.import"
        public static let access = Access.admin
    }

    public enum MemberShow: ZHTJCommand {
        public typealias Params = MemberKeyParams
        public typealias Result = MemberInfo
        public static let name = "member.show"
        public static let access = Access.adminOrMember
    }

    public enum MemberSearch: ZHTJCommand {
        public typealias Params = MemberSearchParams
        public typealias Result = [MemberInfo]
        public static let name = "member.search"
        public static let access = Access.admin
    }

    public enum MemberSetNumber: ZHTJCommand {
        public typealias Params = SetNumberParams
        public typealias Result = MemberInfo
        public static let name = "member.setNumber"
        public static let access = Access.admin
    }

    public enum MemberHistory: ZHTJCommand {
        public typealias Params = MemberKeyParams
        public typealias Result = [HistoryEntry]
        public static let name = "member.history"
        public static let access = Access.admin
    }
}
