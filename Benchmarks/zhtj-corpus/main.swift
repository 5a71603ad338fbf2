import Foundation
import ZHTJTestSupport

// Writes the ingest benchmark's corpus: scanned-like PDFs of 0.2 to 19.9 MB with 1 to 8 pages, and small text forms.
// Usage: zhtj-corpus DIR [LARGE] [SMALL]
// With --samples or --scans, writes scanned forms for the OCR reader instead (see Scans.swift); with
// --label-scans DIR SHEETS ENTRIES, forms with labels printed by `zhtj labels` stuck on them (LabelScans.swift).
let arguments = CommandLine.arguments
if arguments.count == 5, arguments[1] == "--label-scans" {
    do {
        try LabelScans.run(dir: arguments[2], sheets: arguments[3], entries: arguments[4])
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("zhtj-corpus: \(error)\n".utf8))
        exit(1)
    }
}
if arguments.count >= 2, arguments[1...].contains(where: { $0 == "--samples" || $0 == "--scans" }) {
    exit(Scans.run(arguments))
}
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data(("usage: zhtj-corpus DIR [LARGE=50] [SMALL=500]\n" + Scans.usage).utf8))
    exit(2)
}
let dir = arguments[1]
let large = arguments.count > 2 ? Int(arguments[2]) ?? 50 : 50
let small = arguments.count > 3 ? Int(arguments[3]) ?? 500 : 500
try FileManager.default.createDirectory(atPath: dir + "/large", withIntermediateDirectories: true)
try FileManager.default.createDirectory(atPath: dir + "/small", withIntermediateDirectories: true)
var generator = SystemRandomNumberGenerator()
for i in 0..<large {
    // Sizes spread evenly from 0.2 MB to 19.9 MB.
    let megabytes = 0.2 + (19.7 * Double(i) / Double(max(large - 1, 1)))
    let bytes = PDFBuilder.sized(targetBytes: Int(megabytes * 1024 * 1024), number: nil)
    try Data(bytes).write(to: URL(fileURLWithPath: String(format: "%@/large/scan-%03d-2023440100%02d.pdf", dir, i, i % 100)))
    FileHandle.standardError.write(Data("\rlarge \(i + 1)/\(large)".utf8))
}
for i in 0..<small {
    let pages = Int.random(in: 1...8, using: &generator)
    let bytes = PDFBuilder.textForm(number: String(format: "2023440%05d", i), name: "团员\(i)", pages: pages)
    try Data(bytes).write(to: URL(fileURLWithPath: String(format: "%@/small/form-%04d.pdf", dir, i)))
    if i % 50 == 0 { FileHandle.standardError.write(Data("\rsmall \(i + 1)/\(small)   ".utf8)) }
}
FileHandle.standardError.write(Data("\rcorpus written to \(dir)            \n".utf8))
