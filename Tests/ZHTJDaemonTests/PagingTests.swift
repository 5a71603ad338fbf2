import Foundation
import Testing
import ZHTJCore
import ZHTJDaemon
import ZHTJRegistry

/// Issue 13, "Lists that page", in process: `reviews` answers the oldest 50 unless asked for a `limit`, the items
/// `after` an id or `all`; `org.tree` of a subtree of 500 orgs or more shows two levels unless asked for a `depth` or
/// `all`, and says how many orgs it leaves out.
@Suite struct PagingTests {
    typealias S = InProcessScenario

    /// `count` more members of branch 0003, each with a branch upload pending for 0002 (one transaction); with
    /// 李明's of the scenario, the review ids of 0002's queue, oldest first.
    static func pendingReviews(_ s: S, count: Int) throws -> [Int64] {
        var lines = ["姓名,身份证号码,民族,政治面貌,入团年月,所在团支部,是否为团干部,发展团员编号"]
        for i in 0..<count {
            let first17 = String(format: "44010120070101%03d", 100 + i)
            lines.append("成员\(i),\(first17)\(IDNumber.checkCharacter(for: first17)),汉族,共青团员,2021-05,0003,否,\(String(format: "20214402%04d", i))")
        }
        let report = try s.ok(
            API.MemberImport.self,
            MemberImportParams(fileName: "more.csv", contentBase64: Data(lines.joined(separator: "\n").utf8).base64EncodedString()), as: S.root)
        #expect(report.imported == count, "\(report.issues)")
        var uploads: [NewUpload] = []
        for i in 0..<count {
            let member = try s.daemon.database.member(key: String(format: "20214402%04d", i), within: .everything)
            var upload = NewUpload(state: .archived, originalName: Array("\(i).pdf".utf8), displayName: "\(i).pdf", folder: "0003-计算机专业2023级3班团支部", checks: "{}")
            upload.sha256 = String(format: "%064d", i + 1)
            upload.orgID = member.branchID
            upload.uploaderOrgID = member.branchID
            upload.memberID = member.id
            upload.pages = 2
            upload.size = 1000
            uploads.append(upload)
        }
        for outcome in try s.daemon.database.recordUploads(uploads, now: Date()) { _ = try outcome.get() }
        return try s.daemon.database.reviewPage(reviewerOrgID: 2, after: nil, limit: nil, now: Date()).items.map(\.id)
    }

    @Test func reviewsShowTheOldestFiftyAndSayWhatIsLeft() throws {
        let s = try S()
        let queue = try Self.pendingReviews(s, count: 119)
        #expect(queue.count == 120 && queue == queue.sorted())
        let first = try s.ok(API.Reviews.self, ReviewsParams(), as: S.committeeA)
        #expect(first.items.map(\.id) == Array(queue.prefix(50)))
        #expect(first.total == 120 && first.remaining == 70 && first.next == queue[49])
        // The same from a request with no params, as old clients send it.
        let old = s.daemon.send(#"{"id":1,"command":"reviews","credential":"\#(s.credentials[S.committeeA]!)"}"#, uid: S.committeeA)
        let reply = try ProtocolCoding.decoder().decode(Response<ReviewsPage>.self, from: Data(old.utf8))
        #expect(reply.result == first)
        let limited = try s.ok(API.Reviews.self, ReviewsParams(limit: 7), as: S.committeeA)
        #expect(limited.items.map(\.id) == Array(queue.prefix(7)) && limited.next == queue[6] && limited.remaining == 113)
        let all = try s.ok(API.Reviews.self, ReviewsParams(all: true), as: S.committeeA)
        #expect(all.items.map(\.id) == queue && all.total == 120 && all.remaining == 0 && all.next == nil)
        // A page that ends exactly at the last item has no next.
        let exact = try s.ok(API.Reviews.self, ReviewsParams(limit: 120), as: S.committeeA)
        #expect(exact.items.count == 120 && exact.next == nil && exact.remaining == 0)
        // Another committee's queue is its own.
        #expect(try s.ok(API.Reviews.self, ReviewsParams(all: true), as: S.committeeB) == ReviewsPage(items: [], total: 0, remaining: 0, next: nil))
    }

    // A script walks the queue with `after`: every review exactly once, in order, whatever the page size.
    @Test(arguments: [1, 7, 50, 119, 120, 10_000])
    func walkingWithAfterSeesEachReviewOnce(limit: Int) throws {
        let s = try S()
        let queue = try Self.pendingReviews(s, count: 119)
        var seen: [Int64] = [], after: Int64? = nil, pages = 0
        repeat {
            let page = try s.ok(API.Reviews.self, ReviewsParams(limit: limit, after: after), as: S.committeeA)
            #expect(page.total == 120)
            #expect(page.remaining == queue.count - seen.count - page.items.count)
            seen += page.items.map(\.id)
            after = page.next
            pages += 1
        } while after != nil && pages <= 200
        #expect(seen == queue)
        #expect(pages == (120 + limit - 1) / limit)
        // After the last id there is nothing, and no next.
        #expect(try s.ok(API.Reviews.self, ReviewsParams(after: queue.last), as: S.committeeA) == ReviewsPage(items: [], total: 120, remaining: 0, next: nil))
    }

    @Test func aDecisionLeavesTheQueueAndThePagesFollow() throws {
        let s = try S()
        let queue = try Self.pendingReviews(s, count: 59)
        _ = try s.ok(API.ReviewApprove.self, DecisionParams(id: queue[0], reason: nil, reasonCode: nil), as: S.committeeA)
        let page = try s.ok(API.Reviews.self, ReviewsParams(), as: S.committeeA)
        #expect(page.items.map(\.id) == Array(queue[1...50]) && page.total == 59 && page.remaining == 9 && page.next == queue[50])
    }

    @Test(arguments: [0, -5, 10_001])
    func aBadLimitIsRefused(limit: Int) throws {
        let s = try S()
        let reply = try s.send(API.Reviews.self, ReviewsParams(limit: limit), as: S.committeeA)
        #expect(reply.error?.code == "limit_out_of_range")
        #expect(reply.error?.message == "--limit \(limit) is out of range: give a whole number from 1 to 10000, or --all for everything")
        #expect(reply.error?.messageZh == "--limit \(limit) 超出范围：应为1到10000之间的整数；要看全部请用 --all")
        #expect(try s.refusal(API.OrgTree.self, OrgTreeParams(org: nil, depth: -1), as: S.root) == "limit_out_of_range")
    }

    /// 555 more orgs under the root, through `org.import`: committees 0006 … 0010, ten general branches under each
    /// (0011 … 0060), ten branches under each general branch (0061 … 0560). With the scenario's five, 560.
    static func largeTree(_ s: S) throws {
        var lines = ["组织简称,组织类别,上级组织"]
        for c in 0..<5 { lines.append("第\(c + 1)团委,committee,1") }
        for g in 0..<50 { lines.append("第\(g + 1)团总支,general-branch,\(6 + g / 10)") }
        for b in 0..<500 { lines.append("第\(b + 1)团支部,branch,\(11 + b / 10)") }
        let report = try s.ok(
            API.OrgImport.self, OrgImportParams(fileName: "orgs.csv", contentBase64: Data(lines.joined(separator: "\n").utf8).base64EncodedString()),
            as: S.root)
        #expect(report.created.count == 555, "\(report.issues)")
    }

    /// Depth-first: each node's parent is the nearest node before it one level up.
    static func expectDepthFirst(_ nodes: [OrgTreeNode]) {
        var stack: [Int64] = []
        for node in nodes {
            stack = Array(stack.prefix(node.depth))
            if node.depth > 0 { #expect(node.org.parentID == stack.last, "\(node.org.displayID)") }
            stack.append(node.org.id)
        }
    }

    @Test func aLargeTreeShowsTwoLevelsAndCountsTheRest() throws {
        let s = try S()
        try Self.largeTree(s)
        let page = try s.ok(API.OrgTree.self, OrgTreeParams(org: nil), as: S.root)
        #expect(page.total == 560 && page.depth == 2 && page.hidden == 500)
        #expect(page.nodes.count == 60 && page.nodes.allSatisfy { $0.depth <= 2 })
        #expect(page.nodes.map(\.org.id).sorted() == [1, 2, 3, 4, 5] + Array(6...60))
        Self.expectDepthFirst(page.nodes)
        // Each general branch has its ten branches below it, not shown; 0003 and 0005 have nothing below.
        #expect(page.nodes.filter { $0.hidden != nil }.map(\.org.id) == Array(11...60))
        #expect(page.nodes.compactMap(\.hidden).allSatisfy { $0 == 10 })
        // The operator sees the same from the root.
        let op = try #require(try s.daemon.send(API.OrgTree.self, OrgTreeParams(org: nil)).result)
        #expect(op == page)

        let all = try s.ok(API.OrgTree.self, OrgTreeParams(org: nil, all: true), as: S.root)
        #expect(all.nodes.count == 560 && all.total == 560 && all.depth == nil && all.hidden == 0)
        #expect(all.nodes.allSatisfy { $0.hidden == nil })
        #expect(Set(all.nodes.map(\.org.id)) == Set(1...560))
        Self.expectDepthFirst(all.nodes)

        let one = try s.ok(API.OrgTree.self, OrgTreeParams(org: "0001", depth: 1), as: S.root)
        #expect(one.nodes.map(\.org.id) == [1, 2, 4, 6, 7, 8, 9, 10] && one.total == 560)
        #expect(one.nodes.map { $0.hidden ?? 0 } == [0, 1, 1, 110, 110, 110, 110, 110])
        let top = try s.ok(API.OrgTree.self, OrgTreeParams(org: nil, depth: 0), as: S.root)
        #expect(top.nodes.map(\.org.id) == [1] && top.nodes.first?.hidden == 559 && top.total == 560)
        let deep = try s.ok(API.OrgTree.self, OrgTreeParams(org: nil, depth: 3), as: S.root)
        #expect(deep.nodes.map(\.org.id) == all.nodes.map(\.org.id) && deep.depth == 3 && deep.hidden == 0)
    }

    // A subtree of fewer than 500 orgs is shown whole, also inside a large tree.
    @Test func aSmallTreeShowsEverything() throws {
        let s = try S()
        let small = try s.ok(API.OrgTree.self, OrgTreeParams(org: nil), as: S.root)
        #expect(small.nodes.map(\.org.id) == [1, 2, 3, 4, 5] && small.total == 5 && small.depth == nil)
        try Self.largeTree(s)
        let branch = try s.ok(API.OrgTree.self, OrgTreeParams(org: "0006"), as: S.root)
        #expect(branch.nodes.count == 111 && branch.total == 111 && branch.depth == nil && branch.hidden == 0)
        Self.expectDepthFirst(branch.nodes)
        #expect(try s.ok(API.OrgTree.self, OrgTreeParams(org: nil), as: S.committeeA).nodes.map(\.org.id) == [2, 3])
        #expect(try s.refusal(API.OrgTree.self, OrgTreeParams(org: "0006"), as: S.committeeA) == "outside_subtree")
    }
}
