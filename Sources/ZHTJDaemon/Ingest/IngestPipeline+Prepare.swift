import Foundation
import ZHTJFiles
import ZHTJCore
import ZHTJIngest
import ZHTJRegistry

extension IngestPipeline {
    /// The first half of one file: everything that only reads — the entry's identity, whether an earlier run already
    /// recorded it, its folder's org, the checks (safe open, size, libmagic, the parser child) and the SHA-256.
    /// It writes nothing, so it may run for the next file while `finish` writes the previous one.
    struct Prepared: @unchecked Sendable {
        var entry: Entry
        var path: RawPath
        var display: String
        var now: Date
        /// nil: the entry is gone.
        var identity: (device: UInt64, inode: UInt64, modified: Int64, size: Int)?
        /// The upload an earlier run committed for this very entry, if any (then only the inbox step is left).
        var recorded: (id: Int64, state: UploadState, refusedPath: [UInt8]?)?
        var folderOrg: (id: Int64, path: String)?
        /// nil: not inspected (recorded already, or a folder of no org).
        var inspection: Inspector.Outcome?
        var sha256: String?
        /// Another daemon holds the file's claim: this one leaves it alone.
        var claimedElsewhere = false
    }

    func prepare(_ entry: Entry) throws -> Prepared {
        let path = path(of: entry)
        var prepared = Prepared(entry: entry, path: path, display: InboxNames.display(entry.name), now: clock.now())
        guard let identity = SafeFile.identity(path) else { return prepared }
        prepared.identity = identity
        // Claimed before anything is read (several daemons on one inbox; granted at once on SQLite). Leases run on
        // the wall clock, never on the test clock.
        let claim = InboxClaim(folder: entry.folder, name: entry.name, inode: identity.inode, modified: identity.modified)
        guard try database.claimInboxFiles([claim], daemon: daemonID, now: Date(), lease: claimLease) == [true] else {
            prepared.claimedElsewhere = true
            return prepared
        }
        // Looked up once, here: only `finish` records uploads, and never one for an entry it has not been handed yet.
        prepared.recorded = try database.committedUpload(
            folder: entry.folder, name: entry.name, inode: identity.inode, modified: identity.modified, size: identity.size)
        if prepared.recorded != nil { return prepared }  // `finish` completes the inbox step
        prepared.folderOrg = try folderOrg(entry.folder)
        if !entry.folder.isEmpty, prepared.folderOrg == nil { return prepared }
        let inspection = inspector.inspect(path)
        FaultInjection.point("ingest.inspected")
        if case .accepted(let file, _, _) = inspection {
            prepared.sha256 = ContentArchive.sha256(file.bytes)
        }
        prepared.inspection = inspection
        return prepared
    }

    /// Several files, each prepared (read, checked, parsed, hashed) on a second thread while the one before it is
    /// written: the parser child and the hashing overlap the archive writes. Accepted files are committed in groups
    /// (`IngestBatch`). At most two files' bytes are held in memory. `each` gets every file's result once (files that
    /// wait in a batch get theirs when it is committed).
    func process(_ entries: [Entry], each deliver: (Entry, Swift.Result<Result, Error>) -> Void) {
        guard !entries.isEmpty else { return }
        // A file's claim is given up once its result is in (it left the inbox, or stays for a later pass).
        func each(_ entry: Entry, _ result: Swift.Result<Result, Error>) {
            deliver(entry, result)
            if case .success(.claimedElsewhere) = result { return }
            do {
                try self.database.releaseInboxClaim(folder: entry.folder, name: entry.name, daemon: self.daemonID)
            } catch {
                self.logger.warning("could not release an inbox claim; it expires with its lease", metadata: ["zhtj.error": "\(error)"])
            }
        }
        let ahead = DispatchQueue(label: "zhtj.ingest.prepare")
        func start(_ entry: Entry) -> PreparedSlot {
            let slot = PreparedSlot()
            ahead.async { slot.fill(Swift.Result { try self.prepare(entry) }) }
            return slot
        }
        let batch = IngestBatch()
        var next = start(entries[0])
        for index in entries.indices {
            let current = next.take()
            if index + 1 < entries.count { next = start(entries[index + 1]) }
            let outcome = current.flatMap { prepared in Swift.Result { try finish(prepared, batch: batch, deliver: each) } }
            switch outcome {
            case .success(.some(let result)): each(entries[index], .success(result))
            case .success(.none): break  // waits in the batch
            case .failure(let error): each(entries[index], .failure(error))
            }
        }
        flush(batch, deliver: each)
    }
}

/// One prepared file handed from the preparing thread to the writing one.
final class PreparedSlot: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private var value: Swift.Result<IngestPipeline.Prepared, Error>?

    func fill(_ result: Swift.Result<IngestPipeline.Prepared, Error>) {
        value = result
        ready.signal()
    }

    func take() -> Swift.Result<IngestPipeline.Prepared, Error> {
        ready.wait()
        return value!
    }
}
