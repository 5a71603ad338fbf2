import Foundation
import ZHTJCore
import ZHTJStorage

extension RequestHandler {
    /// `transfer MEMBER --to BRANCH`: by an admin of the member's org or an ancestor (R-E11, R-W1).
    func transfer(_ params: TransferParams, _ context: Context) throws -> MemberInfo {
        let (caller, _) = try context.requireAdmin()
        return try database.transfer(memberKey: params.member, to: params.to, caller: caller, now: context.now)
    }

    /// `stats [--org ORG] [--year YYYY]` (R-E11).
    func stats(_ params: StatsParams, _ context: Context) throws -> [StatsRow] {
        let (caller, admin) = try context.requireAdmin()
        let org = try params.org.map { try database.resolveOrg($0, scopePath: caller.orgPath) } ?? admin.org
        return try database.stats(orgID: org.id, year: params.year)
    }
}
