import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An archived PDF for the viewer or a download: `application/pdf`, `nosniff`, one byte range at a time (206), read
/// from `archive/` in chunks on the thread pool. A download is audited as `zhtj get` is, once: by its request that
/// starts at byte 0 (or has no range).
extension ConsolePages {
    static let chunk = 256 * 1024

    func pdf(_ request: Request, member: Int64, version: Int, download: Bool, _ session: ConsoleSession) async throws -> Response {
        let header = request.headers[.range]
        let audit: Bool
        switch ByteRange.parse(header, size: Int.max) {
        case .range(let r): audit = r.first == 0
        case .whole, .unsatisfiable: audit = true
        }
        let backend = self.backend
        let file = try await blocking { try backend.archiveFile(member: "#\(member)", version: version, for: session, audit: audit) }
        var headers = ConsoleResponse.headers(contentType: "application/pdf")
        headers[.acceptRanges] = "bytes"
        let encoded = file.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "archive.pdf"
        headers[.contentDisposition] = "\(download ? "attachment" : "inline"); filename=\"v\(file.version).pdf\"; filename*=UTF-8''\(encoded)"
        let range: ByteRange
        var status = HTTPResponse.Status.ok
        switch ByteRange.parse(header, size: file.size) {
        case .whole: range = ByteRange(first: 0, last: file.size - 1)
        case .range(let r):
            range = r
            status = .partialContent
            headers[.contentRange] = "bytes \(r.first)-\(r.last)/\(file.size)"
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(file.size)"
            return Response(status: .rangeNotSatisfiable, headers: headers, body: .init())
        }
        headers[.contentLength] = "\(max(0, range.count))"
        let path = file.path
        let pages = self
        let body = ResponseBody(contentLength: max(0, range.count)) { writer in
            var offset = range.first
            while offset <= range.last {
                let length = min(Self.chunk, range.last - offset + 1)
                let start = offset
                let bytes = try await pages.blocking { try Self.read(path, offset: start, length: length) }
                try await writer.write(ByteBuffer(bytes: bytes))
                offset += length
            }
            try await writer.finish(nil)
        }
        return Response(status: status, headers: headers, body: body)
    }

    static func read(_ path: String, offset: Int, length: Int) throws -> [UInt8] {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        let data = try handle.read(upToCount: length) ?? Data()
        guard data.count == length else { throw Failure.notFound("\(path) ended early: run `zhtj audit verify`") }
        return Array(data)
    }
}
