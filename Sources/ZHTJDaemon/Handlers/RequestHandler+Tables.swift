import Foundation
import ZHTJCore
import ZHTJRegistry

/// The tables an admin uploads (members, orgs, fee payments): decoded and split the same way, and the lines that
/// named something outside the admin's subtree audited as one denial. And the org a request names.
extension RequestHandler {
    /// The org `ref` names inside the admin's subtree (`outside_subtree` otherwise), or the admin's own org without one.
    func org(_ ref: String?, _ context: AdminContext) throws -> OrgSummary {
        try ref.map { try database.resolveOrg($0, within: context.scope) } ?? context.admin.org
    }

    /// The rows of an uploaded CSV (UTF-8 with or without BOM, or GB18030), its header first, and the encoding.
    static func tableRows(base64: String, fileName: String) throws -> (rows: [CSVParser.Row], encoding: TextDecoding.Encoding) {
        guard let bytes = Data(base64Encoded: base64) else { throw ZHTJError.badRequest("contentBase64 is not base64") }
        guard let (text, encoding) = TextDecoding.decode(Array(bytes)) else {
            throw ZHTJError.importFailed("“\(fileName)”既不是UTF-8也不是GB18030编码 / \"\(fileName)\" is neither UTF-8 nor GB18030: save it as CSV UTF-8")
        }
        let rows = CSVParser.parse(text)
        guard !rows.isEmpty else { throw ZHTJError.importFailed("“\(fileName)”是空的 / \"\(fileName)\" is empty") }
        return (rows, encoding)
    }

    /// One audited denial for the lines of `fileName` that named members or branches outside the admin's subtree.
    func auditDeniedLines(_ lines: [Int], command: String, fileName: String, _ context: AdminContext) {
        guard !lines.isEmpty else { return }
        auditRefusal(
            caller: context.caller, action: "denied", target: command,
            detail: "outside_subtree lines \(lines.map(String.init).joined(separator: ",")) of \(fileName)", now: context.now)
    }
}
