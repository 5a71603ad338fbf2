import Foundation
import ZHTJCore
import ZHTJLabels
import ZHTJRegistry

/// Label sheets and cover sheets with QR codes.
enum LabelRoutes: RouteCollection {
    static func register(on routes: inout RouteTable) {
        routes.add(API.Labels.self, RequestHandler.labels)
    }
}

extension RequestHandler {
    /// `labels`: a PDF of QR labels (or cover sheets) for the members who need an e-archive in the caller's subtree
    /// (issue 11). Drawn here, from the registry's own data: no untrusted input is parsed.
    func labels(_ params: LabelsParams, _ context: AdminContext) throws -> LabelsResult {
        let found = try database.labelEntries(
            orgRef: params.org, memberKeys: params.members ?? [], onlyMissing: params.onlyMissing ?? false, within: context.scope)
        guard !found.entries.isEmpty else {
            throw ZHTJError.nothingToLabel(params.members.map { $0.joined(separator: ", ") } ?? params.org ?? context.admin.org.fullName)
        }
        let layout = LabelSheet.Layout(columns: settings.labelColumns, rows: settings.labelRows, marginMM: Double(settings.labelMarginMM))
        let cover = params.cover ?? false
        let made = cover ? try LabelSheet.covers(found.entries) : try LabelSheet.labels(found.entries, layout: layout)
        logger.info("labels printed", metadata: ["zhtj.labels": "\(found.entries.count)", "zhtj.cover": "\(cover)"])
        return LabelsResult(entries: found.entries, withoutNumber: found.withoutNumber, pages: made.pages, pdfBase64: Data(made.pdf).base64EncodedString())
    }
}
