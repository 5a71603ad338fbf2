import ArgumentParser
import Foundation
import ZHTJClient
import ZHTJCore

extension ZHTJ {
    struct CadreList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "团干部列表 / The cadres of an org's subtree (in post; --all-posts: also removed ones, with every post held).")

        @Option(help: "The org (identifier or name). Default: your org.") var org: String?
        @Flag(help: "Also cadres removed (R-C2) and every cadre's posts.") var allPosts = false
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (list, json) = try global.send(API.CadreList.self, CadreListParams(org: org, allPosts: allPosts ? true : nil))
                try global.emit(json) {
                    if list.isEmpty { return "没有团干部 / no cadres" }
                    var table = TextTable(header: ["编号 id", "姓名 name", "身份证号码 ID", "组织 org", "职务 post", "任职 since", "方式 how", "性质 kind", "在岗 on duty", "状态 state"])
                    for c in list {
                        let state = c.removedAt == nil ? "在任 in post" : "已移除 removed → \(c.removedTo?.rawValue ?? "")\(c.removedOther.map { "：\($0)" } ?? "")"
                        table.add([String(c.id), c.name, c.idNumber, c.org, c.post, c.postSince, c.appointedHow, c.kind.rawValue, c.onDuty ? "在岗" : "不在岗", state])
                    }
                    var text = table.render()
                    if allPosts {
                        for c in list where (c.posts?.count ?? 0) > 1 || c.removedAt != nil {
                            text += "\n#\(c.id) \(c.name): " + (c.posts ?? []).map { "\($0.post)（\($0.since)起，\($0.appointedHow)）" + ($0.endedAt.map { " 至 \(Format.time($0))" } ?? "") }.joined(separator: " → ")
                        }
                    }
                    if list.count >= 1000 { text += "\n只列出前1000名 / only the first 1000 are listed: give --org to narrow" }
                    return text
                }
            }
        }
    }

    struct CadreChangePost: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "change-post", abstract: "团干部换任职务 / A new post for a cadre; the old one stays in the history (R-C1).")

        @Argument(help: "#id, ID number or name.") var cadre: String
        @Option(help: "团内现任职务.") var post: String
        @Option(help: "任现职年月, YYYY-MM.") var since: String
        @Option(help: "任现职方式 (选举, 任命 …).") var how: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (c, json) = try global.send(API.CadreChangePost.self, CadreChangePostParams(cadre: cadre, post: post, since: since, how: how))
                try global.emit(json) { "已换任 / post changed: " + CadreText.line(c) }
            }
        }
    }

    struct CadreRemove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "移除团干部 / End a cadre's post and record where the person went; the record stays (R-C2).",
            discussion: "Destinations: \(CadreDestination.choices); with 其他 (other) give --other TEXT. Only leading bodies and grassroots committees remove their own cadres.")

        @Argument(help: "#id, ID number or name.") var cadre: String
        @Option(help: "移除去向 (Chinese or code).") var to: String
        @Option(help: "具体去向, with --to 其他.") var other: String?
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (c, json) = try global.send(API.CadreRemove.self, CadreRemoveParams(cadre: cadre, to: to, other: other))
                try global.emit(json) { "已移除，记录保留 / removed, the record is kept: " + CadreText.line(c) }
            }
        }
    }
}
