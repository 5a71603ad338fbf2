import Foundation
import ZHTJCore

/// Deterministic people: names, valid ID numbers (GB 11643 check digit), development numbers.
struct People {
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").map(String.init)
    static let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红梅鑫波斌宇浩凯健俊帆帅旭宁琳晨欣佳怡雪婷颖倩瑶嘉睿博文轩子涵梓萱诗雨思远志诚建国海燕晓东春").map(String.init)

    var random: SplitMix

    init(seed: UInt64) { random = SplitMix(seed: seed) }

    /// A name of 2 or 3 characters (one in ten with a 2-character given name).
    mutating func name() -> String {
        let surname = Self.surnames[random.below(Self.surnames.count)]
        let first = Self.given[random.below(Self.given.count)]
        if random.below(10) < 7 { return surname + first + Self.given[random.below(Self.given.count)] }
        return surname + first
    }

    /// The `index`-th ID number: unique per index (region and sequence from it), born on `birth`.
    static func idNumber(index: Int, birth: CivilDate) -> String {
        let region = 320_000 + (index / 1000) % 680_000
        let first17 = String(format: "%06d%04d%02d%02d%03d", region, birth.year, birth.month, birth.day, index % 1000)
        return first17 + String(IDNumber.checkCharacter(for: first17))
    }

    /// A unique development number issued in `year` (12 digits).
    static func developmentNumber(year: Int, index: Int) -> String {
        String(format: "%04d%08d", year, index % 100_000_000)
    }
}

/// A small fast deterministic generator (SplitMix64).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) < p * 1_000_000 }
}
