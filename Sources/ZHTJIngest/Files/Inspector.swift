import Foundation
import ZHTJFiles
import ZHTJCore

/// Ingest checks 1 to 4 on one inbox entry, in order: the safe open, the size, the content type (libmagic and the
/// `%PDF-` header), and the parse in the child process.
public final class Inspector {
    let magic: MagicCookie
    public let runner: PDFProbeRunner

    public init(runner: PDFProbeRunner) throws {
        self.magic = try MagicCookie()
        self.runner = runner
    }

    public enum Outcome: Sendable {
        /// The entry is gone (renamed or removed while we looked).
        case vanished
        case refused(IngestRefusal, file: SafeFile?)
        case accepted(SafeFile, PDFProbeResult, mime: String)
    }

    public func inspect(_ path: RawPath) -> Outcome {
        let file: SafeFile
        switch SafeFile.read(path) {
        case .success(let f): file = f
        case .failure(.vanished): return .vanished
        case .failure(.symlink): return .refused(.symlink, file: nil)
        case .failure(.notRegular(let kind)): return .refused(.notRegular(kind), file: nil)
        case .failure(.hardLink(let n)): return .refused(.hardLink(n), file: nil)
        case .failure(.empty): return .refused(.empty, file: nil)
        case .failure(.tooLarge(let size)): return .refused(.tooLarge(size), file: nil)
        case .failure(.unreadable(let why)): return .refused(.unsafe(why), file: nil)
        }
        let mime = (try? magic.mimeType(of: Array(file.bytes.prefix(1 << 20)))) ?? "unknown"
        guard mime == "application/pdf" else { return .refused(.notPDF(mime), file: file) }
        guard file.bytes.starts(with: Array("%PDF-".utf8)) else { return .refused(.badHeader, file: file) }
        switch runner.probe(file.bytes) {
        case .failure(.timedOut(let seconds)): return .refused(.unsafe("parsing took longer than \(Int(seconds)) s"), file: file)
        case .failure(.crashed(let why)): return .refused(.unsafe("the parser stopped: \(why)"), file: file)
        case .failure(.cannotStart(let why)): return .refused(.unsafe("the parser could not start: \(why)"), file: file)
        case .success(let probe):
            switch probe.outcome {
            case .encrypted: return .refused(.encrypted, file: file)
            case .damaged: return .refused(.damaged(probe.detail ?? "unreadable"), file: file)
            case .noPages: return .refused(.noPages, file: file)
            case .ok: return .accepted(file, probe, mime: mime)
            }
        }
    }
}
