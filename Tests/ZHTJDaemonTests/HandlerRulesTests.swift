import Foundation
import Testing
import ZHTJCore
import ZHTJDaemon

/// The access checks that moved from storage into the handlers (issue 12), in process: who may decide a review or
/// a change request, correct a number, transfer, see a member; the store only reads and writes.
@Suite struct HandlerRulesTests {
    typealias S = InProcessScenario

    // R-E4, R-E6, R-E8: only the superior committee (0002) decides 李明's version; once decided, it is decided.
    @Test func onlyTheReviewerOrgDecides() throws {
        let s = try S()
        let review = try #require(try s.ok(API.Reviews.self, ReviewsParams(), as: S.committeeA).items.first).id
        #expect(try s.ok(API.Reviews.self, ReviewsParams(), as: S.root).items.isEmpty)
        for uid in [S.root, S.branchA, S.committeeB] {
            #expect(try s.refusal(API.ReviewApprove.self, DecisionParams(id: review, reason: nil, reasonCode: nil), as: uid) == "review_not_found")
        }
        #expect(try s.refusal(API.ReviewReject.self, DecisionParams(id: review, reason: " ", reasonCode: nil), as: S.committeeA) == "reason_required")
        let approved = try s.ok(API.ReviewApprove.self, DecisionParams(id: review, reason: nil, reasonCode: nil), as: S.committeeA)
        #expect(approved.status == .authenticated)
        #expect(try s.refusal(API.ReviewReject.self, DecisionParams(id: review, reason: "晚了", reasonCode: nil), as: S.committeeA) == "already_decided")
    }

    // R-E12: a change request is filed inside the admin's subtree and decided by the reviewer org only.
    @Test func changeRequestsFollowTheTree() throws {
        let s = try S()
        #expect(try s.refusal(API.ChangeRequest.self, ChangeRequestParams(member: "李明", reason: "补页"), as: S.committeeB) == "member_not_found")
        #expect(try s.refusal(API.ChangeRequest.self, ChangeRequestParams(member: "李明", reason: "  "), as: S.branchA) == "reason_required")
        let request = try s.ok(API.ChangeRequest.self, ChangeRequestParams(member: "李明", reason: "补页"), as: S.branchA)
        for uid in [S.root, S.branchA, S.committeeB] {
            #expect(try s.refusal(API.ChangeApprove.self, DecisionParams(id: request.id, reason: nil, reasonCode: nil), as: uid) == "change_request_not_found")
        }
        #expect(try s.ok(API.ChangeList.self, NoParams(), as: S.committeeA).map(\.id) == [request.id])
        #expect(try s.ok(API.ChangeApprove.self, DecisionParams(id: request.id, reason: nil, reasonCode: nil), as: S.committeeA).state == "approved")
        #expect(try s.refusal(API.ChangeReject.self, DecisionParams(id: request.id, reason: "不", reasonCode: nil), as: S.committeeA) == "change_request_not_found")
    }

    // R-M3: the member's own org (0003) or its direct superior (0002) corrects a number; the root may not.
    @Test func numbersAreCorrectedByTheBranchOrItsParent() throws {
        let s = try S()
        let params = SetNumberParams(member: "张伟", number: "202244010012", reason: "更正")
        #expect(try s.refusal(API.MemberSetNumber.self, params, as: S.root) == "not_allowed")
        #expect(try s.refusal(API.MemberSetNumber.self, params, as: S.committeeB) == "member_not_found")
        #expect(try s.ok(API.MemberSetNumber.self, params, as: S.committeeA).developmentNumber == "202244010012")
        let taken = SetNumberParams(member: "张伟", number: "202144010001", reason: "更正")
        #expect(try s.refusal(API.MemberSetNumber.self, taken, as: S.branchA) == "invalid_field")
    }

    // R-E11: a member who needs an e-archive is transferred only once authenticated; a 2019 member at once.
    // R-W1: the receiving side accepts; the sending side cannot accept its own transfer.
    @Test func transfersWaitForAuthenticationAndTheReceivingSide() throws {
        let s = try S()
        #expect(try s.refusal(API.Transfer.self, TransferParams(member: "李明", to: "0005"), as: S.root) == "not_allowed")
        #expect(try s.refusal(API.Transfer.self, TransferParams(member: "赵强", to: "0004"), as: S.root) == "not_branch")
        let filed = try s.ok(API.Transfer.self, TransferParams(member: "赵强", to: "0003"), as: S.committeeB)
        #expect(filed.state == .pending)
        #expect(try s.ok(API.MemberShow.self, MemberKeyParams(key: "赵强"), as: S.committeeB).branchID == 5)
        let decision = DecisionParams(id: filed.id, reason: nil, reasonCode: nil)
        #expect(try s.refusal(API.TransferAccept.self, decision, as: S.committeeB) == "transfer_request_not_found")
        #expect(try s.ok(API.TransferAccept.self, decision, as: S.branchA).state == .accepted)
        #expect(try s.refusal(API.TransferAccept.self, decision, as: S.branchA) == "transfer_request_not_found")
        // Now outside 0004's subtree.
        #expect(try s.refusal(API.MemberShow.self, MemberKeyParams(key: "赵强"), as: S.committeeB) == "member_not_found")
        #expect(try s.ok(API.MemberShow.self, MemberKeyParams(key: "赵强"), as: S.branchA).name == "赵强")
    }

    // An admin sees and lists only the subtree: members, uploads, searches.
    @Test func everythingIsScopedToTheSubtree() throws {
        let s = try S()
        #expect(try s.refusal(API.MemberShow.self, MemberKeyParams(key: "李明"), as: S.committeeB) == "member_not_found")
        #expect(try s.ok(API.MemberSearch.self, MemberSearchParams(text: "4401", limit: nil), as: S.committeeB).map(\.name).sorted() == ["孙丽", "赵强"])
        #expect(try s.ok(API.MemberSearch.self, MemberSearchParams(text: "4401", limit: nil), as: S.root).count == 4)
        #expect(try s.refusal(API.OrgCreate.self, OrgCreateParams(name: "新团支部", category: "branch", industry: nil, parent: "0002", fullName: nil), as: S.committeeB) == "outside_subtree")
        #expect(try s.refusal(API.UploadAttach.self, AttachParams(upload: 1, member: "赵强"), as: S.committeeB) == "upload_not_found")
    }

    // Issue 13: the banner reads the kept tallies; the operator's recount finds nothing to correct after the writes
    // above (an import, an upload, a decision, a transfer), and nobody else may run it.
    @Test func theBannerReadsTalliesThatARecountConfirms() throws {
        let s = try S()
        // 李明's file waits, 张伟 has none: 1 not uploaded, 2 not authenticated; 0002 has a review waiting.
        #expect(try s.ok(API.RemindersBanner.self, NoParams(), as: S.root).line?.contains("1 e-archives not uploaded, 2 members not authenticated") == true)
        #expect(try s.ok(API.RemindersBanner.self, NoParams(), as: S.committeeA).line?.contains("1 reviews waiting for you") == true)
        let review = try #require(try s.ok(API.Reviews.self, ReviewsParams(), as: S.committeeA).items.first).id
        _ = try s.ok(API.ReviewApprove.self, DecisionParams(id: review, reason: nil, reasonCode: nil), as: S.committeeA)
        let filed = try s.ok(API.Transfer.self, TransferParams(member: "李明", to: "0005"), as: S.root)
        _ = try s.ok(API.TransferAccept.self, DecisionParams(id: filed.id, reason: nil, reasonCode: nil), as: S.root)
        #expect(try s.ok(API.RemindersBanner.self, NoParams(), as: S.root).line?.contains("1 e-archives not uploaded, 1 members not authenticated") == true)
        #expect(try s.ok(API.RemindersBanner.self, NoParams(), as: S.committeeB).line == nil)
        for uid in [S.root, S.committeeA] {
            #expect(try s.refusal(API.AdminRecount.self, NoParams(), as: uid) == "not_allowed")
        }
        let recount = try s.daemon.send(API.AdminRecount.self, NoParams())
        #expect(recount.result?.differences == [])
        #expect((recount.result?.rows ?? 0) > 0)
    }
}
