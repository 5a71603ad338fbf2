import Foundation
import Testing
import ZHTJCore

/// Issue 13, "Lists that page": how a request is cut into pages, without I/O.
@Suite struct ListPagingTests {
    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try ProtocolCoding.decoder().decode(T.self, from: Data(json.utf8))
    }

    // Old clients send no params (read as {}): they still decode, and get the first page.
    @Test func emptyParamsDecodeToTheDefaults() throws {
        #expect(try Self.decode(ReviewsParams.self, "{}") == ReviewsParams())
        #expect(try Self.decode(ReviewsParams.self, #"{"overview":true}"#) == ReviewsParams())
        #expect(try Self.decode(OrgTreeParams.self, "{}") == OrgTreeParams(org: nil))
        #expect(try Self.decode(OrgTreeParams.self, #"{"org":"0002"}"#) == OrgTreeParams(org: "0002"))
        #expect(try Self.decode(ReviewsParams.self, #"{"limit":7,"after":40,"all":false}"#) == ReviewsParams(limit: 7, after: 40, all: false))
    }

    @Test func reviewPagesHoldFiftyUnlessAskedOtherwise() throws {
        #expect(try ListPaging.reviewLimit(ReviewsParams()) == 50)
        #expect(try ListPaging.reviewLimit(ReviewsParams(limit: 1)) == 1)
        #expect(try ListPaging.reviewLimit(ReviewsParams(limit: 10_000)) == 10_000)
        #expect(try ListPaging.reviewLimit(ReviewsParams(all: true)) == nil)
        #expect(try ListPaging.reviewLimit(ReviewsParams(limit: 0, all: true)) == nil)
        #expect(try ListPaging.reviewLimit(ReviewsParams(after: 9, all: false)) == 50)
    }

    @Test(arguments: [0, -1, 10_001, Int.max])
    func aLimitOutsideTheRangeIsRefusedInBothLanguages(limit: Int) {
        #expect(throws: ZHTJError.limitOutOfRange(option: "limit", value: limit, lowest: 1, highest: 10_000)) {
            try ListPaging.reviewLimit(ReviewsParams(limit: limit))
        }
        let error = ZHTJError.limitOutOfRange(option: "limit", value: limit, lowest: 1, highest: 10_000)
        #expect(error.code == "limit_out_of_range")
        #expect(error.description.contains("--limit \(limit) 超出范围：应为1到10000之间的整数；要看全部请用 --all"))
        #expect(error.description.contains("--limit \(limit) is out of range: give a whole number from 1 to 10000, or --all for everything"))
    }

    @Test func largeTreesShowTwoLevelsSmallOnesEverything() throws {
        #expect(try ListPaging.treeDepth(OrgTreeParams(org: nil), subtreeSize: 499) == nil)
        #expect(try ListPaging.treeDepth(OrgTreeParams(org: nil), subtreeSize: 500) == 2)
        #expect(try ListPaging.treeDepth(OrgTreeParams(org: nil, all: true), subtreeSize: 100_000) == nil)
        #expect(try ListPaging.treeDepth(OrgTreeParams(org: nil, depth: 4), subtreeSize: 100_000) == 4)
        #expect(try ListPaging.treeDepth(OrgTreeParams(org: nil, depth: 0), subtreeSize: 3) == 0)
        #expect(try ListPaging.treeDepth(OrgTreeParams(org: nil, depth: 9, all: true), subtreeSize: 3) == nil)
        #expect(throws: ZHTJError.limitOutOfRange(option: "depth", value: -1, lowest: 0, highest: 100)) {
            try ListPaging.treeDepth(OrgTreeParams(org: nil, depth: -1), subtreeSize: 3)
        }
    }

    @Test func aTreePageCountsWhatItLeavesOut() {
        #expect(OrgTreePage(nodes: [], total: 560, depth: 2).hidden == 560)
        #expect(OrgTreePage(nodes: [], total: 0, depth: nil).hidden == 0)
    }
}
