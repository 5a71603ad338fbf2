import ZHTJCore

/// What an import did.
public struct ImportOutcome: Sendable {
    public var imported: [MemberInfo] = []
    public var unchanged = 0
    public var issues: [RowIssue] = []
    public var rejectedLines: Set<Int> = []
    /// Lines refused on the grounds of scope (a branch outside the caller's subtree): audited as denials.
    public var deniedLines: [Int] = []

    public init() {}
}
