import Testing
@testable import ZHTJCore

@Suite struct IDNumberTests {
    // R-M1: 18 characters with the GB 11643 check digit and a valid birth date.
    @Test func acceptsValidNumbers() throws {
        let id = try IDNumber.parse("110101199001011237").get()
        #expect(id.birthDate == CivilDate(year: 1990, month: 1, day: 1))
        #expect(try IDNumber.parse(" 11010519491231002x ").get().value == "11010519491231002X")
    }

    @Test func checkDigitComputation() {
        #expect(IDNumber.checkCharacter(for: "11010519491231002") == "X")
        #expect(IDNumber.checkCharacter(for: "11010119900101123") == "7")
    }

    // R-M1
    @Test(arguments: [
        ("11010119900101123", IDNumber.Problem.length(17)),
        ("1101011990010112378", .length(19)),
        ("11010119900101123A", .characters),
        ("110101199001011238", .checkDigit(expected: "7")),
    ])
    func refusesBadNumbers(raw: String, problem: IDNumber.Problem) {
        #expect(throws: problem) { try IDNumber.parse(raw).get() }
    }

    @Test func refusesImpossibleBirthDate() {
        // 1990-02-30 does not exist; give it a correct check digit so only the date is wrong.
        let first17 = "11010119900230123"
        let raw = first17 + String(IDNumber.checkCharacter(for: first17))
        #expect(throws: IDNumber.Problem.birthDate("19900230")) { try IDNumber.parse(raw).get() }
    }

    @Test func masksForLists() {
        #expect(IDNumber.masked("110101199001011237") == "110101********1237")
    }
}

@Suite struct DevelopmentNumberTests {
    // R-M2, R-M3: 12 digits, the first 4 a year from 2016 to now, not after the join year.
    @Test func acceptsAndNormalises() throws {
        #expect(try DevelopmentNumber.validate("202344010123", currentYear: 2026).get() == "202344010123")
        #expect(try DevelopmentNumber.validate("２０２３ 4401 0123", currentYear: 2026).get() == "202344010123")
    }

    @Test func refusesWrongShapeAndYears() {
        #expect(throws: DevelopmentNumber.Problem.format("20234401012")) { try DevelopmentNumber.validate("20234401012", currentYear: 2026).get() }
        #expect(throws: DevelopmentNumber.Problem.year(2015, latest: 2026)) { try DevelopmentNumber.validate("201544010123", currentYear: 2026).get() }
        #expect(throws: DevelopmentNumber.Problem.year(2027, latest: 2026)) { try DevelopmentNumber.validate("202744010123", currentYear: 2026).get() }
        #expect(throws: DevelopmentNumber.Problem.afterJoinYear(2023, joinYear: 2021)) {
            try DevelopmentNumber.validate("202344010123", currentYear: 2026, joinYear: 2021).get()
        }
    }
}

@Suite struct MembershipRulesTests {
    let birth = CivilDate(year: 2008, month: 3, day: 15)!

    // R-M2, R-O7: at least 13 at joining; at least 12 before 2016-09-01.
    @Test func minimumAgeThirteen() {
        #expect(MembershipRules.ageProblem(birth: birth, joined: JoinDate("2021-03-15")!) == nil)
        #expect(MembershipRules.ageProblem(birth: birth, joined: JoinDate("2021-03-14")!) != nil)
        // A month-only date is read as the month's last day.
        #expect(MembershipRules.ageProblem(birth: birth, joined: JoinDate("2021-03")!) == nil)
        #expect(MembershipRules.ageProblem(birth: birth, joined: JoinDate("2021-02")!) != nil)
    }

    // R-O7: twelve was enough before 2016-09-01.
    @Test func minimumAgeTwelveBeforeSeptember2016() {
        let born = CivilDate(year: 2004, month: 1, day: 10)!
        #expect(MembershipRules.ageProblem(birth: born, joined: JoinDate("2016-08-20")!) == nil)
        #expect(MembershipRules.ageProblem(birth: born, joined: JoinDate("2016-09-01")!) != nil)
        #expect(MembershipRules.ageProblem(birth: born, joined: JoinDate("2017-01-10")!) == nil)
    }

    // R-E1, R-M2
    @Test func whoNeedsWhat() {
        #expect(MembershipRules.needsEArchive(joined: JoinDate("2020-01")!))
        #expect(!MembershipRules.needsEArchive(joined: JoinDate("2019-12")!))
        #expect(MembershipRules.needsDevelopmentNumber(joined: JoinDate("2016-01")!))
        #expect(!MembershipRules.needsDevelopmentNumber(joined: JoinDate("2015-12")!))
    }

    @Test func joinDateForms() {
        #expect(JoinDate("2019-05")?.description == "2019-05")
        #expect(JoinDate("2019/5/4")?.description == "2019-05-04")
        #expect(JoinDate("2019年5月")?.description == "2019-05")
        #expect(JoinDate("201905")?.description == "2019-05")
        #expect(JoinDate("2019-13") == nil)
        #expect(JoinDate("2019-02-30") == nil)
        #expect(JoinDate("May 2019") == nil)
    }
}
