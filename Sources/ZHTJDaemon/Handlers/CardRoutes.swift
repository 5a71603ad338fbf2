import Foundation
import ZHTJCore
import ZHTJLabels
import ZHTJRegistry

/// The electronic member card (R-W3): drawn here from the registry's own data (no untrusted input is parsed).
enum CardRoutes: RouteCollection {
    static func register(on routes: inout RouteTable) {
        routes.add(API.MemberCard.self, RequestHandler.memberCard)
    }
}

extension RequestHandler {
    /// `member.card KEY`: by the member's branch or any org above it, or by the member (R-E13).
    func memberCard(_ params: MemberKeyParams, _ context: ViewerContext) throws -> MemberCardResult {
        let member = try viewedMember(params.key, context)
        let lines = try database.cardLines(memberID: member.id, months: MemberCard.feeMonths(before: CivilDate(context.now)))
        let card = MemberCard(member: member, transfers: lines.transfers, fees: lines.fees, distinctions: lines.distinctions, madeAt: context.now)
        let made = try MemberCardPDF.render(card)
        try database.recordCard(memberID: member.id, pages: made.pages, caller: context.caller, now: context.now)
        return MemberCardResult(card: card, pages: made.pages, pdfBase64: Data(made.pdf).base64EncodedString())
    }
}
