import Foundation

/// The 12-digit development number (发展团员编号); its first 4 digits are the year it was issued.
public enum DevelopmentNumber {
    public enum Problem: Error, Equatable, Sendable {
        case format(String)
        case year(Int, latest: Int)
        case afterJoinYear(Int, joinYear: Int)
    }

    /// The first year numbers were issued.
    public static let firstYear = 2016

    /// Validates `raw` (spaces and full-width digits are normalised away) and returns the 12 digits.
    /// - Parameters:
    ///   - currentYear: the latest year a number can carry.
    ///   - joinYear: when known, the number's year must not be after it.
    public static func validate(_ raw: String, currentYear: Int, joinYear: Int? = nil) -> Result<String, Problem> {
        let digits = normalised(raw)
        guard digits.count == 12, digits.allSatisfy(\.isASCIIDigit) else { return .failure(.format(raw)) }
        let year = Int(digits.prefix(4))!
        guard (firstYear...currentYear).contains(year) else { return .failure(.year(year, latest: currentYear)) }
        if let joinYear, year > joinYear { return .failure(.afterJoinYear(year, joinYear: joinYear)) }
        return .success(digits)
    }

    /// Full-width digits become ASCII; spaces are dropped.
    public static func normalised(_ raw: String) -> String {
        var out = ""
        for scalar in raw.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: out.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0x20, 0x3000, 0x09, 0xA0: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension DevelopmentNumber.Problem {
    public var message: String {
        switch self {
        case .format(let raw):
            "发展团员编号“\(raw)”应为12位数字 / the development number \"\(raw)\" must be 12 digits"
        case .year(let y, let latest):
            "发展团员编号的前4位年份\(y)不在2016至\(latest)之间 / its first 4 digits (\(y)) must be a year from 2016 to \(latest)"
        case .afterJoinYear(let y, let join):
            "发展团员编号的年份\(y)晚于入团年份\(join) / its year \(y) is after the join year \(join)"
        }
    }
}
