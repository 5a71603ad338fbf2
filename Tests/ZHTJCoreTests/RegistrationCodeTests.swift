import Foundation
import Testing
@testable import ZHTJCore

@Suite struct RegistrationCodeTests {
    // R-O6: exactly 8 characters of digits and letters.
    @Test func generatedCodesHaveTheShape() {
        var seen = Set<String>()
        for _ in 0..<500 {
            let code = RegistrationCode.generate()
            #expect(code.count == 8)
            #expect(RegistrationCode.isWellFormed(code))
            seen.insert(code)
        }
        #expect(seen.count == 500)
    }

    @Test func wellFormedness() {
        #expect(RegistrationCode.isWellFormed("aB3dE5gH"))
        #expect(!RegistrationCode.isWellFormed("aB3dE5g"))
        #expect(!RegistrationCode.isWellFormed("aB3dE5g!"))
        #expect(!RegistrationCode.isWellFormed("aB3dE5g团"))
    }

    // R-O6: valid 20 days, usable once.
    @Test func expiryAndSingleUse() {
        let issued = Date(timeIntervalSince1970: 1_800_000_000)
        let expires = RegistrationCode.expiry(issuedAt: issued)
        #expect(expires.timeIntervalSince(issued) == 20 * 86400)
        #expect(RegistrationCode.redemptionProblem(code: "x", expiresAt: expires, usedAt: nil, now: issued.addingTimeInterval(19 * 86400)) == nil)
        #expect(RegistrationCode.redemptionProblem(code: "x", expiresAt: expires, usedAt: nil, now: expires) == .codeExpired("x", expiredAt: expires))
        #expect(RegistrationCode.redemptionProblem(code: "x", expiresAt: expires, usedAt: issued, now: issued) == .codeUsed("x"))
    }

    @Test func throttle() {
        let throttle = RedemptionThrottle(maxFailures: 3, window: 600)
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        let failures = [t0, t0.addingTimeInterval(10), t0.addingTimeInterval(20)]
        #expect(throttle.blockedUntil(failures: Array(failures.prefix(2)), now: t0.addingTimeInterval(30)) == nil)
        #expect(throttle.blockedUntil(failures: failures, now: t0.addingTimeInterval(30)) == t0.addingTimeInterval(600))
        #expect(throttle.blockedUntil(failures: failures, now: t0.addingTimeInterval(601)) == nil)
    }
}

@Suite struct OrgRulesTests {
    // R-O1: only branches hold members; a branch has no children; a general branch groups branches.
    @Test func categoriesNest() {
        #expect(!OrgCategory.branch.mayContain(.branch))
        #expect(OrgCategory.generalBranch.mayContain(.branch))
        #expect(!OrgCategory.generalBranch.mayContain(.generalBranch))
        #expect(OrgCategory.committee.mayContain(.generalBranch))
        #expect(!OrgCategory.committee.mayContain(.leadingBody))
        #expect(OrgCategory.leadingBody.mayContain(.leadingBody))
        #expect(OrgCategory(userText: "团支部") == .branch)
        #expect(OrgCategory(userText: "Leading-Body") == .leadingBody)
        #expect(OrgCategory(userText: "club") == nil)
    }

    // R-O3: names that break the pattern get a warning, not a refusal.
    @Test func namingWarnings() {
        #expect(OrgNaming.warning(shortName: "团济南市委", category: .leadingBody) == nil)
        #expect(OrgNaming.warning(shortName: "济南市", category: .leadingBody) != nil)
        #expect(OrgNaming.warning(shortName: "包装车间团支部", category: .branch) == nil)
        #expect(OrgNaming.warning(shortName: "计算机专业2017级3班团支部", category: .branch) == nil)
        #expect(OrgNaming.warning(shortName: "包装车间", category: .branch) != nil)
        #expect(OrgNaming.warning(shortName: "某某大学团委", category: .committee) == nil)
    }

    // R-O2: the full name is built from the ancestors.
    @Test func fullNamesAndFolders() throws {
        #expect(OrgNaming.fullName(shortName: "包装车间团支部", parentFullName: "团某某市委某厂团委") == "团某某市委某厂团委包装车间团支部")
        #expect(OrgNaming.folderName(id: 42, shortName: "包装车间团支部") == "0042-包装车间团支部")
        #expect(OrgNaming.folderName(id: 12345, shortName: "a") == "12345-a")
        #expect(throws: ZHTJError.self) { try OrgNaming.validatedShortName("a/b") }
        #expect(throws: ZHTJError.self) { try OrgNaming.validatedShortName("  ") }
    }
}
