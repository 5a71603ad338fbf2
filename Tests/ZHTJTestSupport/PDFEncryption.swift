import Foundation

/// The PDF standard security handler, revision 2 (RC4, 40-bit key), as in
/// ISO 32000-1 §7.6.3 (algorithms 1, 2, 3 and 4). Enough to hand-write an
/// encrypted file that poppler opens with the user or owner password.
struct StandardSecurityHandler {
    static let padding: [UInt8] = [
        0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
        0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
    ]
    /// All permissions (bits 1-2 clear, as revision 2 wants).
    static let permissions: Int32 = -4

    let fileKey: [UInt8]
    let ownerEntry: [UInt8]
    let userEntry: [UInt8]
    let id: [UInt8]

    init(user: String, owner: String, id: [UInt8]) {
        let paddedUser = Self.pad(user)
        // Algorithm 3: /O = RC4(MD5(owner)[0..<5], padded user password).
        ownerEntry = RC4.apply(key: Array(MD5.digest(Self.pad(owner)).prefix(5)), paddedUser)
        // Algorithm 2: the file key.
        let p = UInt32(bitPattern: Self.permissions)
        let pBytes = (0..<4).map { UInt8(truncatingIfNeeded: p >> (8 * UInt32($0))) }
        fileKey = Array(MD5.digest(paddedUser + ownerEntry + pBytes + id).prefix(5))
        // Algorithm 4: /U = RC4(file key, padding).
        userEntry = RC4.apply(key: fileKey, Self.padding)
        self.id = id
    }

    static func pad(_ password: String) -> [UInt8] {
        Array((Array(password.utf8.prefix(32)) + padding).prefix(32))
    }

    /// The /Encrypt dictionary.
    var dictionary: String {
        "<< /Filter /Standard /V 1 /R 2 /Length 40 /O <\(hex(ownerEntry))> /U <\(hex(userEntry))> /P \(Self.permissions) >>"
    }

    /// Algorithm 1: encrypts (or decrypts) a string or stream of object `number`.
    func crypt(_ data: [UInt8], object number: Int, generation: Int = 0) -> [UInt8] {
        let salt: [UInt8] = [
            UInt8(truncatingIfNeeded: number), UInt8(truncatingIfNeeded: number >> 8),
            UInt8(truncatingIfNeeded: number >> 16),
            UInt8(truncatingIfNeeded: generation), UInt8(truncatingIfNeeded: generation >> 8),
        ]
        let key = Array(MD5.digest(fileKey + salt).prefix(min(fileKey.count + 5, 16)))
        return RC4.apply(key: key, data)
    }
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String(format: "%02X", $0) }.joined()
}

enum RC4 {
    static func apply(key: [UInt8], _ data: [UInt8]) -> [UInt8] {
        guard !key.isEmpty else { return data }
        var s = (0...255).map { UInt8($0) }
        var j: UInt8 = 0
        for i in 0..<256 {
            j = j &+ s[i] &+ key[i % key.count]
            s.swapAt(i, Int(j))
        }
        var i: UInt8 = 0
        j = 0
        return data.map { byte in
            i = i &+ 1
            j = j &+ s[Int(i)]
            s.swapAt(Int(i), Int(j))
            return byte ^ s[Int(s[Int(i)] &+ s[Int(j)])]
        }
    }
}

/// MD5 (RFC 1321), only for the PDF key derivation above.
enum MD5 {
    private static let shifts: [UInt32] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
        5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
        6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ]
    private static let constants: [UInt32] = (0..<64).map {
        UInt32(truncatingIfNeeded: Int64(abs(sin(Double($0 + 1))) * 4_294_967_296.0))
    }

    static func digest(_ message: [UInt8]) -> [UInt8] {
        var data = message + [0x80]
        while data.count % 64 != 56 { data.append(0) }
        let bits = UInt64(message.count) &* 8
        data += (0..<8).map { UInt8(truncatingIfNeeded: bits >> (8 * UInt64($0))) }

        var h: [UInt32] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476]
        for chunk in stride(from: 0, to: data.count, by: 64) {
            let m: [UInt32] = (0..<16).map { k in
                (0..<4).reduce(UInt32(0)) { $0 | UInt32(data[chunk + 4 * k + $1]) << (8 * UInt32($1)) }
            }
            var (a, b, c, d) = (h[0], h[1], h[2], h[3])
            for i in 0..<64 {
                var f: UInt32
                let g: Int
                switch i {
                case 0..<16: f = (b & c) | (~b & d); g = i
                case 16..<32: f = (d & b) | (~d & c); g = (5 * i + 1) % 16
                case 32..<48: f = b ^ c ^ d; g = (3 * i + 5) % 16
                default: f = c ^ (b | ~d); g = (7 * i) % 16
                }
                f = f &+ a &+ constants[i] &+ m[g]
                a = d
                d = c
                c = b
                b = b &+ (f << shifts[i] | f >> (32 - shifts[i]))
            }
            h[0] = h[0] &+ a
            h[1] = h[1] &+ b
            h[2] = h[2] &+ c
            h[3] = h[3] &+ d
        }
        return h.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (8 * UInt32($0))) } }
    }
}
