import ArgumentParser
import Foundation
import ZHTJClient
import ZHTJCore

extension ZHTJ {
    struct Labels: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "打印二维码标签 / Print QR labels (or cover sheets) for the members who need an e-archive.",
            discussion: """
                Stick one label on page 1 of each paper form (or put the cover sheet in front of it) and scan the stack
                into the branch's inbox folder: the daemon reads the QR code and files each scan under its member.
                把标签贴在入团志愿书第1页（或把封面放在志愿书前）后扫描到团支部的收件目录，系统按二维码自动归档。
                """)

        @Option(help: "An org in your subtree (name or identifier). Default: your own org.")
        var org: String?

        @Option(help: "Only these members, comma-separated (ID number, development number, #id or name).")
        var members: String?

        @Flag(help: "Only members with no file waiting or approved (none uploaded yet, or the last one rejected).")
        var onlyMissing = false

        @Flag(help: "One A4 cover sheet per member instead of a sheet of labels.")
        var cover = false

        @Option(name: .shortAndLong, help: "The PDF to write (an existing file is never overwritten).")
        var output: String

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let keys = members?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                let params = LabelsParams(org: org, members: keys, onlyMissing: onlyMissing, cover: cover)
                let (r, _) = try global.send(API.Labels.self, params)
                let data = try NewFile.write(base64: r.pdfBase64, to: output)
                if global.json {
                    let summary = LabelsSummary(file: output, labels: r.entries.count, pages: r.pages, bytes: data.count, entries: r.entries, withoutNumber: r.withoutNumber)
                    print(String(decoding: try ProtocolCoding.encoder().encode(summary), as: UTF8.self))
                    return
                }
                let what = cover ? "封面 cover sheets" : "标签 labels"
                print("已保存 / saved: \(output) — \(r.entries.count) \(what), \(r.pages) 页 pages (A4)")
                if !r.withoutNumber.isEmpty {
                    print("没有发展团员编号，未打印 / no development number, not printed: \(r.withoutNumber.joined(separator: "、"))")
                    print("先用 zhtj member set-number 登记编号 / record their numbers first (zhtj member set-number)")
                }
            }
        }
    }
}

/// What `zhtj labels --json` prints: the file written instead of the PDF's bytes.
struct LabelsSummary: Encodable {
    var file: String
    var labels: Int
    var pages: Int
    var bytes: Int
    var entries: [LabelEntry]
    var withoutNumber: [String]
}
