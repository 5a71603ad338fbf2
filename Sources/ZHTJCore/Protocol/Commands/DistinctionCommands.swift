/// Rewards and sanctions, entered by the granting org within 20 working days (R-W2).
extension API {
    public enum DistinctionAdd: ZHTJCommand {
        public typealias Params = DistinctionAddParams
        public typealias Result = DistinctionInfo
        public static let name = "distinction.add"
        public static let access = Access.admin
    }

    public enum DistinctionList: ZHTJCommand {
        public typealias Params = MemberKeyParams
        public typealias Result = [DistinctionInfo]
        public static let name = "distinction.list"
        public static let access = Access.admin
    }
}
