/// League fees, recorded from the payment channel (R-W4).
extension API {
    public enum FeeRecord: ZHTJCommand {
        public typealias Params = FeeRecordParams
        public typealias Result = FeePaymentInfo
        public static let name = "fee.record"
        public static let access = Access.admin
    }

    public enum FeeImport: ZHTJCommand {
        public typealias Params = FeeImportParams
        public typealias Result = FeeImportReport
        public static let name = "fee.import"
        public static let access = Access.admin
    }

    public enum FeeStatus: ZHTJCommand {
        public typealias Params = FeeStatusParams
        public typealias Result = FeeStatusResult
        public static let name = "fee.status"
        public static let access = Access.admin
    }

    public enum FeeList: ZHTJCommand {
        public typealias Params = MemberKeyParams
        public typealias Result = [FeePaymentInfo]
        public static let name = "fee.list"
        public static let access = Access.admin
    }
}
