/// Change requests: a new file after an upload needs one, approved by the reviewer (R-E12).
extension API {
    public enum ChangeRequest: ZHTJCommand {
        public typealias Params = ChangeRequestParams
        public typealias Result = ChangeRequestInfo
        public static let name = "change.request"
        public static let access = Access.admin
    }

    public enum ChangeList: ZHTJCommand {
        public typealias Params = NoParams
        public typealias Result = [ChangeRequestInfo]
        public static let name = "change.list"
        public static let access = Access.admin
    }

    public enum ChangeApprove: ZHTJCommand {
        public typealias Params = DecisionParams
        public typealias Result = ChangeRequestInfo
        public static let name = "change.approve"
        public static let access = Access.admin
    }

    public enum ChangeReject: ZHTJCommand {
        public typealias Params = DecisionParams
        public typealias Result = ChangeRequestInfo
        public static let name = "change.reject"
        public static let access = Access.admin
    }
}
