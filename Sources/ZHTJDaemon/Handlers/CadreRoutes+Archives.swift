import Foundation
import ZHTJCore
import ZHTJRegistry

extension RequestHandler {
    /// `cadre.archives [ORG]`: the org's cadre e-database (R-E14), for the org or any org above it.
    func cadreArchives(_ params: CadreArchivesParams, _ context: AdminContext) throws -> CadreArchivesResult {
        let org = try org(params.org, context)
        return CadreArchivesResult(orgID: org.id, org: org.fullName, cadres: try database.cadreArchives(orgID: org.id))
    }
}
