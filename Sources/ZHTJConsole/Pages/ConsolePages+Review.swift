import Foundation
import Hummingbird
import ZHTJCore

/// The queue, the review page, decisions, the scan's bytes and the ID number's reveal (R-E6 to R-E8).
extension ConsolePages {
    /// The queue lists this many; the rest follow as reviewers clear it.
    static let queueLimit = 200

    func registerReview(on router: Router<Context>) {
        router.get("/queue") { request, _ in
            await page(request) { session, form in
                let queue = try await run(API.Reviews.self, ReviewsParams(limit: Self.queueLimit), session)
                let overview = try await run(API.ReviewsOverview.self, NoParams(), session)
                var values: [String: Any] = [
                    "items": queue.items.map(ConsoleView.queueRow), "total": queue.total, "more": queue.remaining, "hasMore": queue.remaining > 0,
                    "overview": overview.map(ConsoleView.overviewRow),
                ]
                values["flash"] = flash(form)
                return render("queue", values, session: session, title: "审核队列 Queue")
            }
        }
        router.get("/review/:id") { request, context in
            await page(request) { session, form in
                guard let id = context.parameters.get("id", as: Int64.self) else { throw Failure.notFound("review") }
                // This item and the one after it, in queue order.
                let slice = try await run(API.Reviews.self, ReviewsParams(limit: 2, after: id - 1), session)
                guard let item = slice.items.first, item.id == id else {
                    throw Failure.notFound("待审核的第 \(id) 号已不在你的队列中（已审核或无权审核）/ review #\(id) is not in your queue (decided, or not yours)")
                }
                let member = try await run(API.MemberShow.self, MemberKeyParams(key: "#\(item.memberID)"), session)
                var values: [String: Any] = [
                    "id": item.id, "memberID": item.memberID, "item": ConsoleView.queueRow(item), "member": ConsoleView.member(member),
                    "versions": ConsoleView.versions(member), "reasonCodes": ConsoleView.reasonCodes,
                    "next": slice.items.count > 1 ? "\(slice.items[1].id)" : "",
                    "prev": form["prev"].flatMap { Int64($0) }.map { "\($0)" } ?? "",
                    "pdf": "/member/\(item.memberID)/v/\(item.version)/pdf", "pdfjs": true,
                ]
                values["flash"] = flash(form)
                return render("review", values, session: session, title: "\(member.name) · 审核 Review")
            }
        }
        for approve in [true, false] {
            router.post("/review/:id/\(approve ? "approve" : "reject")") { request, context in
                await page(request, post: true) { session, form in
                    guard let id = context.parameters.get("id", as: Int64.self) else { throw Failure.notFound("review") }
                    let params = DecisionParams(id: id, reason: approve ? nil : form.text("reason"), reasonCode: approve ? nil : form.text("reasonCode"))
                    if approve {
                        _ = try await run(API.ReviewApprove.self, params, session)
                    } else {
                        _ = try await run(API.ReviewReject.self, params, session)
                    }
                    // The next item opens; the queue when none is left.
                    let next = try await run(API.Reviews.self, ReviewsParams(limit: 1, after: id), session).items.first
                    let done = "done=\(approve ? "approved" : "rejected")&item=\(id)"
                    return ConsoleResponse.redirect(next.map { "/review/\($0.id)?prev=\(id)&\(done)" } ?? "/queue?\(done)")
                }
            }
        }
        router.get("/member/:member/v/:version/pdf") { request, context in
            await page(request) { session, form in
                guard let member = context.parameters.get("member", as: Int64.self), let version = context.parameters.get("version", as: Int.self) else {
                    throw Failure.notFound("pdf")
                }
                return try await pdf(request, member: member, version: version, download: form["download"] != nil, session)
            }
        }
        router.post("/member/:member/reveal") { request, context in
            await page(request, post: true) { session, _ in
                guard let member = context.parameters.get("member", as: Int64.self) else { throw Failure.notFound("member") }
                let backend = self.backend
                let full = try await blocking { try backend.revealIDNumber(member: "#\(member)", for: session) }
                let body = try JSONSerialization.data(withJSONObject: ["ok": true, "idNumber": full])
                return ConsoleResponse.json(String(decoding: body, as: UTF8.self))
            }
        }
    }

    /// The line at the top after a decision: which item, what was done (never text from the URL).
    func flash(_ form: FormFields) -> [String: Any]? {
        guard let done = form["done"], let item = form["item"].flatMap({ Int64($0) }) else { return nil }
        switch done {
        case "approved": return ["kind": "ok", "text": "已通过第 \(item) 号 · review #\(item) approved"]
        case "rejected": return ["kind": "ok", "text": "已驳回第 \(item) 号，理由已退回上传组织 · review #\(item) rejected, its reason sent back"]
        case "attached": return ["kind": "ok", "text": "文件 \(item) 已关联 · upload \(item) attached"]
        case "retried": return ["kind": "ok", "text": "文件 \(item) 已重新检查 · upload \(item) checked again"]
        default: return nil
        }
    }
}
