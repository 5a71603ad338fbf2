import Logging
import ServiceLifecycle
import UnixSignals

/// SIGHUP reloads the configuration: a broken one is rejected with a message and the running one kept; a good one
/// changes the log level at once (other settings take effect at the next start, and the log says so).
public struct ConfigReloader: Service {
    let configFile: String?
    let overrides: [String: String]
    let logger: Logger

    public init(configFile: String?, overrides: [String: String], logger: Logger) {
        self.configFile = configFile
        self.overrides = overrides
        self.logger = logger
    }

    public func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            do {
                let settings = try await DaemonSettings.load(configFile: configFile, overrides: overrides)
                ReloadableLogLevel.level = settings.logLevel
                logger.notice("configuration reloaded: the log level applies now; other settings at the next start", metadata: [
                    "zhtj.logLevel": "\(settings.logLevel)",
                ])
            } catch {
                logger.error("configuration rejected; the running one is kept", metadata: ["zhtj.error": "\(error)"])
            }
        }
    }
}
