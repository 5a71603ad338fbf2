/// The org tree: creation, the tree, secretaries, imports and progress.
extension API {
    public enum OrgCreate: ZHTJCommand {
        public typealias Params = OrgCreateParams
        public typealias Result = OrgCreateResult
        public static let name = "org.create"
        public static let access = Access.admin
    }

    public enum OrgTree: ZHTJCommand {
        public typealias Params = OrgTreeParams
        public typealias Result = OrgTreePage
        public static let name = "org.tree"
        public static let access = Access.adminOrOperator
    }

    public enum OrgSecretary: ZHTJCommand {
        public typealias Params = OrgSecretaryParams
        public typealias Result = OrgSummary
        public static let name = "org.secretary"
        public static let access = Access.admin
    }

    public enum OrgUpdate: ZHTJCommand {
        public typealias Params = OrgUpdateParams
        public typealias Result = OrgSummary
        public static let name = "org.update"
        public static let access = Access.admin
    }

    public enum OrgImport: ZHTJCommand {
        public typealias Params = OrgImportParams
        public typealias Result = OrgImportReport
        public static let name = "org.import"
        public static let access = Access.admin
    }

    public enum OrgProgress: ZHTJCommand {
        public typealias Params = OrgRefParams
        public typealias Result = ProgressResult
        public static let name = "org.progress"
        public static let access = Access.admin
    }
}
