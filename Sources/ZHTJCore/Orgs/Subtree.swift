/// An org and everything below it, by the org's materialised path (`/1/5/42/`): an admin acts within the subtree of
/// the admin's org (docs/protocol.md, "Identity"). Paths end with `/`, so `/1/2/` contains `/1/2/7/` and not `/1/23/`.
public struct Subtree: Sendable, Equatable, CustomStringConvertible {
    public var path: String

    public init(path: String) {
        self.path = path
    }

    /// The whole tree.
    public static let everything = Subtree(path: "/")

    /// Whether the org at `path` is this subtree's org or below it.
    public func contains(path other: String) -> Bool {
        other.hasPrefix(path)
    }

    public var description: String { path }
}
