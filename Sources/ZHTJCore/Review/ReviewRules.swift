import Foundation

/// The review workflow as pure functions (R-E4 to R-E12): no files, no database, no clock.
public enum ReviewRules {
    /// The member's status from whether they need an e-archive and the state of their latest version (R-E9).
    public static func status(needsEArchive: Bool, latest: ArchiveState?) -> MemberStatus {
        guard needsEArchive else { return .notRequired }
        switch latest {
        case nil, .pending, .superseded: return .notAuthenticated
        case .rejected: return .authenticationFailed
        case .approved: return .authenticated
        }
    }

    /// The state a new version starts in: from a committee-level folder it needs no review (R-E5); from a branch
    /// or general branch it waits for the superior committee (R-E4). A member who needs no e-archive (R-E1) is
    /// asked of no reviewer: the file is kept as accepted without review.
    public static func initialState(uploader: OrgCategory, needsEArchive: Bool) -> (state: ArchiveState, needsReview: Bool) {
        guard needsEArchive else { return (.approved, false) }
        return uploader.isCommitteeLevel ? (.approved, false) : (.pending, true)
    }

    /// The reviewer of a member: the nearest ancestor of the member's branch that is a leading body, committee or
    /// working committee (R-E4). `ancestors` runs from the branch's parent up to the root.
    public static func reviewer<ID>(ancestors: [(id: ID, category: OrgCategory)]) -> ID? {
        ancestors.first { $0.category.isCommitteeLevel }?.id
    }

    /// What happens to a dropped file for a member whose latest version is `latest`.
    public enum Drop: Equatable, Sendable {
        /// The first version, or a replacement after a rejection (R-E7).
        case accept
        /// A new version under an approved change request: the latest becomes superseded (R-E12).
        case acceptSuperseding
        /// Refused: a change request must be approved first (R-E12).
        case refuse
    }

    /// - Parameter required: false for a member who joined before 2020 (R-E1): with no e-archive required, a new file
    ///   simply supersedes the kept one, and no change request is asked for.
    public static func drop(latest: ArchiveState?, approvedChangeRequest: Bool, required: Bool = true) -> Drop {
        switch latest {
        case nil, .rejected, .superseded: return .accept
        case .pending, .approved: return approvedChangeRequest || !required ? .acceptSuperseding : .refuse
        }
    }

    public enum Decision: Equatable, Sendable {
        case approve
        case reject(reason: String)
    }

    public enum DecisionError: Error, Equatable, Sendable {
        /// Someone decided first (or the version was replaced).
        case alreadyDecided(ArchiveState)
        /// A rejection needs a written reason (R-E6).
        case reasonRequired
    }

    /// Only the admins of the version's reviewer org decide it (R-E4, R-E6); a version that needs no review has
    /// no reviewer, so nobody does.
    public static func mayDecide<ID: Equatable>(reviewerOrg: ID?, adminOrg: ID) -> Bool {
        reviewerOrg == adminOrg
    }

    /// The state after a reviewer's decision on a version in `current`.
    public static func decide(_ decision: Decision, current: ArchiveState) -> Result<ArchiveState, DecisionError> {
        guard current == .pending else { return .failure(.alreadyDecided(current)) }
        switch decision {
        case .approve: return .success(.approved)
        case .reject(let reason):
            guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .failure(.reasonRequired) }
            return .success(.rejected)
        }
    }

    /// R-E11: a member who needs an e-archive and is not authenticated cannot be transferred and does not count.
    public static func countsAsNewMember(_ status: MemberStatus) -> Bool {
        status == .authenticated
    }
}
