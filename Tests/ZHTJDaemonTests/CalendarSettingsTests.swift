import Foundation
import Testing
import ZHTJCore
import ZHTJDaemon

/// R-W2: the working-day calendar comes from the configuration (`calendar.holidays`, `calendar.workdays`); a date
/// that is not one stops the start.
@Suite struct CalendarSettingsTests {
    func load(json: String, environment: [String: String] = [:]) async throws -> DaemonSettings {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("zhtjd-calendar-\(UUID().uuidString).json").path
        try json.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        return try await DaemonSettings.load(configFile: file, overrides: [:], environment: environment)
    }

    func day(_ text: String) -> CivilDate { JoinDate(text)!.date! }

    @Test func listsFromTheConfigFile() async throws {
        let settings = try await load(json: #"{"calendar": {"holidays": ["2024-10-01", "2024-10-02"], "workdays": ["2024-10-12"]}}"#)
        #expect(settings.workingDays == WorkingDays(holidays: [day("2024-10-01"), day("2024-10-02")], workdays: [day("2024-10-12")]))
        let empty = try await load(json: #"{"calendar": {"holidays": [], "workdays": []}}"#)
        #expect(empty.workingDays == WorkingDays())
        #expect(try await load(json: "{}").workingDays == WorkingDays())
    }

    @Test func commaSeparatedFromTheEnvironment() async throws {
        let settings = try await load(json: "{}", environment: ["ZHTJD_CALENDAR_HOLIDAYS": "2024-04-04, 2024-04-05", "ZHTJD_CALENDAR_WORKDAYS": "2024-04-07"])
        #expect(settings.workingDays.holidays == [day("2024-04-04"), day("2024-04-05")])
        #expect(settings.workingDays.workdays == [day("2024-04-07")])
    }

    @Test(arguments: ["2024-02-30", "2024-4-4", "明天"])
    func aBadDateStopsTheStart(_ bad: String) async throws {
        do {
            _ = try await load(json: #"{"calendar": {"holidays": ["2024-10-01", "\#(bad)"]}}"#)
            Issue.record("\(bad) accepted")
        } catch let error as DaemonSettings.SettingsError {
            #expect(error.description.contains("calendar.holidays") && error.description.contains(bad), "\(error)")
        }
    }
}
