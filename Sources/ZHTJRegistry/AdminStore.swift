import Foundation
import ZHTJCore

/// Registration codes and admins (R-O6, R-O7).
public protocol AdminStore: Sendable {
    func issueCode(orgID: Int64, caller: Caller, now: Date) throws -> CodeInfo
    func issueCodesForChildren(of orgID: Int64, caller: Caller, now: Date) throws -> [CodeInfo]
    func redeem(
        code: String, requestedOrg: String?, admin: NewAdmin, caller: Caller, throttle: RedemptionThrottle, now: Date
    ) throws -> AdminInfo
    /// The admin a credential's hash names, with the uid it is bound to and the admin's org path.
    func admin(credentialHash hash: String) throws -> (info: AdminInfo, uid: UInt32, orgPath: String)?
    func admins(orgID: Int64) throws -> [(id: Int64, name: String, email: String?, mobile: String?)]
}
