import Foundation
import Testing
@testable import ZHTJCore

/// Who enters and removes cadres (R-C1, R-C2, seed 001 §2.1, §2.4), key areas and staffing ratios (§2.2, §2.3).
@Suite struct CadreRulesTests {
    // Seed 001 §2.1: own level; a branch's also by its direct superior.
    @Test func whoEntersCadres() {
        #expect(CadreRules.mayEnter(adminOrg: 2, target: 2, targetCategory: .committee, targetParent: 1))
        #expect(!CadreRules.mayEnter(adminOrg: 1, target: 2, targetCategory: .committee, targetParent: 1))
        #expect(CadreRules.mayEnter(adminOrg: 2, target: 3, targetCategory: .branch, targetParent: 2))
        #expect(CadreRules.mayEnter(adminOrg: 3, target: 3, targetCategory: .branch, targetParent: 2))
        #expect(!CadreRules.mayEnter(adminOrg: 1, target: 3, targetCategory: .branch, targetParent: 2))
        #expect(CadreRules.mayEnter(adminOrg: 6, target: 6, targetCategory: .generalBranch, targetParent: 2))
    }

    // R-C2, seed 001 §2.4: leading bodies and grassroots committees remove their own cadres.
    @Test func whoRemovesCadres() {
        #expect(CadreRules.mayRemove(adminOrg: 2, adminCategory: .committee, cadreOrg: 2, cadreOrgCategory: .committee, cadreOrgCommittee: nil))
        #expect(CadreRules.mayRemove(adminOrg: 1, adminCategory: .leadingBody, cadreOrg: 1, cadreOrgCategory: .leadingBody, cadreOrgCommittee: nil))
        #expect(!CadreRules.mayRemove(adminOrg: 1, adminCategory: .leadingBody, cadreOrg: 2, cadreOrgCategory: .committee, cadreOrgCommittee: 1))
        #expect(CadreRules.mayRemove(adminOrg: 2, adminCategory: .committee, cadreOrg: 3, cadreOrgCategory: .branch, cadreOrgCommittee: 2))
        #expect(!CadreRules.mayRemove(adminOrg: 3, adminCategory: .branch, cadreOrg: 3, cadreOrgCategory: .branch, cadreOrgCommittee: 2))
        #expect(!CadreRules.mayRemove(adminOrg: 6, adminCategory: .generalBranch, cadreOrg: 6, cadreOrgCategory: .generalBranch, cadreOrgCommittee: 2))
    }

    // R-C2: a fixed list, or 其他.
    @Test func destinations() {
        #expect(CadreDestination(userText: "毕业") == .graduated)
        #expect(CadreDestination(userText: "other") == .other)
        #expect(CadreDestination(userText: "火星") == nil)
        #expect(CadreDestination.choices.contains("其他 (other)"))
    }

    // Seed 001 §2.2, §3.2: the area's own level only; the figures fit the area.
    @Test func keyAreas() {
        #expect(KeyArea.of(industry: "高等职业(专科)院校") == .university)
        #expect(KeyArea.ownLevel(industry: "普通高等院校", parentIndustry: nil, isRoot: false) == .university)
        #expect(KeyArea.ownLevel(industry: "普通高等院校", parentIndustry: "普通高等院校", isRoot: false) == nil)
        #expect(KeyArea.ownLevel(industry: "国有企业", parentIndustry: "党政机关", isRoot: false) == .soe)
        #expect(KeyArea.ownLevel(industry: "党政机关", parentIndustry: nil, isRoot: true) == nil)
        #expect(KeyAreaRules.problem(area: .university, students: 20000, level: nil, location: nil) == nil)
        #expect(KeyAreaRules.problem(area: .university, students: 0, level: nil, location: nil) != nil)
        #expect(KeyAreaRules.problem(area: .soe, students: nil, level: "市属企业", location: "某市") == nil)
        #expect(KeyAreaRules.problem(area: .soe, students: nil, level: "市属企业", location: nil) != nil)
        #expect(KeyAreaRules.enterpriseLevel("央企") == "中央企业")
    }

    // Seed 001 §2.3: per 1000 students or members, and students or members per full-time cadre.
    @Test func staffingRatios() {
        let row = StaffingRow(orgID: 2, org: "大学团委", area: .university, fullTime: 1, seconded: 1, partTime: 2, base: 20000, enterpriseLevel: nil, location: nil)
        #expect(row.total == 4 && row.perThousand == 0.2 && row.basePerFullTime == 10000)
        #expect(StaffingRatio.perThousand(cadres: 3, base: nil) == nil)
        #expect(StaffingRatio.basePerFullTime(fullTime: 0, seconded: 0, base: 100) == nil)
        #expect(StaffingRatio.basePerFullTime(fullTime: 2, seconded: 1, base: 1000) == 333.3)
        #expect(StaffingRatio.text(nil) == "—" && StaffingRatio.text(2.0) == "1:2.0")
    }
}
