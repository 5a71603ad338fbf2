import Foundation
import ZHTJCore
import ZHTJRegistry

/// Key-area monitoring (seed 001 §2.2, §2.3): a university's or state firm's own admin records its figures once;
/// leading bodies and committees see the staffing of the key-area orgs below them.
extension RequestHandler {
    /// `org.keyArea`: the org's own admin, once; a second time is refused and recorded.
    func orgKeyArea(_ params: KeyAreaParams, _ context: AdminContext) throws -> KeyAreaInfo {
        let org = try org(params.org, context)
        guard org.id == context.admin.org.id else {
            throw ZHTJError.notAllowed(
                "\(org.fullName)的重点领域信息由其本级管理员填写 / the key-area figures of \(org.fullName) are entered by its own admin (seed 001 §2.2)")
        }
        let parent = try org.parentID.flatMap { try database.org(id: $0) }
        guard let area = KeyArea.ownLevel(industry: org.industry, parentIndustry: parent?.industry, isRoot: org.parentID == nil) else {
            throw ZHTJError.invalidField(
                field: "行业类别 industry", value: org.industry ?? "",
                reason: "只有高校本级（普通高等院校、高等职业（专科）院校）和国有企业的团组织填写 / only the top org of a university or a state firm records these (seed 001 §2.2, §3.2)")
        }
        if let found = try database.keyArea(orgID: org.id) {
            auditRefusal(caller: context.caller, action: "org.keyArea.refused", target: "org:\(org.id)", detail: "already recorded", now: context.now)
            throw KeyAreaRules.alreadyRecorded(found)
        }
        let level = params.enterpriseLevel.map { KeyAreaRules.enterpriseLevel($0) ?? $0 }
        let location = params.location?.trimmingCharacters(in: .whitespaces)
        if let problem = KeyAreaRules.problem(area: area, students: params.students, level: level, location: location) {
            throw ZHTJError.invalidField(field: "重点领域信息 key-area figures", value: org.fullName, reason: problem)
        }
        return try database.setKeyArea(
            orgID: org.id, area: area, students: params.students, level: level, location: location, caller: context.caller, now: context.now)
    }

    /// `cadre.staffing`: for leading bodies and committees (seed 001 §2.3), per key-area org of the subtree.
    func cadreStaffing(_ params: StaffingParams, _ context: AdminContext) throws -> [StaffingRow] {
        guard context.admin.org.category.isCommitteeLevel else {
            throw ZHTJError.notAllowed(
                "重点领域团干部配备监测供团的领导机关、团委和团工委使用 / key-area staffing is for leading bodies and committees (seed 001 §2.3)")
        }
        let org = try org(params.org, context)
        var area: KeyArea? = nil
        if let kind = params.kind, !kind.isEmpty {
            guard let parsed = KeyArea(userText: kind) else {
                throw ZHTJError.invalidField(field: "--kind", value: kind, reason: "应为 university（高校）或 soe（国有企业）/ university or soe")
            }
            area = parsed
        }
        return try database.staffing(within: Subtree(path: try database.path(of: org.id)), area: area)
    }
}
