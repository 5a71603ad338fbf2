/// Who is calling, the operator's `init`, registration codes and an admin's registration (R-O6, R-O7).
extension API {
    public enum Whoami: ZHTJCommand {
        public typealias Params = NoParams
        public typealias Result = WhoAmIResult
        public static let name = "whoami"
        public static let access = Access.anyone
    }

    public enum Init: ZHTJCommand {
        public typealias Params = InitParams
        public typealias Result = InitResult
        public static let name = "init"
        public static let access = Access.anyone
    }

    public enum Register: ZHTJCommand {
        public typealias Params = RegisterParams
        public typealias Result = RegisterResult
        public static let name = "register"
        public static let access = Access.anyone
    }

    public enum OrgCode: ZHTJCommand {
        public typealias Params = OrgRefParams
        public typealias Result = CodeInfo
        public static let name = "org.code"
        public static let access = Access.anyone
    }

    public enum OrgCodes: ZHTJCommand {
        public typealias Params = NoParams
        public typealias Result = [CodeInfo]
        public static let name = "org.codes"
        public static let access = Access.admin
    }
}
