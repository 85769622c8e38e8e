import Foundation
import Testing
@testable import EmberCore
import EmberTestSupport

/// Every damaged file throws `invalidFile` naming the file and the problem, and nothing is
/// read outside the file.
@Suite struct NumPyErrorTests {
    /// A version 1.0 `.npy` file with `header` (padded like NumPy's) followed by `data`.
    func npy(_ header: String, data: [UInt8] = []) -> [UInt8] {
        var body = Array(header.utf8)
        body += [UInt8](repeating: 0x20, count: 63 - (10 + body.count) % 64) + [0x0A]
        var out: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0]
        out.appendLE16(body.count)
        return out + body + data
    }

    func expectInvalid(_ bytes: [UInt8], _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let t = try NumPy.decode(bytes, name: "t.npy")
            Issue.record("expected an error, got \(t.shape) \(t.dtype)", sourceLocation: sourceLocation)
        } catch let error as EmberError {
            #expect(error.code == .invalidFile, sourceLocation: sourceLocation)
            #expect(error.description == message, sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func badMagicAndTruncatedHeaders() throws {
        let good = try NumPyFixtures.bytes("float32.npy")
        expectInvalid(Array(try NumPyFixtures.bytes("stored.npz").prefix(100)), "t.npy: not a .npy file (bad magic bytes 50 4b 03 04 2d 00)")
        expectInvalid([], "t.npy: the file is empty, not a .npy file")
        expectInvalid(Array(good.prefix(4)), "t.npy: truncated header (file is 4 bytes)")
        expectInvalid(Array(good.prefix(50)), "t.npy: truncated header (header length 118, but the file is 50 bytes)")
        var v4 = good
        v4[6] = 4
        expectInvalid(v4, "t.npy: unsupported .npy format version 4.0")
    }

    @Test func dataThatDisagreesWithTheHeader() throws {
        let good = try NumPyFixtures.bytes("float32.npy")
        expectInvalid(Array(good.dropLast(4)),
            "t.npy: truncated data: shape [2, 3] of float32 needs 24 bytes of data, but only 20 follow the header")
        expectInvalid(good + [0, 0, 0, 0],
            "t.npy: the header does not match the data: shape [2, 3] of float32 needs 24 bytes of data, but 28 follow the header")
        var lying = good
        lying[lying.firstIndex(of: UInt8(ascii: "("))! + 1] = UInt8(ascii: "4")  // 'shape': (4, 3)
        expectInvalid(lying,
            "t.npy: truncated data: shape [4, 3] of float32 needs 48 bytes of data, but only 24 follow the header")
        expectInvalid(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999, 99999999999), }"),
            "t.npy: shape [99999999999, 99999999999] is too large")
    }

    @Test func unsupportedDTypesFromNumPy() throws {
        let supported = "Ember reads bool, uint8, int8, int16, int32, int64, float16, float32 and float64"
        for (file, problem) in [
            ("complex64.npy", "unsupported dtype '<c8' (complex64); " + supported),
            ("uint16.npy", "unsupported dtype '<u2' (uint16); " + supported),
            ("object.npy", "object arrays (dtype '|O') hold pickled Python objects and are not supported"),
            ("structured.npy", "structured dtypes are not supported (descr [('x', '<f4'), ('y', '<i4')])"),
        ] {
            let path = NumPyFixtures.path(file)
            #expect { try NumPy.load(path) } throws: { error in
                (error as? EmberError)?.code == .invalidFile && "\(error)" == "\(path): \(problem)"
            }
        }
    }

    @Test func malformedHeaders() {
        let head = "{'descr': '<f4', 'fortran_order': False, "
        expectInvalid(npy("{'descr': '<f4', 'fortran_order': False}"),
            "t.npy: the header does not contain the keys descr, fortran_order and shape (found [\"descr\", \"fortran_order\"])")
        expectInvalid(npy(head + "'shape': (2,), 'extra': 1}"),
            "t.npy: the header does not contain the keys descr, fortran_order and shape (found [\"descr\", \"fortran_order\", \"shape\", \"extra\"])")
        expectInvalid(npy(head + "'shape': (-1,), }"), "t.npy: shape is not a tuple of sizes: (-1,)")
        expectInvalid(npy(head + "'shape': 3, }"), "t.npy: shape is not a tuple: 3")
        expectInvalid(npy("{'descr': '<f4', 'fortran_order': 0, 'shape': (2,), }"), "t.npy: fortran_order is not a bool: 0")
        expectInvalid(npy("{'descr': 4, 'fortran_order': False, 'shape': (2,), }"), "t.npy: descr is not a dtype string: 4")
        expectInvalid(npy("(1, 2)"), "t.npy: the header is not a dictionary: (1, 2)")
        expectInvalid(npy(head + "'shape': (2,"), "t.npy: cannot parse the header: unexpected end at header offset 54")
        expectInvalid(npy(head + "'shape': (2,), } x"), "t.npy: cannot parse the header: unexpected text after the dictionary at header offset 58")
        expectInvalid(npy(head + "'shape': " + String(repeating: "(", count: 40)),
            "t.npy: cannot parse the header: nesting too deep at header offset 65")
        expectInvalid(npy(head + "'shape': (2,), 'descr: 1}"), "t.npy: cannot parse the header: unterminated string at header offset 118")
    }

    @Test func python2LongsAndDoubleQuotesAreAccepted() throws {
        let t = try NumPy.decode(npy("{\"descr\": \"<i2\", \"fortran_order\": False, \"shape\": (2L, 1L)}", data: [1, 0, 0xFF, 0xFF]))
        #expect(t.shape == [2, 1] && t.scalars(as: Int16.self) == [1, -1])
    }

    @Test func everyTruncationThrows() throws {
        let file = try NumPyFixtures.bytes("fortran_i16_3d.npy")
        for n in 0..<file.count {
            #expect(throws: EmberError.self, "prefix \(n)") { try NumPy.decode(Array(file.prefix(n))) }
        }
        for archive in ["stored.npz", "compressed.npz", "zip64.npz"] {
            let bytes = try NumPyFixtures.bytes(archive)
            for n in 0..<bytes.count {
                #expect(throws: EmberError.self, "\(archive) prefix \(n)") { try NumPy.decodeArchive(Array(bytes.prefix(n))) }
            }
        }
    }

    @Test func everyFlippedByteThrowsOrReads() throws {
        // Whatever a damaged byte does, the reader must throw EmberError or return tensors
        // (the CRC catches damaged data; a damaged directory must not lead out of bounds).
        for archive in ["stored.npz", "compressed.npz", "zip64.npz"] {
            let bytes = try NumPyFixtures.bytes(archive)
            var failures = 0
            for i in bytes.indices {
                var damaged = bytes
                damaged[i] ^= 0xA5
                do { _ = try NumPy.decodeArchive(damaged) } catch is EmberError { failures += 1 }
            }
            #expect(failures > bytes.count / 2, "\(archive): only \(failures) of \(bytes.count) damaged bytes were noticed")
        }
    }
}
