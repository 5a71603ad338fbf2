import ArgumentParser
import Foundation
import ZHTJClient
import ZHTJCore

extension ZHTJ {
    struct Unmatched: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "待匹配的文件 / Archived files that matched no member: attach them with `zhtj attach`.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (uploads, json) = try global.send(API.UploadsUnmatched.self, NoParams())
                try global.emit(json) {
                    if uploads.isEmpty { return "没有待匹配的文件 / no unmatched files" }
                    var table = TextTable(header: ["编号 id", "文件 file", "目录 folder", "页数 pages", "编号 number", "原因 why", "收到 received"])
                    for u in uploads {
                        table.add([
                            String(u.id), u.name, u.folder, u.pages.map(String.init) ?? "", Self.number(u), u.reason ?? "", Format.time(u.receivedAt),
                        ])
                    }
                    return table.render() + (uploads.count >= 1000 ? "\n只显示最早的1000个 / showing the oldest 1000 only" : "")
                        + "\n用 zhtj attach 编号 --member 团员 指定团员 / attach one with `zhtj attach ID --member KEY`"
                }
            }
        }

        /// The number and where it came from, or what OCR read, as a suggestion ("OCR 读到 / read: 2023440101?3 …").
        static func number(_ u: UploadInfo) -> String {
            if let n = u.developmentNumber { return "\(n) (\(u.numberSource ?? ""))" }
            guard let s = u.suggestion else { return "—" }
            return "OCR 读到 / read: \(s)" + (s.contains("?") ? " (低置信度 low confidence)" : "")
        }
    }

    struct Attach: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "把待匹配的文件指定给团员 / Give an unmatched file to a member.")

        @Argument(help: "The file's id (see `zhtj unmatched`).")
        var upload: Int64

        @Option(help: "The member: ID number, development number, #id or name.")
        var member: String

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (u, json) = try global.send(API.UploadAttach.self, AttachParams(upload: upload, member: member))
                try global.emit(json) { "已归档 / archived: \(u.name) → \(u.memberName ?? "") (#\(u.memberID ?? 0)), 版本 version \(u.version ?? 0)" }
            }
        }
    }

    struct Refused: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "被拒的文件及原因 / Refused files and why; they are kept under refused/ until retried.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (uploads, json) = try global.send(API.UploadsRefused.self, NoParams())
                try global.emit(json) {
                    if uploads.isEmpty { return "没有被拒的文件 / no refused files" }
                    var table = TextTable(header: ["编号 id", "文件 file", "目录 folder", "原因 reason", "收到 received"])
                    for u in uploads { table.add([String(u.id), u.name, u.folder, u.reason ?? u.reasonCode ?? "", Format.time(u.receivedAt)]) }
                    return table.render() + (uploads.count >= 1000 ? "\n只显示最早的1000个 / showing the oldest 1000 only" : "")
                }
            }
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "把被拒的文件放回收件目录重新检查 / Put a refused file back into its inbox folder.")

        @Argument(help: "The file's id (see `zhtj refused`).")
        var upload: Int64

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (u, json) = try global.send(API.UploadRetry.self, UploadRefParams(upload: upload))
                try global.emit(json) { "已放回收件目录 / back in inbox/\(u.folder): \(u.name)" }
            }
        }
    }
}
