/// Label sheets and cover sheets with QR codes for the members' development numbers.
extension API {
    public enum Labels: ZHTJCommand {
        public typealias Params = LabelsParams
        public typealias Result = LabelsResult
        public static let name = "labels"
        public static let access = Access.admin
    }
}
