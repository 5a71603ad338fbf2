import ZHTJCore

/// What a fee import did.
public struct FeeImportOutcome: Sendable {
    public var recorded: [Int64] = []
    public var issues: [RowIssue] = []
    public var rejectedLines: Set<Int> = []
    /// Lines naming a member outside the caller's subtree: audited as denials.
    public var deniedLines: [Int] = []

    public init() {}
}
