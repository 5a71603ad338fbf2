import Foundation

/// Admin registration codes (R-O6): 8 characters of `[0-9A-Za-z]`, case-sensitive, valid 20 days, usable once.
public enum RegistrationCode {
    public static let length = 8
    public static let validity: TimeInterval = 20 * 24 * 3600
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    /// A new code. Pass `SystemRandomNumberGenerator` (getrandom(2), a CSPRNG) in production.
    public static func generate<G: RandomNumberGenerator>(using generator: inout G) -> String {
        String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    /// Whether `text` has a code's shape (not whether it exists).
    public static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == length && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    public static func expiry(issuedAt: Date) -> Date { issuedAt.addingTimeInterval(validity) }

    /// Why a stored code cannot be redeemed now, or nil when it can.
    public static func redemptionProblem(
        code: String, expiresAt: Date, usedAt: Date?, now: Date
    ) -> ZHTJError? {
        if usedAt != nil { return .codeUsed(code) }
        if now >= expiresAt { return .codeExpired(code, expiredAt: expiresAt) }
        return nil
    }
}

/// Failed redemptions are limited per uid: at most `maxFailures` within `window` seconds.
public struct RedemptionThrottle: Sendable {
    public var maxFailures: Int
    public var window: TimeInterval

    public init(maxFailures: Int = 5, window: TimeInterval = 15 * 60) {
        self.maxFailures = maxFailures
        self.window = window
    }

    /// When the uid may try again, or nil when it may try now.
    /// - Parameter failures: the times of the uid's recent failures.
    public func blockedUntil(failures: [Date], now: Date) -> Date? {
        let recent = failures.filter { now.timeIntervalSince($0) < window }.sorted()
        guard recent.count >= maxFailures else { return nil }
        return recent[recent.count - maxFailures].addingTimeInterval(window)
    }
}
