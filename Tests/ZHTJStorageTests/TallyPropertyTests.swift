import Foundation
import GRDB
import Testing
@testable import ZHTJCore
import ZHTJRegistry
@testable import ZHTJStorage

/// Issue 13: the per-org tallies (v7) stay equal to a recount from the base tables after every write that changes
/// them — imports, uploads (also refused ones), decisions, transfers, change requests, number corrections — in
/// random order on a small tree.
@Suite struct TallyPropertyTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    /// SplitMix64: the same sequence on every run, so a failure can be replayed from its seed.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// Root 1; committees 2 and 3; branches 4 and 5 under 2, branch 6 under 3; general branch 7 under 3 with branch 8.
    static func tree(_ db: AppDatabase) throws -> (caller: Caller, branches: [Int64]) {
        let (root, admin) = try AppDatabaseTests.rootWithAdmin(db)
        let op = admin
        let c2 = try db.createOrg(name: "甲团委", fullName: nil, category: .committee, industry: nil, parentID: root.id, caller: op, now: now)
        let c3 = try db.createOrg(name: "乙团委", fullName: nil, category: .committee, industry: nil, parentID: root.id, caller: op, now: now)
        var branches: [Int64] = []
        for (name, parent) in [("一团支部", c2.id), ("二团支部", c2.id), ("三团支部", c3.id)] {
            branches.append(try db.createOrg(name: name, fullName: nil, category: .branch, industry: nil, parentID: parent, caller: op, now: now).id)
        }
        let general = try db.createOrg(name: "丙团总支", fullName: nil, category: .generalBranch, industry: nil, parentID: c3.id, caller: op, now: now)
        branches.append(try db.createOrg(name: "四团支部", fullName: nil, category: .branch, industry: nil, parentID: general.id, caller: op, now: now).id)
        return (admin, branches)
    }

    /// A member who joined in May of `year`, or on `joined` (`YYYY-MM` or `YYYY-MM-DD`).
    static func draft(seq: Int, year: Int, branch: Int64, joined: String? = nil) -> MemberDraft {
        let first17 = String(format: "110101199801%02d%03d", 1 + seq % 28, seq % 1000)
        return MemberDraft(
            line: seq, name: "团员\(seq)", idNumber: first17 + String(IDNumber.checkCharacter(for: first17)),
            birthDate: CivilDate(year: 1998, month: 1, day: 1 + seq % 28)!, ethnicity: "汉族", politicalStatus: "共青团员",
            joinDate: JoinDate(joined ?? "\(year)-05")!, branch: String(branch), isCadre: false,
            developmentNumber: String(format: "%04d4401%04d", year, seq), mobile: nil, education: nil, occupation: nil)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func talliesEqualARecountAfterEveryWrite(seed: UInt64) throws {
        let db = try AppDatabaseTests.fresh()
        let applied = try Self.randomWrites(db, seed: seed, steps: 250) { step, name in
            let differences = try db.tallyDifferences()
            #expect(differences.isEmpty, "seed \(seed), step \(step) (\(name)): \(differences.prefix(3))")
            // The member counts (v6, v11) too: the members of each org's subtree who have not left.
            let counts = try db.read { try Int.fetchOne($0, sql: """
                SELECT count(*) FROM org WHERE memberCount != (SELECT count(*) FROM member JOIN orgAncestor AS a ON a.orgID = member.branchID
                    WHERE a.ancestorID = org.id AND member.leftAt IS NULL)
                """) ?? -1 }
            #expect(counts == 0, "seed \(seed), step \(step) (\(name)): \(counts) member counts differ")
            return differences.isEmpty && counts == 0
        }
        #expect(applied["upload", default: 0] > 20 && applied["decide", default: 0] > 10 && applied["transfer", default: 0] > 10 && applied["change", default: 0] > 0 && applied["leave", default: 0] > 0 && applied["fee", default: 0] > 0, "\(applied)")
        let rebuilt = try db.rebuildTallies()
        #expect(rebuilt.differences.isEmpty)
        #expect(rebuilt.rows > 0)
    }

    /// A step with nothing to do (no pending review to decide, a transfer to the member's own branch).
    struct Skip: Error {}

    /// `steps` random writes on `tree(db)`: imports (join dates by month or by day, 2018–2026), uploads, decisions,
    /// transfers, change requests and number corrections. After each, `check(step, what)`; false stops. Returns
    /// how many of each kind were applied (`refused`: turned down by the rules).
    @discardableResult
    static func randomWrites(_ db: AppDatabase, seed: UInt64, steps: Int, check: (Int, String) throws -> Bool) throws -> [String: Int] {
        let (caller, branches) = try Self.tree(db)
        var random = Random(state: seed)
        var members: [(id: Int64, year: Int)] = []
        var seq = 0
        var applied = [String: Int]()
        for step in 0..<steps {
            let op = members.count < 4 ? 0 : random.next(9)
            var name = "import"
            do {
                switch op {
                case 0:
                    seq += 1
                    let year = 2018 + random.next(9)
                    let month = 1 + random.next(12)
                    let day = random.next(3) == 0 ? nil : 1 + random.next(CivilDate.daysIn(year: year, month: month))
                    let joined = day.map { String(format: "%04d-%02d-%02d", year, month, $0) } ?? String(format: "%04d-%02d", year, month)
                    let outcome = try db.importMembers(
                        [Self.draft(seq: seq, year: year, branch: branches[random.next(branches.count)], joined: joined)], within: .everything,
                        caller: caller, now: Self.now)
                    members += outcome.imported.map { ($0.id, year) }
                case 1, 2:
                    name = "upload"
                    let m = members[random.next(members.count)]
                    let member = try db.member(key: String(m.id), within: .everything)
                    let uploaders = [member.branchID, try db.org(id: member.branchID)?.parentID ?? member.branchID]
                    var upload = NewUpload(state: .archived, originalName: Array("f\(step).pdf".utf8), displayName: "f\(step).pdf", folder: "", checks: "{}")
                    upload.sha256 = String(format: "%064x", step)
                    upload.memberID = m.id
                    upload.orgID = uploaders[random.next(2)]
                    upload.uploaderOrgID = upload.orgID
                    upload.required = m.year >= MembershipRules.eArchiveFromYear
                    upload.size = 100
                    upload.pages = 2
                    _ = try db.recordUpload(upload, now: Self.now)
                case 3:
                    name = "decide"
                    let pending = try db.read { try Int64.fetchAll($0, sql: "SELECT id FROM archiveVersion WHERE state = 'pending'") }
                    guard !pending.isEmpty else { throw Skip() }
                    let id = pending[random.next(pending.count)]
                    let approve = random.next(2) == 0
                    _ = try db.recordDecision(reviewID: id, state: approve ? .approved : .rejected, reason: approve ? nil : "不清晰", reasonCode: nil, caller: caller, now: Self.now)
                case 4:
                    name = "transfer"
                    let m = members[random.next(members.count)]
                    let member = try db.member(key: String(m.id), within: .everything)
                    let target = try #require(try db.org(id: branches[random.next(branches.count)]))
                    guard target.id != member.branchID else { throw Skip() }
                    try db.transfer(memberID: m.id, to: target, caller: caller, now: Self.now)
                case 5:
                    name = "change"
                    let m = members[random.next(members.count)]
                    let request = try db.requestChange(memberID: m.id, reason: "补页", caller: caller, now: Self.now)
                    _ = try db.decideChange(id: request.id, approve: random.next(3) > 0, reason: "不", caller: caller, now: Self.now)
                case 7:
                    // R-M4, R-W1: a member leaves the league or the tree; from then on they count nowhere (v11).
                    name = "leave"
                    let m = members[random.next(members.count)]
                    let member = try db.member(key: String(m.id), within: .everything)
                    if random.next(2) == 0 {
                        let request = try db.fileLeave(
                            memberID: m.id, kind: .withdrew, reason: "本人申请", meetingDate: "2026-10-09",
                            deciderOrgID: try db.deciderOrg(branchID: member.branchID), caller: caller, now: Self.now)
                        _ = try db.decideLeave(id: request.id, approve: random.next(4) > 0, reason: "同意", caller: caller, now: Self.now)
                    } else {
                        _ = try db.fileTransfer(memberID: m.id, to: nil, destination: "外省", note: nil, caller: caller, now: Self.now)
                    }
                case 8:
                    // R-W4: a payment for a month from 2019 on; the fee tallies (v13) follow it, and the member's moves.
                    name = "fee"
                    let m = members[random.next(members.count)]
                    let month = String(format: "%04d-%02d", 2019 + random.next(8), 1 + random.next(12))
                    _ = try db.recordFee(memberID: m.id, month: month, amountFen: 20 + random.next(3) * 10, reference: nil, caller: caller, now: Self.now)
                default:
                    name = "number"
                    let m = members[random.next(members.count)]
                    _ = try db.setNumber(memberID: m.id, number: String(format: "%04d4401%04d", m.year, 5000 + step), previous: nil, reason: "更正", caller: caller, now: Self.now)
                }
                applied[name, default: 0] += 1
            } catch is Skip {
                applied["skipped", default: 0] += 1
            } catch is ZHTJError {
                // Refused by the rules (a file while one is pending, a change nobody needs): the tallies must not move.
                applied["refused", default: 0] += 1
            }
            guard try check(step, name) else { break }
        }
        return applied
    }

    /// A recount finds a tally that was changed behind the triggers' back, and a rebuild puts it right.
    @Test func aWrongTallyIsFoundAndRebuilt() throws {
        let db = try AppDatabaseTests.fresh()
        let (caller, branches) = try Self.tree(db)
        _ = try db.importMembers([Self.draft(seq: 1, year: 2022, branch: branches[0])], within: .everything, caller: caller, now: Self.now)
        try db.write { try $0.execute(sql: "UPDATE orgTally SET count = count + 5 WHERE orgID = 1") }
        let found = try db.tallyDifferences()
        #expect(found == [TallyDifference(orgID: 1, joinYear: 2022, bucket: "none", stored: 6, actual: 1)])
        #expect(try db.rebuildTallies().differences == found)
        #expect(try db.tallyDifferences().isEmpty)
        #expect(try db.reminderCounts(orgID: 1).notUploaded == 1)

        // A latest state changed behind the back of the versions: the counts follow it (wrongly), a recount says so, and
        // a rebuild puts the state and every count right (v7, v8).
        try db.write { try $0.execute(sql: "UPDATE member SET latestState = 'approved'") }
        #expect(try db.reminderCounts(orgID: 1).notUploaded == 0)
        #expect(!(try db.tallyDifferences()).isEmpty)
        _ = try db.rebuildTallies()
        #expect(try db.tallyDifferences().isEmpty)
        #expect(try db.read { try String.fetchOne($0, sql: "SELECT latestState FROM member") } == nil)
        #expect(try db.reminder(orgID: 1, now: Self.now, oldest: 20).counts.notUploaded == 1)
    }
}
