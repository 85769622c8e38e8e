import Foundation
import Testing
@testable import EmberCore
import EmberTestSupport

/// Damaged copies of valid files: every one must decode or throw a ``SafeTensorsError``;
/// none may crash or read outside its bytes (the memory source traps on any such read).
@Suite struct SafeTensorsDamageTests {
    /// Decodes `bytes`; returns whether it succeeded, recording an issue for any error that
    /// is not a ``SafeTensorsError``.
    @discardableResult
    func decodes(_ bytes: [UInt8], _ trace: @autoclosure () -> String) -> Bool {
        do {
            _ = try SafeTensors.decode(bytes)
            return true
        } catch is SafeTensorsError {
            return false
        } catch {
            Issue.record("\(trace()): unexpected error \(error)")
            return false
        }
    }

    @Test(arguments: ["all_dtypes", "special", "no_tensors"])
    func everyTruncationThrows(_ name: String) throws {
        let bytes = try SafeTensorsFixtures.bytes(name)
        for length in 0..<bytes.count {
            #expect(!decodes(Array(bytes.prefix(length)), "\(name) cut at \(length)"), "\(name) cut at \(length) decoded")
        }
        #expect(decodes(bytes, name))
        #expect(!decodes(bytes + [0], "\(name) + 1 byte"))
    }

    /// Flips bits of every header byte (the length included), one byte at a time.
    @Test(arguments: ["all_dtypes", "special"])
    func flippedHeaderBytesThrowOrDecode(_ name: String) throws {
        let bytes = try SafeTensorsFixtures.bytes(name)
        let headerEnd = 8 + Int(bytes.le64(0))
        var decoded = 0
        for i in 0..<headerEnd {
            for mask: UInt8 in [0x01, 0x08, 0x80, 0xFF] {
                var damaged = bytes
                damaged[i] ^= mask
                if decodes(damaged, "\(name) byte \(i) ^ \(mask)") { decoded += 1 }
            }
        }
        // Some flips keep the file valid (a name's letter, a metadata character).
        #expect(decoded > 0)
    }

    /// Replaces each digit of the header with every other digit: shapes, offsets and sizes
    /// take many wrong values.
    @Test func alteredNumbersThrowOrDecode() throws {
        let bytes = try SafeTensorsFixtures.bytes("all_dtypes")
        let headerEnd = 8 + Int(bytes.le64(0))
        for i in 8..<headerEnd where (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) {
            for digit in UInt8(ascii: "0")...UInt8(ascii: "9") where digit != bytes[i] {
                var damaged = bytes
                damaged[i] = digit
                decodes(damaged, "digit \(i) = \(digit)")
            }
        }
    }
}
