import Foundation
import ZHTJFiles
import Logging
import ZHTJBackup
import ZHTJCore
import ZHTJIngest
import ZHTJRegistry

#if canImport(Glibc)
    import Glibc
#endif

/// Takes one inbox file through the checks, the number, the match and the archive. Nothing is lost: a file leaves the
/// inbox only after the database commit (archived, unmatched or duplicate) or by a move into `refused/` with its reason.
/// Used by one task at a time (the watcher's loop, or `--once`): libmagic's cookie is not thread-safe.
public final class IngestPipeline: @unchecked Sendable {
    let database: any Registry
    let layout: StorageLayout
    let inspector: Inspector
    let archive: ContentArchive
    let refused: RefusedFolder
    let clock: DaemonClock
    let logger: Logger
    /// `ocr.minConfidence` and `ocr.nameMinConfidence`.
    let ocrMinConfidence: Int
    let ocrNameMinConfidence: Int
    /// This daemon's name in inbox claims (several daemons on one inbox), and how long a claim lasts.
    let daemonID: String
    let claimLease: TimeInterval

    public init(
        database: any Registry, layout: StorageLayout, settings: DaemonSettings, clock: DaemonClock, logger: Logger,
        daemonID: String
    ) throws {
        self.database = database
        self.daemonID = daemonID
        self.claimLease = TimeInterval(settings.claimLeaseSeconds)
        self.layout = layout
        self.inspector = try Inspector(
            runner: PDFProbeRunner(
                executable: PDFProbeRunner.selfExecutable, memoryMB: settings.parserMemoryMB, cpuSeconds: settings.parserCPUSeconds,
                wallSeconds: Double(settings.parserTimeoutSeconds), ocr: settings.ocrEnabled,
                ocrSeconds: settings.ocrSeconds))
        self.ocrMinConfidence = settings.ocrMinConfidence
        self.ocrNameMinConfidence = settings.ocrNameMinConfidence
        self.archive = ContentArchive(root: layout.archive)
        self.refused = RefusedFolder(root: layout.refused)
        self.clock = clock
        self.logger = logger
    }

    /// One inbox file: its folder under `inbox/` ("" for the inbox root) and its raw name.
    public struct Entry: Hashable, Sendable {
        public var folder: String
        public var name: [UInt8]
        public init(folder: String, name: [UInt8]) {
            self.folder = folder
            self.name = name
        }
    }

    typealias Item = IngestBatch.Item

    public enum Result: Equatable, Sendable {
        case vanished
        case archived(uploadID: Int64, memberID: Int64, version: Int)
        case unmatched(uploadID: Int64)
        case duplicate(uploadID: Int64)
        case refused(uploadID: Int64, IngestRefusal)
        case alreadyRecorded(uploadID: Int64)
        /// Another daemon holds the file's claim (several daemons on one inbox): it stays for that daemon.
        case claimedElsewhere
    }

    func path(of entry: Entry) -> RawPath {
        (entry.folder.isEmpty ? RawPath(layout.inbox) : RawPath(layout.inbox + "/" + entry.folder)).appending(entry.name)
    }

    @discardableResult
    public func process(_ entry: Entry) throws -> Result {
        var outcome: Swift.Result<Result, Error>?
        process([entry]) { _, result in outcome = result }
        return try outcome!.get()
    }

    typealias Deliver = (Entry, Swift.Result<Result, Error>) -> Void

    /// The second half of one file: everything that writes (the archive, the database, the inbox, `refused/`).
    /// Runs on one thread at a time, in the order the files were prepared. Returns nil when the file joined `batch`
    /// (its result is delivered when the batch is committed).
    func finish(_ prepared: Prepared, batch: IngestBatch, deliver: Deliver) throws -> Result? {
        let entry = prepared.entry, path = prepared.path
        var log = logger
        log[metadataKey: "zhtj.file"] = "\(entry.folder.isEmpty ? "" : entry.folder + "/")\(prepared.display)"
        guard let identity = prepared.identity else { return .vanished }
        if prepared.claimedElsewhere { return .claimedElsewhere }
        // A commit for this very entry means an earlier run stopped before the inbox step: finish that step only.
        if let done = prepared.recorded {
            if done.state == .refused, let target = done.refusedPath {
                try refused.move(path, to: RawPath(target), reason: (try database.upload(id: done.id))?.reason ?? "")
            } else {
                removeFromInbox(path)
            }
            log.notice("already recorded; finished moving it out of the inbox", metadata: ["zhtj.upload": "\(done.id)"])
            return .alreadyRecorded(uploadID: done.id)
        }
        let now = prepared.now
        let folderOrg = prepared.folderOrg
        guard let inspection = prepared.inspection else {
            log.warning("this folder belongs to no org: the file is left where it is; move it into its org's folder")
            return .vanished
        }
        let display = prepared.display
        var upload = NewUpload(state: .unmatched, originalName: entry.name, displayName: display, folder: entry.folder, checks: "")
        upload.device = identity.device
        upload.inode = identity.inode
        upload.modified = identity.modified
        upload.orgID = folderOrg?.id
        var checks: [String: String] = [:]
        switch inspection {
        case .vanished:
            return .vanished
        case .refused(let refusal, let file):
            checks["result"] = refusal.code
            upload.size = file?.size
            return try refuse(entry, path: path, refusal: refusal, upload: upload, checks: checks, now: now, log: log)
        case .accepted(let file, let probe, let mime):
            checks = ["open": "ok", "size": String(file.size), "type": mime, "header": "%PDF-", "parse": "ok", "pages": String(probe.pages)]
            let sha = prepared.sha256 ?? ContentArchive.sha256(file.bytes)
            let finding = NumberFinder.find(
                pageText: probe.page1Text, scan: probe.scan, fileName: display, metadata: probe.metadata, currentYear: CivilDate(now).year,
                minConfidence: ocrMinConfidence, nameMinConfidence: ocrNameMinConfidence)
            upload.sha256 = sha
            upload.size = file.size
            upload.pages = probe.pages
            if let scan = probe.scan { Self.note(scan, finding: finding, in: &checks) }
            switch finding.outcome {
            case .mismatch(let numbers, let detail):
                checks["number"] = "mismatch"
                upload.sha256 = nil
                return try refuse(entry, path: path, refusal: .numberMismatch(numbers, detail: detail), upload: upload, checks: checks, now: now, log: log)
            case .found(let value, let source):
                upload.developmentNumber = value
                upload.numberSource = source.rawValue
                checks["number"] = value
                checks["numberSource"] = source.rawValue
            case .none:
                checks["number"] = "none"
            }
            if batch.holds(sha256: sha) { flush(batch, deliver: deliver) }
            if try database.hasDocument(sha) {
                upload.state = .duplicate
                upload.checks = Self.json(checks)
                batch.add(.init(entry: entry, path: path, upload: upload, staged: nil, checks: checks, pages: probe.pages, now: now, log: log))
                if batch.isFull { flush(batch, deliver: deliver) }
                return nil
            }
            // The member the number names, if they are in this folder's subtree (a root drop: anywhere).
            var matched = try upload.developmentNumber.flatMap { try database.member(developmentNumber: $0) }.flatMap { member in
                entry.folder.isEmpty || folderOrg.map({ member.branchPath.hasPrefix($0.path) }) == true ? member : nil
            }
            // A number read by OCR names a member only together with the name on the page, where OCR read one:
            // classmates have neighbouring numbers, and one misread digit can name a real member.
            var disagreement: String?
            if let member = matched, upload.numberSource == NumberFinder.Source.ocr.rawValue, let read = finding.name, !read.reads(member.name) {
                disagreement = "编号与姓名不符：第1页姓名为“\(read.text)”，该编号的团员为“\(member.name)” / number and name disagree: page 1 names \(read.text), the number belongs to \(member.name)"
                matched = nil
            }
            if matched == nil, upload.numberSource == NumberFinder.Source.ocr.rawValue, let number = upload.developmentNumber {
                // Not used: kept as the suggestion for `zhtj unmatched`, not as the upload's number.
                checks["suggestion"] = number
                upload.developmentNumber = nil
                upload.numberSource = nil
            }
            if let member = matched, batch.holds(member: member.id) { flush(batch, deliver: deliver) }
            // R-E12: a member whose latest version is pending or approved needs an approved change request first.
            if let member = matched, try database.dropDecision(memberID: member.id) == .refuse {
                upload.sha256 = nil
                checks["match"] = "member:\(member.id)"
                return try refuse(entry, path: path, refusal: .changeRequired, upload: upload, checks: checks, now: now, log: log)
            }
            let staged = try archive.stage(file.bytes, sha256: sha)
            FaultInjection.point("ingest.archived")
            if let member = matched {
                upload.state = .archived
                upload.memberID = member.id
                upload.uploaderOrgID = folderOrg?.id ?? member.branchID
                upload.orgID = folderOrg?.id ?? member.branchID
                // R-E1: a member who joined before 2020 needs no e-archive; the file is kept all the same.
                upload.required = member.joinYear >= MembershipRules.eArchiveFromYear
                checks["match"] = "member:\(member.id)"
            } else {
                checks["match"] = disagreement ?? (checks["suggestion"] != nil ? "OCR的编号不是本目录下团员的编号 / the number OCR read names no member in this folder's orgs"
                    : upload.developmentNumber == nil ? "no number" : "no member with this number in this folder's orgs")
                if upload.orgID == nil { upload.orgID = try database.rootOrg()?.id }
            }
            upload.checks = Self.json(checks)
            batch.add(.init(entry: entry, path: path, upload: upload, staged: staged, checks: checks, pages: probe.pages, now: now, log: log))
            if batch.isFull { flush(batch, deliver: deliver) }
            return nil
        }
    }

    /// Records the refusal with the place it will go, then writes the reason note and moves the file there.
    func refuse(
        _ entry: Entry, path: RawPath, refusal: IngestRefusal, upload base: NewUpload, checks: [String: String], now: Date, log: Logger
    ) throws -> Result {
        let note = """
            \(refusal)
            文件 file: \(InboxNames.display(entry.name))
            时间 time: \(UTCStamp.string(now))
            处理 what to do: 改正后放回收件目录，或由管理员运行 zhtj retry / fix it and drop it again, or an admin runs `zhtj retry`.
            """
        let target = refused.plan(name: entry.name, folder: entry.folder)
        var upload = base
        upload.state = .refused
        upload.checks = Self.json(checks)
        if upload.orgID == nil { upload.orgID = try database.rootOrg()?.id }
        upload.reasonCode = refusal.code
        upload.reason = refusal.description
        upload.refusedPath = target.bytes
        let (id, _) = try database.recordUpload(upload, now: now)
        FaultInjection.point("refuse.committed")
        try refused.move(path, to: target, reason: note)
        FaultInjection.point("refuse.moved")
        log.notice("refused", metadata: ["zhtj.upload": "\(id)", "zhtj.reason": "\(refusal.code)"])
        return .refused(uploadID: id, refusal)
    }

    func folderOrg(_ folder: String) throws -> (id: Int64, path: String)? {
        guard let id = InboxNames.orgID(folder: folder), let org = try database.orgPathAndCategory(id) else { return nil }
        return (id, org.path)
    }

    /// No directory fsync after the unlink: if a crash loses it, the file is back in the inbox, and the next pass finds
    /// its committed record and only removes it again (`alreadyRecorded`). One fsync less per file (issue 7).
    func removeFromInbox(_ path: RawPath) {
        _ = path.withCString { unlink($0) }
    }

    /// What the page's image gave, in the upload's checks: where the image came from, how long reading took, the
    /// codes and OCR confidence, a cover sheet, the name read, and an unsure reading as a suggestion.
    static func note(_ scan: ScanReading, finding: NumberFinder.Finding, in checks: inout [String: String]) {
        checks["scan"] = "\(scan.image) \(scan.dpi) dpi, \(scan.milliseconds) ms" + (scan.turns != 0 ? ", turned \(scan.turns * 90)°" : "")
        if !scan.codes.isEmpty { checks["codes"] = scan.codes.map { "\($0.kind.rawValue):\($0.text)" }.joined(separator: "; ") }
        if scan.hasCoverSheet { checks["cover"] = "yes" }
        if let confidence = finding.confidence { checks["numberConfidence"] = String(confidence) }
        if let suggestion = finding.suggestion { checks["suggestion"] = suggestion }
        if let name = scan.name { checks["ocrName"] = "\(name.text) (\(name.lowestConfidence)%)" }
        if let field = scan.numbers.first { checks["ocrNumber"] = "\(field.text) (\(field.lowestConfidence)%)" }
    }

    static func json(_ checks: [String: String]) -> String {
        FlatJSON.object(checks)
    }
}
