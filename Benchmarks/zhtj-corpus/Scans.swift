import Foundation
import ZHTJTestSupport

// The OCR corpus modes of zhtj-corpus:
//   zhtj-corpus --samples DIR                               one sample per layout and DPI, plus degraded ones
//   zhtj-corpus --scans DIR [COUNT_PER_DPI=40] [--branch NAME]
//       COUNT scans per DPI (150, 200, 300) with seeded degradations, DIR/<dpi>/scan-<i>.pdf,
//       DIR/manifest.tsv (file, number, name, dpi, layout, degradations) and DIR/members.csv to import.
enum Scans {
    static let usage = """
        usage: zhtj-corpus --samples DIR
               zhtj-corpus --scans DIR [COUNT_PER_DPI=40] [--branch NAME]
               zhtj-corpus --label-scans DIR SHEETS ENTRIES

        """

    /// Runs the mode named by `arguments[1]`; returns the exit status.
    static func run(_ arguments: [String]) -> Int32 {
        var args = Array(arguments.dropFirst())
        var branch = "计算机专业2023级3班团支部"
        if let i = args.firstIndex(of: "--branch") {
            guard i + 1 < args.count, !args[i + 1].isEmpty else { return fail("--branch needs a name") }
            branch = args[i + 1]
            args.removeSubrange(i...(i + 1))
        }
        guard args.count >= 2 else { return fail(nil) }
        do {
            switch args[0] {
            case "--samples" where args.count == 2:
                try samples(dir: args[1])
            case "--scans" where args.count <= 3:
                guard let count = args.count == 3 ? Int(args[2]) : 40, (1...30_000).contains(count) else {
                    return fail("COUNT_PER_DPI must be 1...30000")
                }
                try scans(dir: args[1], countPerDPI: count, branch: branch)
            default:
                return fail(nil)
            }
        } catch {
            return fail("\(error)")
        }
        return 0
    }

    private static func fail(_ message: String?) -> Int32 {
        FileHandle.standardError.write(Data(((message.map { "zhtj-corpus: \($0)\n" } ?? "") + usage).utf8))
        return 2
    }

    /// One scan to write.
    struct Job {
        var file: String
        var number: String?
        var name: String
        var layout: NumberLayout
        var pages: Int
        var options: ScanOptions

        var degradations: String {
            var parts: [String] = []
            if options.skewDegrees != 0 { parts.append(String(format: "skew=%.1f", options.skewDegrees)) }
            if options.noise { parts.append("noise") }
            if options.blur > 0 { parts.append("blur=\(options.blur)") }
            if let q = options.jpegQuality { parts.append("jpeg=\(q)") }
            if options.stamp { parts.append("stamp") }
            if options.quarterTurns != 0 { parts.append("turns=\(options.quarterTurns)") }
            return parts.isEmpty ? "none" : parts.joined(separator: ",")
        }
    }

    // MARK: - Samples

    static func samples(dir: String) throws {
        var jobs: [Job] = []
        let names = ["张伟", "王芳", "李娜", "刘洋", "陈静"]
        for (l, layout) in NumberLayout.allCases.enumerated() {
            let number = "2023440101\(20 + l)"
            for dpi in [150, 200, 300] {
                jobs.append(Job(file: "\(layout.rawValue)-\(dpi).pdf", number: number, name: names[l], layout: layout,
                                pages: 2, options: ScanOptions(dpi: dpi, seed: UInt64(dpi + l))))
            }
            for dpi in [150, 300] {
                let options = ScanOptions(dpi: dpi, skewDegrees: 2.5, noise: true, blur: 1, jpegQuality: 60, stamp: true,
                                          seed: UInt64(dpi * 7 + l))
                jobs.append(Job(file: "\(layout.rawValue)-\(dpi)-degraded.pdf", number: number, name: names[l],
                                layout: layout, pages: 2, options: options))
            }
        }
        let singles: [(String, NumberLayout, ScanOptions)] = [
            ("plain-200-sideways.pdf", .plain, ScanOptions(dpi: 200, quarterTurns: 1, jpegQuality: 60, seed: 31)),
            ("boxed-200-upsidedown.pdf", .boxed, ScanOptions(dpi: 200, quarterTurns: 2, noise: true, seed: 32)),
            ("grouped-300-stamp.pdf", .grouped, ScanOptions(dpi: 300, stamp: true, seed: 33)),
            ("underlined-200-jpeg.pdf", .underlined, ScanOptions(dpi: 200, jpegQuality: 60, seed: 34)),
            ("cover-300-skew.pdf", .cover, ScanOptions(dpi: 300, skewDegrees: -2.5, seed: 35)),
            ("plain-150-blur.pdf", .plain, ScanOptions(dpi: 150, blur: 1, seed: 36)),
            ("underlined-300-noise.pdf", .underlined, ScanOptions(dpi: 300, noise: true, seed: 37)),
        ]
        for (file, layout, options) in singles {
            jobs.append(Job(file: file, number: "202344010199", name: "黄丽", layout: layout, pages: 2, options: options))
        }
        jobs.append(Job(file: "plain-300-nonumber.pdf", number: nil, name: "周杰", layout: .plain, pages: 1,
                        options: ScanOptions(dpi: 300, seed: 38)))
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let seconds = try write(jobs, into: dir, label: "samples")
        try writeManifest(jobs, dir: dir)
        FileHandle.standardError.write(Data("\r\(jobs.count) samples written to \(dir) in \(String(format: "%.1f", seconds)) s\n".utf8))
    }

    // MARK: - Scans

    static func scans(dir: String, countPerDPI: Int, branch: String) throws {
        var rng = Generator(seed: 20_240_504)
        let dpis = [150, 200, 300]
        let total = dpis.count * countPerDPI
        guard total <= 90_000 else { throw CorpusError("at most 30000 scans per DPI (5-digit serials)") }
        var numbers = Set<String>(), names = Set<String>()
        var jobs: [Job] = [], members: [Member] = []
        for (d, dpi) in dpis.enumerated() {
            try FileManager.default.createDirectory(atPath: "\(dir)/\(dpi)", withIntermediateDirectories: true)
            for i in 0..<countPerDPI {
                var number: String
                repeat { number = String(format: "2023440%05d", Int.random(in: 0...99_999, using: &rng)) } while !numbers.insert(number).inserted
                var name: String
                repeat { name = ChineseNames.random(using: &rng) } while !names.insert(name).inserted
                let index = d * countPerDPI + i
                let layout = NumberLayout.allCases[index % NumberLayout.allCases.count]
                var options = degraded(dpi: dpi, using: &rng)
                options.quarterTurns = Int.random(in: 0..<10, using: &rng) == 0 ? Int.random(in: 1...3, using: &rng) : 0
                let pages = Int.random(in: 1...3, using: &rng)
                jobs.append(Job(file: String(format: "%d/scan-%03d.pdf", dpi, i), number: number, name: name,
                                layout: layout, pages: pages, options: options))
                members.append(Member.random(name: name, number: number, using: &rng))
            }
        }
        if jobs.contains(where: { $0.options.jpegQuality != nil }), !ScanBuilder.canWriteJPEG {
            throw CorpusError("cjpeg is missing: apt-get install -y libjpeg-turbo-progs")
        }
        let seconds = try write(jobs, into: dir, label: "scans")
        try writeManifest(jobs, dir: dir)
        let csv = Member.header + "\n" + members.map { $0.csvRow(branch: branch) }.joined(separator: "\n") + "\n"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: dir + "/members.csv"))
        let message = String(format: "\r%d scans written to %@ in %.1f s (manifest.tsv, members.csv)\n", total, dir, seconds)
        FileHandle.standardError.write(Data(message.utf8))
    }

    /// A scan's seeded degradations: skew within ±3°, noise on half, blur 0 or 1, JPEG 50–85 on four in five, a
    /// seal on one in three.
    static func degraded(dpi: Int, using rng: inout Generator) -> ScanOptions {
        var options = ScanOptions(dpi: dpi, seed: rng.next())
        options.skewDegrees = (Double.random(in: -3...3, using: &rng) * 10).rounded() / 10
        options.noise = Bool.random(using: &rng)
        options.blur = Int.random(in: 0...1, using: &rng)
        options.jpegQuality = Int.random(in: 0..<5, using: &rng) == 0 ? nil : Int.random(in: 50...85, using: &rng)
        options.stamp = Int.random(in: 0..<3, using: &rng) == 0
        return options
    }

    // MARK: - Writing

    /// Writes the jobs on every core; returns the elapsed seconds.
    private static func write(_ jobs: [Job], into dir: String, label: String) throws -> Double {
        try writeAll(count: jobs.count, into: dir, label: label) { index in
            let job = jobs[index]
            return (job.file, ScanBuilder.form(number: job.number, name: job.name, layout: job.layout, pages: job.pages, options: job.options))
        }
    }

    /// Makes `count` files on every core, `make(i)` giving each one's path under `dir` and its bytes (empty: cairo
    /// failed); returns the elapsed seconds.
    static func writeAll(count: Int, into dir: String, label: String, make: @Sendable (Int) -> (file: String, bytes: [UInt8])) throws -> Double {
        let start = Date()
        let state = Progress(total: count, label: label)
        DispatchQueue.concurrentPerform(iterations: ProcessInfo.processInfo.activeProcessorCount) { _ in
            while let index = state.take() {
                let (file, bytes) = make(index)
                do {
                    guard !bytes.isEmpty else { throw CorpusError("could not render \(file)") }
                    try Data(bytes).write(to: URL(fileURLWithPath: dir + "/" + file))
                    state.done()
                } catch {
                    state.fail("\(error)")
                }
            }
        }
        if let error = state.error { throw CorpusError(error) }
        return Date().timeIntervalSince(start)
    }

    private static func writeManifest(_ jobs: [Job], dir: String) throws {
        var tsv = "file\tnumber\tname\tdpi\tlayout\tdegradations\n"
        for job in jobs {
            tsv += "\(job.file)\t\(job.number ?? "")\t\(job.name)\t\(job.options.dpi)\t\(job.layout.rawValue)\t\(job.degradations)\n"
        }
        try Data(tsv.utf8).write(to: URL(fileURLWithPath: dir + "/manifest.tsv"))
    }
}

struct CorpusError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Hands out job indexes to the worker threads and shows progress on stderr.
final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let label: String
    private var next = 0, finished = 0
    private(set) var error: String?

    init(total: Int, label: String) {
        self.total = total
        self.label = label
    }

    func take() -> Int? {
        lock.withLock {
            guard error == nil, next < total else { return nil }
            next += 1
            return next - 1
        }
    }

    func done() {
        lock.withLock {
            finished += 1
            FileHandle.standardError.write(Data("\r\(label) \(finished)/\(total)".utf8))
        }
    }

    func fail(_ message: String) {
        lock.withLock { if error == nil { error = message } }
    }
}

/// The corpus's seeded generator: the same files on every run.
typealias Generator = SplitMix64

/// Common Chinese names: a frequent surname and one or two frequent given-name characters.
enum ChineseNames {
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程")
    static let given = Array("伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍红鹏辉建国文斌宇浩凯健俊帆欣怡佳雨晨子涵梓轩思博嘉琪")

    static func random(using rng: inout Generator) -> String {
        var name = String(surnames.randomElement(using: &rng)!)
        name.append(given.randomElement(using: &rng)!)
        if Int.random(in: 0..<10, using: &rng) < 7 { name.append(given.randomElement(using: &rng)!) }
        return name
    }
}

/// One row of members.csv, in the columns of Config/members-example.csv (the import template).
struct Member {
    static let header = "姓名,身份证号码,民族,政治面貌,入团年月,所在团支部,是否为团干部,发展团员编号,手机号码"
    /// Districts of Guangdong (the numbers' province code is 44).
    static let regions = ["440103", "440104", "440105", "440106", "440111", "440112", "440113", "440114", "440115",
                          "440303", "440304", "440305", "440306", "440604", "440605", "440606"]

    var name: String
    var idNumber: String
    var ethnicity: String
    var joinMonth: Int
    var isCadre: Bool
    var number: String
    var mobile: String?

    /// A member who joined in 2023, aged at least 13 then, with a valid GB 11643 ID number.
    static func random(name: String, number: String, using rng: inout Generator) -> Member {
        let joinMonth = Int.random(in: 1...12, using: &rng)
        var birthYear = Int.random(in: 2003...2009, using: &rng)
        let birthMonth = Int.random(in: 1...12, using: &rng), birthDay = Int.random(in: 1...28, using: &rng)
        // Age on the 28th of the join month (every month has one), the earliest end of that month.
        let age = 2023 - birthYear - ((joinMonth, 28) < (birthMonth, birthDay) ? 1 : 0)
        if age < 13 { birthYear -= 13 - age }
        let sequence = Int.random(in: 1...499, using: &rng) * 2 - (Bool.random(using: &rng) ? 1 : 0)
        let first17 = regions.randomElement(using: &rng)! + String(format: "%04d%02d%02d%03d", birthYear, birthMonth, birthDay, sequence)
        let mobile = Int.random(in: 0..<5, using: &rng) == 0
            ? nil : String(format: "1%@%09d", ["3", "5", "7", "8", "9"].randomElement(using: &rng)!, Int.random(in: 0...999_999_999, using: &rng))
        return Member(name: name, idNumber: first17 + String(checkCharacter(first17)),
                      ethnicity: ["汉族", "汉族", "汉族", "汉族", "汉族", "壮族", "回族", "满族", "瑶族"].randomElement(using: &rng)!,
                      joinMonth: joinMonth, isCadre: Int.random(in: 0..<10, using: &rng) == 0, number: number, mobile: mobile)
    }

    /// The GB 11643 check character of the first 17 digits.
    static func checkCharacter(_ first17: String) -> Character {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(first17, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return Array("10X98765432")[sum % 11]
    }

    func csvRow(branch: String) -> String {
        let fields = [name, idNumber, ethnicity, "共青团员", String(format: "2023-%02d", joinMonth), branch,
                      isCadre ? "是" : "否", number, mobile ?? ""]
        return fields.map(Self.escaped).joined(separator: ",")
    }

    private static func escaped(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
