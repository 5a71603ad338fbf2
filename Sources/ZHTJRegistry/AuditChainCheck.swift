/// What `AuditLog.verifyAuditChain()` found: the rows checked, each break in the chain, and the hash of every
/// archived document (sorted), whose files the daemon checks afterwards through the archive, outside any
/// transaction.
public struct AuditChainCheck: Sendable, Equatable {
    public var rows: Int
    public var breaks: [Break]
    public var documentHashes: [String]
    /// The schema repairs the daemon made at start (`schema.repaired` rows: "when: what").
    public var schemaRepairs: [String] = []

    /// A break: a row that is missing, altered or out of order (`row`), or an archive file (`sha256`).
    public struct Break: Sendable, Codable, Equatable {
        public var row: Int64?
        public var sha256: String?
        public var problem: String

        public init(row: Int64? = nil, sha256: String? = nil, problem: String) {
            self.row = row
            self.sha256 = sha256
            self.problem = problem
        }
    }

    public init(rows: Int, breaks: [Break], documentHashes: [String]) {
        self.rows = rows
        self.breaks = breaks
        self.documentHashes = documentHashes
    }
}
