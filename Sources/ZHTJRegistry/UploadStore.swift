import Foundation
import ZHTJCore

/// Files taken from the inbox: what each became, the archive's documents and the versions they make.
public protocol UploadStore: Sendable {
    func recordUpload(_ u: NewUpload, now: Date) throws -> (id: Int64, version: Int?)
    /// Several uploads in one transaction (the ingest's group commit); each succeeds or fails on its own.
    func recordUploads(_ uploads: [NewUpload], now: Date) throws -> [Result<(id: Int64, version: Int?), ZHTJError>]
    func committedUpload(folder: String, name: [UInt8], inode: UInt64, modified: Int64, size: Int) throws -> (id: Int64, state: UploadState, refusedPath: [UInt8]?)?
    func hasDocument(_ sha256: String) throws -> Bool
    func documentHashes() throws -> Set<String>
    func uploads(state: UploadState, within subtree: Subtree, limit: Int) throws -> [UploadInfo]
    func upload(id: Int64) throws -> UploadInfo?
    func refusedLocation(id: Int64) throws -> (refusedPath: [UInt8], name: [UInt8], folder: String)?
    /// Gives an unmatched upload to a member: it becomes the member's next version.
    func attach(uploadID: Int64, memberID: Int64, caller: Caller, now: Date) throws -> UploadInfo
    /// Matches unmatched files to members whose numbers have since been set; returns the uploads matched.
    func matchUnmatched(now: Date) throws -> [Int64]
    func markRetried(uploadID: Int64, caller: Caller, now: Date) throws
}

extension UploadStore {
    public func uploads(state: UploadState, within subtree: Subtree) throws -> [UploadInfo] {
        try uploads(state: state, within: subtree, limit: 1000)
    }
}
