import ArgumentParser
import Foundation
import ZHTJClient
import ZHTJCore

extension ZHTJ {
    struct Reviews: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "待审核的电子档案 / Your org's queue of pending reviews, oldest first (R-E6).")

        @Flag(help: "Per subordinate org: pending, approved, rejected and not uploaded.")
        var overview = false

        @Option(help: "Show at most N reviews, oldest first (1 to 10000). Default: 50.")
        var limit: Int?

        @Option(help: "Show the reviews whose id is greater than ID (the id the previous page says to use).")
        var after: Int64?

        @Flag(help: "Show every pending review.")
        var all = false

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                if overview {
                    let (rows, json) = try global.send(API.ReviewsOverview.self, NoParams())
                    try global.emit(json) {
                        var table = TextTable(header: ["编号 ID", "组织 org", "待审核 pending", "已通过 approved", "已退回 rejected", "未上传 not uploaded"])
                        for r in rows { table.add([r.org.displayID, r.org.fullName, String(r.pending), String(r.approved), String(r.rejected), String(r.notUploaded)]) }
                        return table.render()
                    }
                    return
                }
                let (page, json) = try global.send(API.Reviews.self, ReviewsParams(limit: limit, after: after, all: all ? true : nil))
                try global.emit(json) { Self.render(page) }
            }
        }

        /// The page as a table, then how many are left and how to see them.
        static func render(_ page: ReviewsPage) -> String {
            if page.total == 0 { return "没有待审核的档案 / no reviews are waiting for you" }
            if page.items.isEmpty {
                return "这里没有待审核的档案（共 \(page.total) 份，去掉 --after 从头查看） / none here (\(page.total) pending in all: leave out --after to start from the oldest)"
            }
            var table = TextTable(header: ["审核号 id", "团员 member", "编号 number", "团支部 branch", "页数 pages", "编号来源 from", "等待 days"])
            for i in page.items {
                table.add([String(i.id), i.member, i.developmentNumber ?? "", i.branch, String(i.pages), Format.source(i.numberSource, confidence: i.numberConfidence), String(i.waitingDays)])
            }
            var text = table.render() + "\n查看 / look: zhtj get MEMBER -o FILE；通过 approve: zhtj approve ID；退回 reject: zhtj reject ID --reason TEXT"
            if let next = page.next, page.remaining > 0 {
                text += "\n还有 \(page.remaining) 份未显示，使用 --all 或 --after \(next) 查看 / \(page.remaining) more not shown: use --all or --after \(next)"
            }
            return text
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "通过审核 / Approve a pending e-archive: the member becomes authenticated (R-E8).")

        @Argument(help: "The review id (see `zhtj reviews`).")
        var id: Int64

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (m, json) = try global.send(API.ReviewApprove.self, DecisionParams(id: id, reason: nil, reasonCode: nil))
                try global.emit(json) { "已通过 / approved: \(m.name) — \(m.status?.chinese ?? "") \(m.status?.rawValue ?? "")" }
            }
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "退回 / Reject a pending e-archive with a written reason; it goes back to the uploading org (R-E6, R-E7).")

        @Argument(help: "The review id (see `zhtj reviews`).")
        var id: Int64

        @Option(help: "Why, in words the branch can act on (required).")
        var reason: String

        @Option(help: "missing-pages, no-stamp, number-mismatch, unreadable, wrong-person or other.")
        var reasonCode: String?

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (m, json) = try global.send(API.ReviewReject.self, DecisionParams(id: id, reason: reason, reasonCode: reasonCode))
                try global.emit(json) { "已退回 / rejected: \(m.name) — \(m.status?.chinese ?? "") \(m.status?.rawValue ?? "")" }
            }
        }
    }

    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "下载电子档案 / Download a member's e-archive PDF through the daemon (R-E13).")

        @Argument(help: "ID number, development number, #id or name.")
        var member: String

        @Option(name: .shortAndLong, help: "The file to write. Default: <MEMBER as typed>-v<version>.pdf in this folder.")
        var output: String?

        @Option(help: "The version. Default: the latest.")
        var version: Int?

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (r, _) = try global.send(API.ArchiveGet.self, GetParams(member: member, version: version))
                let path = output ?? "\(member)-v\(r.version).pdf"
                let data = try NewFile.write(base64: r.contentBase64, to: path)
                if global.json {
                    print(#"{"file":"\#(path)","version":\#(r.version),"sha256":"\#(r.sha256)","bytes":\#(data.count)}"#)
                } else {
                    print("已保存 / saved: \(path) (版本 version \(r.version), \(data.count) bytes, sha256 \(r.sha256.prefix(12))…)")
                }
            }
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "团员的操作记录 / A member's trail: uploads, reviews, corrections, downloads.")

        @Argument var member: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (entries, json) = try global.send(API.MemberHistory.self, MemberKeyParams(key: member))
                try global.emit(json) { Self.render(entries) }
            }
        }

        static func render(_ entries: [HistoryEntry]) -> String {
            var table = TextTable(header: ["时间 time", "操作 action", "操作人 by", "说明 detail"])
            for e in entries { table.add([String(e.at.prefix(19)).replacingOccurrences(of: "T", with: " "), e.action, e.actor, e.reason ?? ""]) }
            return table.render()
        }
    }

    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "审计记录 / The audit chain.", subcommands: [AuditVerify.self, AuditAnchor.self])
    }

    struct AuditAnchor: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "anchor", abstract: "记下审计链当前的末端 / Append the audit chain's head (id and hash) to outbox/audit-anchors.txt now.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (r, json) = try global.send(API.AuditAnchor.self, NoParams())
                try global.emit(json) { "已记下 / anchored: \(r.line)\n文件 / file: \(r.file)" }
            }
        }
    }

    struct AuditVerify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify", abstract: "校验审计链和档案文件 / Check the audit hash chain and every archive file's hash.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (r, json) = try global.send(API.AuditVerify.self, NoParams())
                try global.emit(json) {
                    var lines = ["审计记录 audit rows: \(r.rows), 档案文件 archive files: \(r.files)"]
                    if r.breaks.isEmpty {
                        lines.append("完好 / intact: no break found")
                    } else {
                        lines.append("发现 \(r.breaks.count) 处问题 / \(r.breaks.count) breaks:")
                        for b in r.breaks { lines.append("  \(b.row.map { "row \($0)" } ?? "file \(b.sha256 ?? "")"): \(b.problem)") }
                    }
                    if !r.schemaRepairs.isEmpty {
                        lines.append("数据库结构曾被改动，zhtjd 启动时已修复 / the schema was changed behind zhtjd's back and repaired at a start:")
                        for repair in r.schemaRepairs { lines.append("  \(repair)") }
                    }
                    if let leftOut = r.anchorsLeftOut, !leftOut.isEmpty {
                        lines.append("未用作锚点的备份清单 / backup manifests not used as anchors:")
                        for reason in leftOut { lines.append("  \(reason)") }
                    }
                    return lines.joined(separator: "\n")
                }
                if !r.breaks.isEmpty { throw ExitCode(4) }
            }
        }
    }
}
