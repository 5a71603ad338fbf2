import Foundation
import Hummingbird
import ZHTJCore

/// Unmatched and refused files (attach, retry), the member search and the admin's reminders.
extension ConsolePages {
    func registerLists(on router: Router<Context>) {
        for refused in [false, true] {
            router.get(refused ? "/refused" : "/unmatched") { request, _ in
                await page(request) { session, form in
                    let items = refused
                        ? try await run(API.UploadsRefused.self, NoParams(), session) : try await run(API.UploadsUnmatched.self, NoParams(), session)
                    var values: [String: Any] = [
                        "items": items.map { row in
                            var values = ConsoleView.upload(row, refused: refused)
                            values["csrf"] = session.csrf
                            return values
                        },
                        "heading": refused ? "被拒文件 Refused files" : "未匹配文件 Unmatched files",
                        "explain": refused
                            ? "这些文件没有通过检查，原因见右。修正后放回收件箱，或在原因已消除时重试。/ These files failed a check (the reason is beside each). Fix and drop them into the inbox again, or retry once the cause is gone."
                            : "这些文件未能对应到团员。输入团员编号、身份证号或 #ID 后关联。/ These files matched no member: enter a development number, an ID number or #id and attach.",
                        "detailHeading": refused ? "原因 Reason" : "读到的内容 What was read",
                    ]
                    values["flash"] = flash(form)
                    return render("uploads", values, session: session, title: refused ? "被拒文件 Refused" : "未匹配 Unmatched")
                }
            }
        }
        router.post("/uploads/:id/attach") { request, context in
            await page(request, post: true) { session, form in
                guard let id = context.parameters.get("id", as: Int64.self) else { throw Failure.notFound("upload") }
                guard let member = form.text("member") else { throw ZHTJError.invalidField(field: "member", value: "", reason: "填写团员编号、身份证号或 #ID / a development number, ID number or #id") }
                _ = try await run(API.UploadAttach.self, AttachParams(upload: id, member: member), session)
                return ConsoleResponse.redirect("/unmatched?done=attached&item=\(id)")
            }
        }
        router.post("/uploads/:id/retry") { request, context in
            await page(request, post: true) { session, _ in
                guard let id = context.parameters.get("id", as: Int64.self) else { throw Failure.notFound("upload") }
                _ = try await run(API.UploadRetry.self, UploadRefParams(upload: id), session)
                return ConsoleResponse.redirect("/refused?done=retried&item=\(id)")
            }
        }
        router.get("/search") { request, _ in
            await page(request) { session, form in
                var values: [String: Any] = ["query": form["q"] ?? ""]
                if let text = form.text("q") {
                    let found = try await run(API.MemberSearch.self, MemberSearchParams(text: text, limit: 50), session)
                    values["searched"] = true
                    values["results"] = found.map(ConsoleView.searchRow)
                }
                return render("search", values, session: session, title: "查询 Search")
            }
        }
        router.get("/reminders") { request, _ in
            await page(request) { session, _ in
                let result = try await run(API.Reminders.self, RemindersParams(org: nil, send: false), session)
                guard let reminder = result.reminders.first else {
                    return message("提醒 Reminders", zh: "没有提醒。", en: "No reminder.", status: .ok, session: session)
                }
                return render("reminders", ConsoleView.reminder(reminder), session: session, title: "提醒 Reminders")
            }
        }
    }
}
