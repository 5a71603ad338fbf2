import Foundation
import ZHTJLabels
import ZHTJTestSupport

// zhtj-corpus --label-scans DIR SHEETS ENTRIES
//   Scans of forms with a label printed by `zhtj labels` stuck on page 1. SHEETS: the label sheets rendered at 300 DPI,
//   SHEETS-1.png, SHEETS-2.png, …; ENTRIES: the labels in sheet order, one "number<TAB>name" a line (from
//   `zhtj labels --json`). Writes DIR/<dpi>/label-<i>.pdf, every label once, the DPI cycling 150/200/300, with
//   seeded skew (the sticker ±5°, the page ±3°), noise, blur, JPEG and stamps, and DIR/manifest.tsv.
enum LabelScans {
    /// A label's cell on the default sheet (Config/zhtjd.json `labels`) rendered at 300 DPI.
    static func cell(_ index: Int) -> (x: Int, y: Int, width: Int, height: Int) {
        LabelSheet.Layout().cell(index, dpi: 300)
    }

    static func run(dir: String, sheets: String, entries path: String) throws {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        let entries = lines.filter { $0.count >= 2 }.map { (number: $0[0], name: $0[1]) }
        guard !entries.isEmpty else { throw CorpusError("\(path) holds no labels") }
        let dpis = [150, 200, 300]
        for dpi in dpis { try FileManager.default.createDirectory(atPath: "\(dir)/\(dpi)", withIntermediateDirectories: true) }
        var rng = Generator(seed: 20_261_203)
        struct Job {
            var file: String, number: String, name: String, sheet: String, index: Int
            var at: (x: Double, y: Double), degrees: Double, options: ScanOptions
        }
        let perSheet = LabelSheet.Layout().columns * LabelSheet.Layout().rows
        var jobs: [Job] = []
        for (i, entry) in entries.enumerated() {
            let dpi = dpis[i % dpis.count]
            let options = Scans.degraded(dpi: dpi, using: &rng)
            let at = (x: Double.random(in: 40...360, using: &rng), y: Double.random(in: 30...120, using: &rng))
            let degrees = (Double.random(in: -5...5, using: &rng) * 10).rounded() / 10
            jobs.append(Job(file: String(format: "%d/label-%03d.pdf", dpi, i), number: entry.number, name: entry.name,
                            sheet: "\(sheets)-\(i / perSheet + 1).png", index: i, at: at, degrees: degrees, options: options))
        }
        let work = jobs
        let seconds = try Scans.writeAll(count: work.count, into: dir, label: "label scans") { index in
            let job = work[index]
            return (job.file, ScanBuilder.formWithSticker(
                number: nil, name: job.name, layout: .plain, stickerPNG: job.sheet, pngDPI: 300, crop: cell(job.index), at: job.at,
                stickerDegrees: job.degrees, pages: 2, options: job.options))
        }
        var tsv = "file\tnumber\tname\tdpi\tlayout\tdegradations\n"
        for job in jobs {
            let o = job.options
            let parts = [String(format: "skew=%.1f", o.skewDegrees), String(format: "label=%.1f", job.degrees), o.noise ? "noise" : nil,
                         o.blur > 0 ? "blur=\(o.blur)" : nil, o.jpegQuality.map { "jpeg=\($0)" }, o.stamp ? "stamp" : nil].compactMap { $0 }
            tsv += "\(job.file)\t\(job.number)\t\(job.name)\t\(o.dpi)\tlabel\t\(parts.joined(separator: ","))\n"
        }
        try Data(tsv.utf8).write(to: URL(fileURLWithPath: dir + "/manifest.tsv"))
        FileHandle.standardError.write(Data(String(format: "\r%d label scans written to %@ in %.1f s\n", jobs.count, dir, seconds).utf8))
    }
}
