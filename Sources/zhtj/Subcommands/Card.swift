import ArgumentParser
import Foundation
import ZHTJClient
import ZHTJCore

extension ZHTJ {
    struct Card: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "电子团员证 / The electronic member card as an A4 PDF (R-W3): identity, transfers, fees, rewards and sanctions.")

        @Argument(help: "ID number, development number, #id or name.") var member: String
        @Option(name: .shortAndLong, help: "The PDF to write (an existing file is never overwritten).") var output: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (r, _) = try global.send(API.MemberCard.self, MemberKeyParams(key: member))
                let data = try NewFile.write(base64: r.pdfBase64, to: output)
                if global.json {
                    let summary = CardSummary(file: output, pages: r.pages, bytes: data.count, card: r.card)
                    print(String(decoding: try ProtocolCoding.encoder().encode(summary), as: UTF8.self))
                    return
                }
                print("已保存 / saved: \(output) — \(r.card.name) 电子团员证 member card, \(r.pages) 页 pages (A4)")
            }
        }
    }
}

/// What `zhtj card --json` prints: the file written and the card's data instead of the PDF's bytes.
struct CardSummary: Encodable {
    var file: String
    var pages: Int
    var bytes: Int
    var card: MemberCard
}
