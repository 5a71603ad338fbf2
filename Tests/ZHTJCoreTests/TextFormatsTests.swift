import Foundation
import Testing
import ZHTJCore

/// The hand-written formats that replaced Foundation's on the ingest path (issue 7) write the same text.
@Suite struct TextFormatsTests {
    @Test(arguments: [0.0, 1_795_000_000.0, 1_795_000_000.999_9, 1_795_000_000.0005, 951_782_400.25, 4_102_444_799.5])
    func utcStampMatchesISO8601DateFormatter(_ seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        let plain = ISO8601DateFormatter()
        #expect(UTCStamp.string(date) == plain.string(from: date))
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let ours = UTCStamp.string(date, milliseconds: true)
        // Foundation rounds or truncates the milliseconds depending on the version; the stamp must read back within 1 ms.
        #expect(ours.count == 24)
        if let back = fractional.date(from: ours) {
            #expect(abs(back.timeIntervalSince1970 - seconds) < 0.001)
        } else {
            Issue.record("\(ours) does not read back")
        }
    }

    @Test func hexIsLowerCaseTwoDigitsAByte() {
        #expect(Hex.string([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        #expect(Hex.string([]) == "")
    }

    @Test func flatJSONReadsBackAsTheSameObject() throws {
        let values = ["number": "202344010001", "match": "no member with this number in this folder's orgs", "type": "application/pdf",
                      "odd": "quote \" backslash \\ slash / tab \t nl \n bell \u{7} 中文"]
        let text = FlatJSON.object(values)
        let back = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
        #expect(back == values)
        #expect(text.hasPrefix("{\"match\":"))
    }
}
