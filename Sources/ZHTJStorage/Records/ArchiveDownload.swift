import ZHTJCore

/// One archived version of a member, as `archive.get` sends it; its bytes are the daemon's to read from `archive/`.
public struct ArchiveDownload: Sendable, Equatable {
    public let memberID: Int64
    public let version: ArchiveVersionInfo
}
