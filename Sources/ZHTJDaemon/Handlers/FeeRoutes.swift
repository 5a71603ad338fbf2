import Foundation
import ZHTJCore
import ZHTJRegistry

/// League fees (R-W4): payments recorded one by one or from the payment channel's table, and who has not paid.
enum FeeRoutes: RouteCollection {
    static func register(on routes: inout RouteTable) {
        routes.add(API.FeeRecord.self, RequestHandler.recordFee)
        routes.add(API.FeeImport.self, RequestHandler.feeImport)
        routes.add(API.FeeStatus.self, RequestHandler.feeStatus)
        routes.add(API.FeeList.self, RequestHandler.feeList)
    }
}

extension RequestHandler {
    /// The most unpaid members `fee.status` lists, and how many by default.
    static let feeStatusMaxLimit = 100_000
    static let feeStatusDefaultLimit = 1000

    /// `fee.record MEMBER --month --amount`: a member in the admin's subtree, a month up to this one, an amount.
    func recordFee(_ params: FeeRecordParams, _ context: AdminContext) throws -> FeePaymentInfo {
        let member = try database.member(key: params.member, within: context.scope)
        let month = try Self.checked(FeeMonth.parse(params.month, today: CivilDate(context.now)))
        let fen = try Self.checked(FeeAmount.parse(params.amount))
        let reference = params.reference.map { String($0.trimmingCharacters(in: .whitespaces).prefix(100)) }.flatMap { $0.isEmpty ? nil : $0 }
        return try database.recordFee(memberID: member.id, month: month, amountFen: fen, reference: reference, caller: context.caller, now: context.now)
    }

    /// `fee.import`: each bad row reported with its line and reason, the good ones recorded in one transaction;
    /// rows naming members outside the admin's subtree are audited as one denial.
    func feeImport(_ params: FeeImportParams, _ context: AdminContext) throws -> FeeImportReport {
        let (rows, encoding) = try Self.tableRows(base64: params.contentBase64, fileName: params.fileName)
        let header = rows[0]
        let columns: [FeeTable.Column: Int]
        switch FeeTable.columns(header: header.fields) {
        case .success(let map): columns = map
        case .failure(let p): throw ZHTJError.importFailed(p.reason)
        }
        let today = CivilDate(context.now)
        var drafts: [FeeDraft] = [], issues: [RowIssue] = []
        var rejected = Set<Int>()
        for row in rows.dropFirst() {
            switch FeeTable.validate(row: row, columns: columns, today: today) {
            case .success(let draft): drafts.append(draft)
            case .failure(let problems):
                issues += problems.issues
                rejected.insert(row.line)
            }
        }
        let outcome = try database.importFees(drafts, within: context.scope, caller: context.caller, now: context.now)
        auditDeniedLines(outcome.deniedLines, command: API.FeeImport.name, fileName: params.fileName, context)
        issues += outcome.issues
        rejected.formUnion(outcome.rejectedLines)
        issues.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        logger.info("fees imported", metadata: [
            "zhtj.file": "\(params.fileName)", "zhtj.recorded": "\(outcome.recorded.count)", "zhtj.rejected": "\(rejected.count)",
        ])
        return FeeImportReport(
            fileName: params.fileName, encoding: encoding.rawValue, rows: rows.count - 1, recorded: outcome.recorded.count,
            rejectedRows: rejected.count, issues: issues)
    }

    /// `fee.status [--org ORG] --month`: per branch of the org (inside the admin's subtree), who has not paid.
    func feeStatus(_ params: FeeStatusParams, _ context: AdminContext) throws -> FeeStatusResult {
        let org = try org(params.org, context)
        let month = try Self.checked(FeeMonth.parse(params.month, today: CivilDate(context.now)))
        let limit = params.limit ?? Self.feeStatusDefaultLimit
        guard (1...Self.feeStatusMaxLimit).contains(limit) else {
            throw ZHTJError.limitOutOfRange(option: "limit", value: limit, lowest: 1, highest: Self.feeStatusMaxLimit)
        }
        let status = try database.feeStatus(orgID: org.id, month: month, limit: limit)
        return FeeStatusResult(orgID: org.id, org: org.fullName, month: month, rows: status.rows, unpaidMembers: status.unpaid)
    }

    /// `fee.list MEMBER`: a member's payments, by month.
    func feeList(_ params: MemberKeyParams, _ context: AdminContext) throws -> [FeePaymentInfo] {
        let member = try database.member(key: params.key, within: context.scope)
        return try database.feePayments(memberID: member.id)
    }

    private static func checked<T>(_ result: Result<T, FeeProblem>) throws -> T {
        switch result {
        case .success(let value): return value
        case .failure(let p): throw ZHTJError.invalidField(field: p.field, value: p.value, reason: p.reason)
        }
    }
}
