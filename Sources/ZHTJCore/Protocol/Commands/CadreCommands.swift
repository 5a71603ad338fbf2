/// Cadres (R-C1, R-C2) and key-area monitoring (seed 001 §2.2, §2.3).
extension API {
    public enum CadreAdd: ZHTJCommand {
        public typealias Params = CadreAddParams
        public typealias Result = CadreInfo
        public static let name = "cadre.add"
        public static let access = Access.admin
    }

    public enum CadreImport: ZHTJCommand {
        public typealias Params = CadreImportParams
        public typealias Result = CadreImportReport
        public static let name = "cadre.import"
        public static let access = Access.admin
    }

    public enum CadreList: ZHTJCommand {
        public typealias Params = CadreListParams
        public typealias Result = [CadreInfo]
        public static let name = "cadre.list"
        public static let access = Access.admin
    }

    public enum CadreChangePost: ZHTJCommand {
        public typealias Params = CadreChangePostParams
        public typealias Result = CadreInfo
        public static let name = "cadre.changePost"
        public static let access = Access.admin
    }

    public enum CadreRemove: ZHTJCommand {
        public typealias Params = CadreRemoveParams
        public typealias Result = CadreInfo
        public static let name = "cadre.remove"
        public static let access = Access.admin
    }

    public enum OrgKeyArea: ZHTJCommand {
        public typealias Params = KeyAreaParams
        public typealias Result = KeyAreaInfo
        public static let name = "org.keyArea"
        public static let access = Access.admin
    }

    public enum CadreStaffing: ZHTJCommand {
        public typealias Params = StaffingParams
        public typealias Result = [StaffingRow]
        public static let name = "cadre.staffing"
        public static let access = Access.admin
    }

    public enum CadreArchives: ZHTJCommand {
        public typealias Params = CadreArchivesParams
        public typealias Result = CadreArchivesResult
        public static let name = "cadre.archives"
        public static let access = Access.admin
    }
}
