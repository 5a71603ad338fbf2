import Logging
import NIOConcurrencyHelpers

/// The log level, changed by a configuration reload (SIGHUP) while the daemon runs.
public enum ReloadableLogLevel {
    static let current = NIOLockedValueBox(Logger.Level.info)

    public static var level: Logger.Level {
        get { current.withLockedValue { $0 } }
        set { current.withLockedValue { $0 = newValue } }
    }
}

/// A log handler whose level follows `ReloadableLogLevel`.
public struct ReloadableLogHandler: LogHandler {
    var inner: StreamLogHandler

    public init(label: String) {
        inner = StreamLogHandler.standardError(label: label)
        inner.logLevel = .trace
    }

    public var logLevel: Logger.Level {
        get { ReloadableLogLevel.level }
        set { ReloadableLogLevel.level = newValue }
    }

    public var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    public func log(event: LogEvent) {
        inner.log(event: event)
    }
}
