/// The superior committee's review of e-archives (R-E4 to R-E8).
extension API {
    public enum Reviews: ZHTJCommand {
        public typealias Params = ReviewsParams
        public typealias Result = ReviewsPage
        public static let name = "reviews"
        public static let access = Access.admin
    }

    public enum ReviewsOverview: ZHTJCommand {
        public typealias Params = NoParams
        public typealias Result = [ReviewOverviewRow]
        public static let name = "reviews.overview"
        public static let access = Access.admin
    }

    public enum ReviewApprove: ZHTJCommand {
        public typealias Params = DecisionParams
        public typealias Result = MemberInfo
        public static let name = "review.approve"
        public static let access = Access.admin
    }

    public enum ReviewReject: ZHTJCommand {
        public typealias Params = DecisionParams
        public typealias Result = MemberInfo
        public static let name = "review.reject"
        public static let access = Access.admin
    }
}
