import EmberImage
import Foundation
import Testing

@Suite struct PNGErrorTests {
    let valid: [UInt8] = try! PNG.encode(PixelBuffer(patternImage(width: 8, height: 8)))

    @Test func notAPNG() {
        #expect(errorText { try PNG.decode(Array("GIF89a not a png".utf8), name: "x.png") }
            == "x.png: PNG decode failed: not a PNG file (bad signature)")
        #expect(errorText { try PNG.decode([]) } == "<memory>: PNG decode failed: not a PNG file (bad signature)")
    }

    @Test func everyTruncationThrows() {
        for length in 8..<valid.count {
            let text = errorText { try PNG.decode(Array(valid.prefix(length)), name: "cut.png") }
            #expect(text.hasPrefix("cut.png: PNG decode failed: "), "length \(length): \(text)")
        }
        #expect(errorText { try PNG.decode(Array(valid.prefix(20))) }
            == "<memory>: PNG decode failed: unexpected end of file (truncated PNG data)")
    }

    @Test func corruptDataReportsLibpngsMessage() throws {
        var bytes = valid
        // The first IDAT chunk's data starts after the signature (8), IHDR (25), and
        // IDAT's length and type (8), unless libpng wrote other chunks first: find it.
        let idat = try #require((0..<bytes.count - 4).first { Array(bytes[$0..<$0 + 4]) == Array("IDAT".utf8) })
        bytes[idat + 6] ^= 0xFF
        let text = errorText { try PNG.decode(bytes, name: "bad.png") }
        // libpng 1.6.39 says "IDAT: invalid distance too far back" (zlib fails before the CRC).
        #expect(text.hasPrefix("bad.png: PNG decode failed: IDAT: "), "\(text)")
        do {
            _ = try PNG.decode(bytes)
            Issue.record("no error")
        } catch ImageError.Reason.decode {
        } catch {
            Issue.record("wrong error \(error)")
        }
    }

    @Test func corruptHeader() {
        var bytes = valid
        bytes[16 + 3] = 0  // width 0 (and a CRC mismatch, which libpng checks first)
        #expect(errorText { try PNG.decode(bytes) }.hasPrefix("<memory>: PNG decode failed: IHDR"))
    }

    @Test func missingFile() {
        #expect(errorText { try PNG.read("/nonexistent/ember.png") }
            == "/nonexistent/ember.png: cannot open: No such file or directory")
        #expect(errorText { try RGBAImage(width: 1, height: 1).writePNG(to: "/nonexistent/out.png") }
            == "/nonexistent/out.png: cannot create: No such file or directory")
    }
}
