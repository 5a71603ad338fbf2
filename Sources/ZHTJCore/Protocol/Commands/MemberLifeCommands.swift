/// A member's life in the registry (issue 16): leaving the league (R-M4), transfers that the receiving org
/// accepts (R-W1, R-E11), the electronic member card (R-W3), and members' own credentials (R-E13).
extension API {
    public enum MemberLeave: ZHTJCommand {
        public typealias Params = LeaveParams
        public typealias Result = LeaveRequestInfo
        public static let name = "member.leave"
        public static let access = Access.admin
    }

    public enum LeaveList: ZHTJCommand {
        public typealias Params = RequestListParams
        public typealias Result = [LeaveRequestInfo]
        public static let name = "leave.list"
        public static let access = Access.admin
    }

    public enum LeaveApprove: ZHTJCommand {
        public typealias Params = DecisionParams
        public typealias Result = LeaveRequestInfo
        public static let name = "leave.approve"
        public static let access = Access.admin
    }

    public enum LeaveReject: ZHTJCommand {
        public typealias Params = DecisionParams
        public typealias Result = LeaveRequestInfo
        public static let name = "leave.reject"
        public static let access = Access.admin
    }

    public enum Transfer: ZHTJCommand {
        public typealias Params = TransferParams
        public typealias Result = TransferRequestInfo
        public static let name = "transfer"
        public static let access = Access.admin
    }

    public enum TransferList: ZHTJCommand {
        public typealias Params = RequestListParams
        public typealias Result = [TransferRequestInfo]
        public static let name = "transfer.list"
        public static let access = Access.admin
    }

    public enum TransferAccept: ZHTJCommand {
        public typealias Params = DecisionParams
        public typealias Result = TransferRequestInfo
        public static let name = "transfer.accept"
        public static let access = Access.admin
    }

    public enum TransferRefuse: ZHTJCommand {
        public typealias Params = DecisionParams
        public typealias Result = TransferRequestInfo
        public static let name = "transfer.refuse"
        public static let access = Access.admin
    }

    public enum TransferCancel: ZHTJCommand {
        public typealias Params = DecisionParams
        public typealias Result = TransferRequestInfo
        public static let name = "transfer.cancel"
        public static let access = Access.admin
    }

    public enum MemberCard: ZHTJCommand {
        public typealias Params = MemberKeyParams
        public typealias Result = MemberCardResult
        public static let name = "member.card"
        public static let access = Access.adminOrMember
    }

    public enum MemberSelfRegister: ZHTJCommand {
        public typealias Params = SelfRegisterParams
        public typealias Result = SelfRegisterResult
        public static let name = "member.selfRegister"
        public static let access = Access.anyone
    }

    public enum MemberSelfRequests: ZHTJCommand {
        public typealias Params = NoParams
        public typealias Result = [MemberAccountInfo]
        public static let name = "member.selfRequests"
        public static let access = Access.admin
    }

    public enum MemberApproveSelf: ZHTJCommand {
        public typealias Params = MemberKeyParams
        public typealias Result = MemberAccountInfo
        public static let name = "member.approveSelf"
        public static let access = Access.admin
    }
}
