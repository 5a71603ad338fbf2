import Testing
import ZHTJCore

/// R-W2: rewards and sanctions are entered within 20 working days of the document's date; working days are Monday to
/// Friday, less the configured holidays, plus the weekend days worked instead.
@Suite struct WorkingDaysTests {
    func day(_ text: String) -> CivilDate { JoinDate(text)!.date! }

    @Test func weekdays() {
        #expect(WorkingDays.weekday(day("1970-01-01")) == 4)
        #expect(WorkingDays.weekday(day("1969-12-31")) == 3)
        #expect(WorkingDays.weekday(day("2000-01-01")) == 6)
        #expect(WorkingDays.weekday(day("2024-03-01")) == 5)
        #expect(WorkingDays.weekday(day("2024-09-29")) == 7)
    }

    // R-W2: the count runs from the day after the document to the day of entry.
    @Test func countsWeekdaysAfterTheDocument() {
        let calendar = WorkingDays()
        #expect(calendar.count(after: day("2024-03-01"), through: day("2024-03-01")) == 0)
        #expect(calendar.count(after: day("2024-03-01"), through: day("2024-03-03")) == 0)  // the weekend
        #expect(calendar.count(after: day("2024-03-01"), through: day("2024-03-04")) == 1)
        #expect(calendar.count(after: day("2024-03-01"), through: day("2024-02-20")) == 0)  // an entry before the document
        #expect(calendar.count(after: day("2024-03-01"), through: day("2024-03-29")) == 20)
        #expect(calendar.count(after: day("2024-03-01"), through: day("2024-04-01")) == 21)
    }

    // R-W2: 20 working days are on time, 21 are late, with a bilingual warning.
    @Test func lateAfterTwentyWorkingDays() {
        #expect(!WorkingDays.isLate(workingDays: 20))
        #expect(WorkingDays.lateWarning(workingDays: 20) == nil)
        #expect(WorkingDays.isLate(workingDays: 21))
        let warning = WorkingDays.lateWarning(workingDays: 21) ?? ""
        #expect(warning.contains("21个工作日") && warning.contains("21 working days") && warning.contains("R-W2"))
    }

    // R-W2: a holiday is not a working day; a weekend day worked instead (调休) is.
    @Test func holidaysAndWorkedWeekendDays() {
        let calendar = WorkingDays(holidays: [day("2024-03-04")], workdays: [day("2024-03-02")])
        #expect(!calendar.isWorkingDay(day("2024-03-04")))
        #expect(calendar.isWorkingDay(day("2024-03-02")))
        #expect(!calendar.isWorkingDay(day("2024-03-03")))
        #expect(calendar.count(after: day("2024-03-01"), through: day("2024-03-04")) == 1)
        #expect(calendar.count(after: day("2024-03-01"), through: day("2024-03-29")) == 20)
    }

    // R-W2: National Day 2024 (1–7 October off, Sunday 29 September and Saturday 12 October worked).
    @Test func nationalDayWeek() {
        let plain = WorkingDays()
        let holidays = (1...7).map { day("2024-10-0\($0)") }
        let china = WorkingDays(holidays: holidays, workdays: [day("2024-09-29"), day("2024-10-12")])
        #expect(plain.count(after: day("2024-09-27"), through: day("2024-10-25")) == 20)
        #expect(china.count(after: day("2024-09-27"), through: day("2024-10-25")) == 17)
    }
}
