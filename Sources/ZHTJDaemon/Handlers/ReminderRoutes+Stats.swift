import Foundation
import ZHTJCore
import ZHTJRegistry

extension RequestHandler {

    /// `stats [--org ORG] [--year YYYY]` (R-E11).
    func stats(_ params: StatsParams, _ context: AdminContext) throws -> [StatsRow] {
        let admin = context.admin
        let org = try params.org.map { try database.resolveOrg($0, within: context.scope) } ?? admin.org
        return try database.stats(orgID: org.id, year: params.year)
    }
}
