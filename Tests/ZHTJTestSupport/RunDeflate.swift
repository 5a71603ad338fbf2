/// A tiny zlib (RFC 1950) / DEFLATE (RFC 1951) encoder for data made of literal bytes and long runs of one byte,
/// written by hand because Swift on Linux has no zlib module. It never holds the inflated data: input and output
/// are both lists of segments, so a run of a billion bytes costs nothing, and the output of one pass (a few
/// literal bytes around a long run of zero bytes) can be compressed again, which is how `HostilePDF.inflateBomb`
/// gets from 1 GiB to about a kilobyte.
///
/// Literal bytes go into fixed-Huffman blocks. A run goes into one dynamic-Huffman block whose only codes are the
/// run's byte (2 bits), end-of-block (2 bits), length 258 (1 bit, "0") and distance 1 (1 bit, "0"): every 258
/// bytes of the run cost 2 zero bits, so the compressed run is itself a run of zero bytes (1032:1, deflate's best).
enum RunDeflate {
    enum Segment: Equatable {
        case bytes([UInt8])
        case run(UInt8, count: Int)
    }

    /// The zlib stream (header, deflate data, Adler-32) of the concatenated `input`.
    static func zlib(_ input: [Segment]) -> [Segment] {
        var out = BitWriter()
        out.bytes([0x78, 0xDA])  // deflate, 32 KB window, "maximum compression"; 0x78DA is a multiple of 31
        var adler = Adler32()
        for segment in input {
            switch segment {
            case .bytes(let bytes):
                adler.update(bytes)
                if !bytes.isEmpty { fixedBlock(bytes, into: &out) }
            case .run(let byte, let count):
                guard count > 0 else { continue }
                adler.update(run: byte, count: count)
                if count <= 258 {
                    fixedBlock([UInt8](repeating: byte, count: count), into: &out)
                } else {
                    runBlock(byte, count: count, into: &out)
                }
            }
        }
        // An empty final block: BFINAL = 1, BTYPE = 01 (fixed), end-of-block.
        out.bits(1, 1)
        out.bits(1, 2)
        out.huffman(fixedCode(256))
        out.alignToByte()
        let check = adler.value
        out.bytes([UInt8(check >> 24), UInt8((check >> 16) & 0xFF), UInt8((check >> 8) & 0xFF), UInt8(check & 0xFF)])
        return out.finish()
    }

    static func flatten(_ segments: [Segment]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count(segments))
        for segment in segments {
            switch segment {
            case .bytes(let bytes): out += bytes
            case .run(let byte, let count): out += [UInt8](repeating: byte, count: count)
            }
        }
        return out
    }

    /// The total length of `segments` in bytes.
    static func count(_ segments: [Segment]) -> Int {
        segments.reduce(0) { total, segment in
            switch segment {
            case .bytes(let bytes): total + bytes.count
            case .run(_, let count): total + count
            }
        }
    }

    // MARK: - Blocks

    /// A non-final fixed-Huffman block of literals.
    private static func fixedBlock(_ bytes: [UInt8], into out: inout BitWriter) {
        out.bits(0, 1)
        out.bits(1, 2)
        for byte in bytes { out.huffman(fixedCode(Int(byte))) }
        out.huffman(fixedCode(256))
    }

    /// The RFC 1951 fixed code of a literal/length symbol: (code, bit length).
    private static func fixedCode(_ symbol: Int) -> (UInt32, Int) {
        switch symbol {
        case 0...143: (UInt32(0x30 + symbol), 8)
        case 144...255: (UInt32(0x190 + symbol - 144), 9)
        case 256...279: (UInt32(symbol - 256), 7)
        default: (UInt32(0xC0 + symbol - 280), 8)
        }
    }

    /// The order in which code-length code lengths are sent (RFC 1951, 3.2.7).
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// A non-final dynamic-Huffman block holding `count` (> 258) copies of `byte`: one literal, then matches of
    /// length 258 at distance 1, then up to 257 literals.
    private static func runBlock(_ byte: UInt8, count: Int, into out: inout BitWriter) {
        // Literal/length code: 285 (length 258) "0", the byte "10", end-of-block "11". Distance code: 0 (distance 1)
        // "0", 1 (unused) "1". Both codes are complete, which every inflater accepts.
        var literalLengths = [Int](repeating: 0, count: 286)
        literalLengths[Int(byte)] = 2
        literalLengths[256] = 2
        literalLengths[285] = 1
        let distanceLengths = [1, 1]
        let literalCodes = canonicalCodes(literalLengths)
        let distanceCodes = canonicalCodes(distanceLengths)
        precondition(literalCodes[285] == 0 && distanceCodes[0] == 0, "a match must be two zero bits")

        // The code-length code: symbols 1, 2 and 18 get 2 bits, 0 and 17 get 3 bits (complete).
        var codeLengthLengths = [Int](repeating: 0, count: 19)
        codeLengthLengths[1] = 2
        codeLengthLengths[2] = 2
        codeLengthLengths[18] = 2
        codeLengthLengths[0] = 3
        codeLengthLengths[17] = 3
        let codeLengthCodes = canonicalCodes(codeLengthLengths)
        var sent = codeLengthOrder.count
        while sent > 4 && codeLengthLengths[codeLengthOrder[sent - 1]] == 0 { sent -= 1 }

        out.bits(0, 1)  // BFINAL = 0
        out.bits(2, 2)  // BTYPE = 10, dynamic
        out.bits(UInt64(literalLengths.count - 257), 5)
        out.bits(UInt64(distanceLengths.count - 1), 5)
        out.bits(UInt64(sent - 4), 4)
        for index in 0..<sent { out.bits(UInt64(codeLengthLengths[codeLengthOrder[index]]), 3) }

        // The code lengths of both alphabets, one sequence, zeros run-length coded with 17 and 18.
        let lengths = literalLengths + distanceLengths
        let emit = { (symbol: Int, out: inout BitWriter) in
            out.huffman((codeLengthCodes[symbol], codeLengthLengths[symbol]))
        }
        var index = 0
        while index < lengths.count {
            let length = lengths[index]
            if length != 0 {
                emit(length, &out)
                index += 1
                continue
            }
            var zeros = 0
            while index + zeros < lengths.count && lengths[index + zeros] == 0 { zeros += 1 }
            index += zeros
            while zeros > 0 {
                if zeros >= 11 {
                    let chunk = min(zeros, 138)
                    emit(18, &out)
                    out.bits(UInt64(chunk - 11), 7)
                    zeros -= chunk
                } else if zeros >= 3 {
                    emit(17, &out)
                    out.bits(UInt64(zeros - 3), 3)
                    zeros = 0
                } else {
                    emit(0, &out)
                    zeros -= 1
                }
            }
        }

        let literal = (literalCodes[Int(byte)], literalLengths[Int(byte)])
        out.huffman(literal)
        let matches = (count - 1) / 258
        out.zeroBits(2 * matches)  // length 258 "0", distance 1 "0"
        for _ in 0..<((count - 1) % 258) { out.huffman(literal) }
        out.huffman((literalCodes[256], literalLengths[256]))
    }

    /// Canonical Huffman codes for code lengths (RFC 1951, 3.2.2); 0 means unused.
    private static func canonicalCodes(_ lengths: [Int]) -> [UInt32] {
        let maxLength = lengths.max() ?? 0
        var lengthCount = [Int](repeating: 0, count: maxLength + 1)
        for length in lengths where length > 0 { lengthCount[length] += 1 }
        var next = [UInt32](repeating: 0, count: maxLength + 2)
        var code: UInt32 = 0
        if maxLength >= 1 {
            for bits in 1...maxLength {
                code = (code + UInt32(lengthCount[bits - 1])) << 1
                next[bits] = code
            }
        }
        return lengths.map { length in
            guard length > 0 else { return 0 }
            defer { next[length] += 1 }
            return next[length]
        }
    }
}

/// Writes bits least-significant first (as DEFLATE packs them) into segments; whole zero bytes become runs.
private struct BitWriter {
    private var segments: [RunDeflate.Segment] = []
    private var current: [UInt8] = []
    private var pending: UInt64 = 0
    private var pendingCount = 0

    /// The low `count` (<= 32) bits of `value`, least significant first.
    mutating func bits(_ value: UInt64, _ count: Int) {
        pending |= (value & ((1 << UInt64(count)) - 1)) << UInt64(pendingCount)
        pendingCount += count
        while pendingCount >= 8 {
            current.append(UInt8(pending & 0xFF))
            pending >>= 8
            pendingCount -= 8
        }
    }

    /// A Huffman code (code, length), which DEFLATE sends most significant bit first.
    mutating func huffman(_ code: (UInt32, Int)) {
        var reversed: UInt64 = 0
        for bit in 0..<code.1 { reversed = (reversed << 1) | UInt64((code.0 >> UInt32(bit)) & 1) }
        bits(reversed, code.1)
    }

    mutating func zeroBits(_ count: Int) {
        var left = count
        while left > 0 && pendingCount != 0 {
            bits(0, 1)
            left -= 1
        }
        if left >= 8 {
            run(0, left / 8)
            left %= 8
        }
        if left > 0 { bits(0, left) }
    }

    mutating func bytes(_ bytes: [UInt8]) {
        precondition(pendingCount == 0)
        current += bytes
    }

    mutating func alignToByte() {
        if pendingCount > 0 { bits(0, 8 - pendingCount) }
    }

    private mutating func run(_ byte: UInt8, _ count: Int) {
        if count < 64 {
            current += [UInt8](repeating: byte, count: count)
            return
        }
        if !current.isEmpty {
            segments.append(.bytes(current))
            current = []
        }
        if case .run(let previous, let length) = segments.last, previous == byte {
            segments[segments.count - 1] = .run(byte, count: length + count)
        } else {
            segments.append(.run(byte, count: count))
        }
    }

    mutating func finish() -> [RunDeflate.Segment] {
        alignToByte()
        if !current.isEmpty { segments.append(.bytes(current)) }
        current = []
        return segments
    }
}

/// Adler-32 (RFC 1950), with runs added in closed form.
private struct Adler32 {
    private static let modulus: UInt64 = 65521
    private var a: UInt64 = 1
    private var b: UInt64 = 0

    mutating func update(_ bytes: [UInt8]) {
        for byte in bytes {
            a = (a + UInt64(byte)) % Self.modulus
            b = (b + a) % Self.modulus
        }
    }

    /// `count` copies of `byte`: a += n·v, b += n·a + v·n(n+1)/2.
    mutating func update(run byte: UInt8, count: Int) {
        let m = Self.modulus, n = UInt64(count), v = UInt64(byte)
        let triangle = n % 2 == 0 ? ((n / 2) % m) * ((n + 1) % m) % m : (n % m) * (((n + 1) / 2) % m) % m
        b = (b + (n % m) * a % m + v * triangle % m) % m
        a = (a + (n % m) * v % m) % m
    }

    var value: UInt32 { UInt32(b << 16 | a) }
}
