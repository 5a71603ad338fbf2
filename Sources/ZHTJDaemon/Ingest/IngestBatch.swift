import Foundation
import ZHTJFiles
import Logging
import ZHTJIngest
import ZHTJRegistry

/// Group commit (issue 7): files that passed every check wait here, their bytes staged in `archive/tmp`, until one
/// `syncfs` makes them all durable, they are renamed into place (a second `syncfs`), and one transaction records them
/// all. Only then do they leave the inbox, so a crash anywhere loses nothing: an uncommitted file is still in the
/// inbox and is simply processed again. Refusals are not batched (they are rare and move files).
final class IngestBatch {
    struct Item {
        var entry: IngestPipeline.Entry
        var path: RawPath
        var upload: NewUpload
        var staged: ContentArchive.Staged?
        var checks: [String: String]
        var pages: Int
        var now: Date
        var log: Logger

        /// The inbox claim this file was taken under (renewed before the commit).
        var claim: InboxClaim {
            InboxClaim(folder: entry.folder, name: entry.name, inode: upload.inode ?? 0, modified: upload.modified ?? 0)
        }
    }

    /// At most this many files or bytes wait for one commit.
    static let maxFiles = 64
    static let maxBytes = 64 << 20

    private(set) var items: [Item] = []
    private var hashes: Set<String> = []
    private var members: Set<Int64> = []
    private var bytes = 0

    var isEmpty: Bool { items.isEmpty }
    var isFull: Bool { items.count >= Self.maxFiles || bytes >= Self.maxBytes }

    /// A file whose bytes or member are already waiting must see that one committed first (a duplicate, or R-E12).
    func holds(sha256: String) -> Bool { hashes.contains(sha256) }
    func holds(member: Int64) -> Bool { members.contains(member) }

    func add(_ item: Item) {
        items.append(item)
        if let sha = item.upload.sha256 { hashes.insert(sha) }
        if let member = item.upload.memberID { members.insert(member) }
        bytes += item.upload.size ?? 0
    }

    func takeAll() -> [Item] {
        defer {
            items = []
            hashes = []
            members = []
            bytes = 0
        }
        return items
    }
}
