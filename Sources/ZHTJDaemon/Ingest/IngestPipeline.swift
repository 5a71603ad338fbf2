import Foundation
import Logging
import ZHTJCore
import ZHTJIngest
import ZHTJStorage

#if canImport(Glibc)
    import Glibc
#endif

/// Takes one inbox file through the checks, the number, the match and the archive. Nothing is lost: a file leaves the
/// inbox only after the database commit (archived, unmatched or duplicate) or by a move into `refused/` with its reason.
/// Used by one task at a time (the watcher's loop, or `--once`): libmagic's cookie is not thread-safe.
public final class IngestPipeline: @unchecked Sendable {
    let database: AppDatabase
    let layout: StorageLayout
    let inspector: Inspector
    let archive: ContentArchive
    let refused: RefusedFolder
    let clock: DaemonClock
    let logger: Logger

    public init(database: AppDatabase, layout: StorageLayout, settings: DaemonSettings, clock: DaemonClock, logger: Logger) throws {
        self.database = database
        self.layout = layout
        self.inspector = try Inspector(
            runner: PDFProbeRunner(
                executable: PDFProbeRunner.selfExecutable, memoryMB: settings.parserMemoryMB, cpuSeconds: settings.parserCPUSeconds,
                wallSeconds: Double(settings.parserTimeoutSeconds)))
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

    public enum Result: Equatable, Sendable {
        case vanished
        case archived(uploadID: Int64, memberID: Int64, version: Int)
        case unmatched(uploadID: Int64)
        case duplicate(uploadID: Int64)
        case refused(uploadID: Int64, IngestRefusal)
        case alreadyRecorded(uploadID: Int64)
    }

    func path(of entry: Entry) -> RawPath {
        (entry.folder.isEmpty ? RawPath(layout.inbox) : RawPath(layout.inbox + "/" + entry.folder)).appending(entry.name)
    }

    @discardableResult
    public func process(_ entry: Entry) throws -> Result {
        try finish(prepare(entry))
    }

    /// The second half of one file: everything that writes (the archive, the database, the inbox, `refused/`).
    /// Runs on one thread at a time, in the order the files were prepared.
    func finish(_ prepared: Prepared) throws -> Result {
        let entry = prepared.entry, path = prepared.path
        var log = logger
        log[metadataKey: "zhtj.file"] = "\(entry.folder.isEmpty ? "" : entry.folder + "/")\(prepared.display)"
        guard let identity = prepared.identity else { return .vanished }
        // A commit for this very entry means an earlier run stopped before the inbox step: finish that step only.
        if let done = try database.committedUpload(
            folder: entry.folder, name: entry.name, inode: identity.inode, modified: identity.modified, size: identity.size)
        {
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
        var upload = AppDatabase.NewUpload(state: .unmatched, originalName: entry.name, displayName: display, folder: entry.folder, checks: "")
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
            let number = NumberFinder.find(pageText: probe.page1Text, fileName: display, metadata: probe.metadata, currentYear: CivilDate(now).year)
            upload.sha256 = sha
            upload.size = file.size
            upload.pages = probe.pages
            switch number {
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
            if try database.hasDocument(sha) {
                upload.state = .duplicate
                upload.checks = Self.json(checks)
                let (id, _) = try database.recordUpload(upload, now: now)
                removeFromInbox(path)
                log.info("duplicate of an archived document; no second copy kept", metadata: ["zhtj.upload": "\(id)", "zhtj.sha256": "\(sha)"])
                return .duplicate(uploadID: id)
            }
            // The member the number names, if they are in this folder's subtree (a root drop: anywhere).
            let matched = try upload.developmentNumber.flatMap { try database.member(developmentNumber: $0) }.flatMap { member in
                entry.folder.isEmpty || folderOrg.map({ member.branchPath.hasPrefix($0.path) }) == true ? member : nil
            }
            // R-E12: a member whose latest version is pending or approved needs an approved change request first.
            if let member = matched, try database.dropDecision(memberID: member.id) == .refuse {
                upload.sha256 = nil
                checks["match"] = "member:\(member.id)"
                return try refuse(entry, path: path, refusal: .changeRequired, upload: upload, checks: checks, now: now, log: log)
            }
            try archive.store(file.bytes, sha256: sha)
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
                checks["match"] = upload.developmentNumber == nil ? "no number" : "no member with this number in this folder's orgs"
                if upload.orgID == nil { upload.orgID = try database.rootOrg()?.id }
            }
            upload.checks = Self.json(checks)
            let id: Int64, version: Int?
            do {
                (id, version) = try database.recordUpload(upload, now: now)
            } catch ZHTJError.changeRequired {
                // A decision landed between the check above and this commit.
                upload.sha256 = nil
                return try refuse(entry, path: path, refusal: .changeRequired, upload: upload, checks: checks, now: now, log: log)
            }
            FaultInjection.point("ingest.committed")
            removeFromInbox(path)
            FaultInjection.point("ingest.removed")
            if let version, let member = upload.memberID {
                log.notice("archived", metadata: ["zhtj.upload": "\(id)", "zhtj.member": "\(member)", "zhtj.version": "\(version)", "zhtj.pages": "\(probe.pages)"])
                return .archived(uploadID: id, memberID: member, version: version)
            }
            log.notice("archived, unmatched", metadata: ["zhtj.upload": "\(id)", "zhtj.reason": "\(checks["match"] ?? "")"])
            return .unmatched(uploadID: id)
        }
    }

    /// Records the refusal with the place it will go, then writes the reason note and moves the file there.
    private func refuse(
        _ entry: Entry, path: RawPath, refusal: IngestRefusal, upload base: AppDatabase.NewUpload, checks: [String: String], now: Date, log: Logger
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
    private func removeFromInbox(_ path: RawPath) {
        _ = path.withCString { unlink($0) }
    }

    static func json(_ checks: [String: String]) -> String {
        FlatJSON.object(checks)
    }
}
