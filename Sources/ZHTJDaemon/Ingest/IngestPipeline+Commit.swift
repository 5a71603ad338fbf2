import Foundation
import ZHTJCore
import ZHTJIngest
import ZHTJRegistry

extension IngestPipeline {
    /// Commits what waits in `batch` (see `IngestBatch`) and delivers each file's result. If the archive or the
    /// database fails, nothing of the batch is recorded and every file stays in the inbox for the next pass.
    func flush(_ batch: IngestBatch, deliver: Deliver) {
        var items = batch.takeAll()
        guard !items.isEmpty else { return }
        // The claims are renewed right before the commit: a file whose lease ran out and was taken by another daemon
        // is left to that daemon (its staged copy is dropped), so no file is recorded twice.
        do {
            let held = try database.claimInboxFiles(items.map(\.claim), daemon: daemonID, now: Date(), lease: claimLease)
            for (item, ok) in zip(items, held) where !ok {
                if let staged = item.staged { archive.discard([staged]) }
                item.log.warning("the claim on this file passed to another daemon before the commit; it is theirs now")
                deliver(item.entry, .success(.claimedElsewhere))
            }
            items = zip(items, held).filter(\.1).map(\.0)
        } catch {
            archive.discard(items.compactMap(\.staged))
            for item in items { deliver(item.entry, .failure(error)) }
            return
        }
        let staged = items.compactMap(\.staged)
        let outcomes: [Swift.Result<(id: Int64, version: Int?), ZHTJError>]
        do {
            try archive.publish(staged)
            outcomes = try database.recordUploads(items.map(\.upload), now: clock.now())
        } catch {
            archive.discard(staged)
            for item in items { deliver(item.entry, .failure(error)) }
            return
        }
        FaultInjection.point("ingest.committed")
        for (item, outcome) in zip(items, outcomes) {
            deliver(item.entry, Swift.Result { try afterCommit(item, outcome) })
        }
    }

    func afterCommit(_ item: Item, _ outcome: Swift.Result<(id: Int64, version: Int?), ZHTJError>) throws -> Result {
        let log = item.log
        switch outcome {
        case .failure:
            // A decision landed between the pipeline's check and this commit (R-E12).
            var upload = item.upload
            upload.sha256 = nil
            return try refuse(item.entry, path: item.path, refusal: .changeRequired, upload: upload, checks: item.checks, now: item.now, log: log)
        case .success(let (id, version)):
            removeFromInbox(item.path)
            FaultInjection.point("ingest.removed")
            switch item.upload.state {
            case .duplicate:
                log.info("duplicate of an archived document; no second copy kept", metadata: ["zhtj.upload": "\(id)", "zhtj.sha256": "\(item.upload.sha256 ?? "")"])
                return .duplicate(uploadID: id)
            default:
                if let version, let member = item.upload.memberID {
                    log.notice("archived", metadata: ["zhtj.upload": "\(id)", "zhtj.member": "\(member)", "zhtj.version": "\(version)", "zhtj.pages": "\(item.pages)"])
                    return .archived(uploadID: id, memberID: member, version: version)
                }
                log.notice("archived, unmatched", metadata: ["zhtj.upload": "\(id)", "zhtj.reason": "\(item.checks["match"] ?? "")"])
                return .unmatched(uploadID: id)
            }
        }
    }
}
