import Foundation
import ZHTJCore
import ZHTJRegistry

/// The operator's maintenance commands.
enum MaintenanceRoutes: RouteCollection {
    static func register(on routes: inout RouteTable) {
        routes.add(API.AdminRecount.self, RequestHandler.recount)
    }
}

extension RequestHandler {
    /// `admin.recount`: recounts every org's tallies from the base tables and keeps the recount; reports what the
    /// kept ones had wrong (they are kept in the transaction of each write, so this should find nothing).
    func recount(_: NoParams, _ context: RequestContext) throws -> RecountResult {
        guard context.isOperator else { throw ZHTJError.notAllowed("`admin recount` is for the operator (the user running zhtjd, or root)") }
        let (rows, differences) = try database.rebuildTallies()
        if differences.isEmpty {
            logger.notice("tallies recounted: no difference", metadata: ["zhtj.rows": "\(rows)"])
        } else {
            logger.error("tallies recounted: differences found and corrected", metadata: ["zhtj.rows": "\(rows)", "zhtj.differences": "\(differences.count)"])
        }
        return RecountResult(rows: rows, differences: differences)
    }
}
