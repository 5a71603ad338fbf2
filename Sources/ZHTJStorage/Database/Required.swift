import ZHTJCore

/// `value`, or `ZHTJError.storage` naming what was missing. For what the database must hold at that point (a row the
/// same transaction has just written or checked, an aggregate that always has a row): nil there means a broken
/// database or a bug, which the caller is told of instead of the daemon stopping on a force unwrap.
func required<T>(_ value: T?, _ what: @autoclosure () -> String) throws -> T {
    guard let value else { throw ZHTJError.storage("\(what()) is missing") }
    return value
}
