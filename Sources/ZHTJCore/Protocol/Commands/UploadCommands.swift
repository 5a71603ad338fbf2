/// Files that matched no member or were refused, and what an admin does about them.
extension API {
    public enum UploadsUnmatched: ZHTJCommand {
        public typealias Params = NoParams
        public typealias Result = [UploadInfo]
        public static let name = "uploads.unmatched"
        public static let access = Access.admin
    }

    public enum UploadsRefused: ZHTJCommand {
        public typealias Params = NoParams
        public typealias Result = [UploadInfo]
        public static let name = "uploads.refused"
        public static let access = Access.admin
    }

    public enum UploadAttach: ZHTJCommand {
        public typealias Params = AttachParams
        public typealias Result = UploadInfo
        public static let name = "upload.attach"
        public static let access = Access.admin
    }

    public enum UploadRetry: ZHTJCommand {
        public typealias Params = UploadRefParams
        public typealias Result = UploadInfo
        public static let name = "upload.retry"
        public static let access = Access.admin
    }
}
