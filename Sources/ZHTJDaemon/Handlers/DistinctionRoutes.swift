import Foundation
import ZHTJCore
import ZHTJRegistry

/// Rewards and sanctions (R-W2): entered by the granting org, any org whose subtree holds the member.
enum DistinctionRoutes: RouteCollection {
    static func register(on routes: inout RouteTable) {
        routes.add(API.DistinctionAdd.self, RequestHandler.addDistinction)
        routes.add(API.DistinctionList.self, RequestHandler.distinctions)
    }
}

extension RequestHandler {
    /// `distinction.add`: the member in the admin's subtree (a denial otherwise, audited), the entry checked, the
    /// working days from the document's date to today counted by the configured calendar; a late entry (more than 20)
    /// is recorded with its warning (R-W2).
    func addDistinction(_ params: DistinctionAddParams, _ context: AdminContext) throws -> DistinctionInfo {
        let member = try database.member(key: params.member, within: context.scope)
        let today = CivilDate(context.now)
        let checked: DistinctionRules.Checked
        switch DistinctionRules.check(
            kind: params.kind, title: params.title, level: params.level, date: params.date, document: params.document, today: today)
        {
        case .success(let c): checked = c
        case .failure(let p): throw ZHTJError.invalidField(field: p.field, value: p.value, reason: p.reason)
        }
        let workingDays = settings.workingDays.count(after: checked.date, through: today)
        let entry = NewDistinction(
            memberID: member.id, kind: checked.kind, title: checked.title, level: checked.level, date: checked.date, document: checked.document,
            workingDays: workingDays)
        let info = try database.addDistinction(entry, caller: context.caller, now: context.now)
        if info.late {
            logger.notice("late reward or sanction entry (R-W2)", metadata: [
                "zhtj.member": "\(member.id)", "zhtj.distinction": "\(info.id)", "zhtj.workingDays": "\(workingDays)",
            ])
        }
        return info
    }

    /// `distinction.list MEMBER`: a member's rewards and sanctions.
    func distinctions(_ params: MemberKeyParams, _ context: AdminContext) throws -> [DistinctionInfo] {
        let member = try database.member(key: params.key, within: context.scope)
        return try database.distinctions(memberID: member.id)
    }
}
