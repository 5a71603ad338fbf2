import Foundation
import ZHTJFiles
import ZHTJIngest

/// Lists what waits in the inbox: files in the inbox root and in each org folder (`0042-…`).
/// Hidden and temporary names wait; a directory inside an org folder is an entry too (it is refused).
struct InboxScanner {
    let inbox: String

    /// The org folders directly under `inbox/`.
    func folders() -> [String] {
        (RawPath(inbox).entries() ?? []).compactMap { name in
            guard let text = String(validating: name, as: UTF8.self), InboxNames.orgID(folder: text) != nil else { return nil }
            var info = stat()
            guard RawPath(inbox).appending(name).withCString({ lstat($0, &info) }) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
            return text
        }.sorted()
    }

    /// Every entry waiting now.
    func entries() -> [IngestPipeline.Entry] {
        var out: [IngestPipeline.Entry] = []
        for name in RawPath(inbox).entries() ?? [] where !InboxNames.isPending(name) {
            var info = stat()
            guard RawPath(inbox).appending(name).withCString({ lstat($0, &info) }) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR { continue }  // org folders, or folders of nobody's
            out.append(.init(folder: "", name: name))
        }
        for folder in folders() {
            out += entries(in: folder)
        }
        return out
    }

    func entries(in folder: String) -> [IngestPipeline.Entry] {
        (RawPath(inbox + "/" + folder).entries() ?? []).filter { !InboxNames.isPending($0) }.map { .init(folder: folder, name: $0) }
    }
}
