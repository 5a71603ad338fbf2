import Testing
@testable import ZHTJCore

@Suite struct ReviewRulesTests {
    // R-E9, R-E1: every combination of need and latest state.
    @Test(arguments: [true, false], [ArchiveState?.none] + ArchiveState.allCases.map { Optional($0) })
    func statusIsDerivedFromTheLatestVersion(needs: Bool, latest: ArchiveState?) {
        let status = ReviewRules.status(needsEArchive: needs, latest: latest)
        guard needs else {
            #expect(status == .notRequired)
            return
        }
        switch latest {
        case nil, .pending, .superseded: #expect(status == .notAuthenticated)
        case .rejected: #expect(status == .authenticationFailed)
        case .approved: #expect(status == .authenticated)
        }
    }

    // R-E4: branch and general-branch uploads wait; R-E5: committee-level uploads need no review.
    @Test(arguments: OrgCategory.allCases)
    func initialStateByUploader(category: OrgCategory) {
        let (state, review) = ReviewRules.initialState(uploader: category, needsEArchive: true)
        if category.isCommitteeLevel {
            #expect(state == .approved && !review)
        } else {
            #expect(state == .pending && review)
        }
        // R-E1: nobody is asked to review what is not required.
        #expect(ReviewRules.initialState(uploader: category, needsEArchive: false) == (.approved, false))
    }

    // R-E4: the reviewer is the nearest committee-level ancestor.
    @Test func reviewerIsTheNearestCommitteeLevelAncestor() {
        #expect(ReviewRules.reviewer(ancestors: [(5, .generalBranch), (4, .committee), (1, .leadingBody)]) == 4)
        #expect(ReviewRules.reviewer(ancestors: [(4, .workingCommittee), (1, .leadingBody)]) == 4)
        #expect(ReviewRules.reviewer(ancestors: [(1, .leadingBody)]) == 1)
        #expect(ReviewRules.reviewer(ancestors: [(7, .generalBranch)]) == nil)
    }

    // R-E7, R-E12: every latest state, with and without an approved change request.
    @Test(arguments: [ArchiveState?.none] + ArchiveState.allCases.map { Optional($0) }, [true, false])
    func dropsAreAcceptedOrRefused(latest: ArchiveState?, change: Bool) {
        let drop = ReviewRules.drop(latest: latest, approvedChangeRequest: change)
        switch latest {
        case nil, .rejected, .superseded: #expect(drop == .accept)
        case .pending, .approved: #expect(drop == (change ? .acceptSuperseding : .refuse))
        }
        // R-E1: with no e-archive required, a new file supersedes the kept one without a request.
        let free = ReviewRules.drop(latest: latest, approvedChangeRequest: change, required: false)
        #expect(free == (latest == .pending || latest == .approved ? .acceptSuperseding : .accept))
    }

    // R-E6 to R-E8: only a pending version is decided; a rejection needs a reason.
    @Test(arguments: ArchiveState.allCases)
    func decisions(current: ArchiveState) {
        let approve = ReviewRules.decide(.approve, current: current)
        let reject = ReviewRules.decide(.reject(reason: "缺少公章"), current: current)
        if current == .pending {
            #expect(approve == .success(.approved))
            #expect(reject == .success(.rejected))
            #expect(ReviewRules.decide(.reject(reason: "  \n"), current: current) == .failure(.reasonRequired))
        } else {
            #expect(approve == .failure(.alreadyDecided(current)))
            #expect(reject == .failure(.alreadyDecided(current)))
        }
    }

    // R-E11
    @Test func onlyAuthenticatedMembersCount() {
        for status in MemberStatus.allCases {
            #expect(ReviewRules.countsAsNewMember(status) == (status == .authenticated))
        }
    }

    // R-E4, R-E6: only the reviewer org's admins decide a version; one without a reviewer is decided by nobody.
    @Test func onlyTheReviewerOrgDecides() {
        #expect(ReviewRules.mayDecide(reviewerOrg: Int64(2), adminOrg: 2))
        #expect(!ReviewRules.mayDecide(reviewerOrg: Int64(2), adminOrg: 1))
        #expect(!ReviewRules.mayDecide(reviewerOrg: Int64?.none, adminOrg: 2))
    }
}
