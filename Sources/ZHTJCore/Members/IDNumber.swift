import Foundation

/// The 18-character resident ID number (GB 11643): 17 digits and a check digit (`X` for 10).
public struct IDNumber: Hashable, Sendable, CustomStringConvertible {
    public let value: String
    public let birthDate: CivilDate

    public enum Problem: Error, Equatable, Sendable {
        case length(Int)
        case characters
        case checkDigit(expected: Character)
        case birthDate(String)
    }

    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// Validates `raw`: a lower-case `x` is accepted and stored upper-case.
    public static func parse(_ raw: String) -> Result<IDNumber, Problem> {
        let text = raw.trimmingCharacters(in: .whitespaces).uppercased()
        let chars = Array(text)
        guard chars.count == 18 else { return .failure(.length(chars.count)) }
        guard chars[0..<17].allSatisfy(\.isASCIIDigit), chars[17].isASCIIDigit || chars[17] == "X" else {
            return .failure(.characters)
        }
        let expected = checkCharacter(for: String(chars[0..<17]))
        guard chars[17] == expected else { return .failure(.checkDigit(expected: expected)) }
        let y = Int(String(chars[6..<10]))!, m = Int(String(chars[10..<12]))!, d = Int(String(chars[12..<14]))!
        guard y >= 1900, let birth = CivilDate(year: y, month: m, day: d) else {
            return .failure(.birthDate(String(chars[6..<14])))
        }
        return .success(IDNumber(value: text, birthDate: birth))
    }

    private init(value: String, birthDate: CivilDate) {
        self.value = value
        self.birthDate = birthDate
    }

    /// The check character for the first 17 digits.
    public static func checkCharacter(for first17: String) -> Character {
        let sum = zip(first17, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return checkCharacters[sum % 11]
    }

    /// `110101********1234`: the first 6 and last 4 characters, as lists and logs show it.
    public static func masked(_ value: String) -> String {
        let chars = Array(value)
        guard chars.count > 10 else { return String(repeating: "*", count: chars.count) }
        return String(chars[0..<6]) + String(repeating: "*", count: chars.count - 10) + String(chars[(chars.count - 4)...])
    }

    /// All but the last four characters hidden (`**************1234`), as the member card shows it (R-W3).
    public static func lastFour(_ value: String) -> String {
        let chars = Array(value)
        guard chars.count > 4 else { return String(repeating: "*", count: chars.count) }
        return String(repeating: "*", count: chars.count - 4) + String(chars[(chars.count - 4)...])
    }

    public var masked: String { IDNumber.masked(value) }
    public var description: String { masked }
}

extension IDNumber.Problem {
    public var message: String {
        switch self {
        case .length(let n): "身份证号码应为18位，实为\(n)位 / an ID number has 18 characters, this one has \(n)"
        case .characters: "身份证号码应为17位数字加1位数字或X / an ID number is 17 digits and a digit or X"
        case .checkDigit(let c): "身份证号码校验位错误（应为\(c)），请核对 / the check digit is wrong (expected \(c)): check the number"
        case .birthDate(let s): "身份证号码中的出生日期\(s)无效 / the birth date \(s) in the ID number is not a real date"
        }
    }
}
