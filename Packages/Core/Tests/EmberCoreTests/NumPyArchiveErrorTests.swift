import Foundation
import Testing
@testable import EmberCore
import EmberTestSupport

/// Damaged `.npz` archives: each throws `invalidFile` with a message naming the archive and
/// the member.
@Suite struct NumPyArchiveErrorTests {
    func expectInvalid(_ bytes: [UInt8], _ message: String, prefixOnly: Bool = false,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let archive = try NumPy.decodeArchive(bytes, name: "a.npz")
            Issue.record("expected an error, got \(archive.names)", sourceLocation: sourceLocation)
        } catch let error as EmberError {
            #expect(error.code == .invalidFile, sourceLocation: sourceLocation)
            if prefixOnly {
                #expect(error.description.hasPrefix(message), "\(error)", sourceLocation: sourceLocation)
            } else {
                #expect(error.description == message, sourceLocation: sourceLocation)
            }
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }

    /// The offset of the central directory entry of member `index`.
    func directoryEntry(_ bytes: [UInt8], _ index: Int) -> Int {
        var p = bytes.le32(bytes.count - 6)
        for _ in 0..<index { p += 46 + bytes.le16(p + 28) + bytes.le16(p + 30) + bytes.le16(p + 32) }
        return p
    }

    func patch32(_ bytes: inout [UInt8], _ at: Int, _ value: Int) {
        for k in 0..<4 { bytes[at + k] = UInt8(truncatingIfNeeded: value >> (8 * k)) }
    }

    @Test func notAZipArchive() throws {
        expectInvalid([UInt8](repeating: 7, count: 100), "a.npz: not a ZIP archive (no end-of-central-directory record)")
        expectInvalid(try NumPyFixtures.bytes("float32.npy"), "a.npz: not a ZIP archive (no end-of-central-directory record)")
        var stored = try NumPyFixtures.bytes("stored.npz")
        patch32(&stored, stored.count - 6, 0x7FFF_0000)
        expectInvalid(stored, "a.npz: bad ZIP archive (the central directory at 2147418112, 164 bytes, lies outside the file)")
    }

    @Test func crcMismatch() throws {
        var stored = try NumPyFixtures.bytes("stored.npz")
        stored[30 + 10 + 20 + 150] ^= 1  // inside weight.npy's data
        expectInvalid(stored, "a.npz: member 'weight.npy': CRC-32 mismatch (recorded 0x11f7cb8d, computed", prefixOnly: true)
    }

    @Test func damagedDeflateStreams() throws {
        let original = try NumPyFixtures.bytes("compressed.npz")
        var badBlock = original
        badBlock[30 + 10 + 20] = 0xFF  // block type 3 is reserved
        expectInvalid(badBlock, "a.npz: member 'weight.npy': corrupt deflate data (invalid block type)")
        let entry = directoryEntry(original, 0)
        var short = original
        patch32(&short, entry + 20, 10)
        expectInvalid(short, "a.npz: member 'weight.npy': the deflate stream is truncated")
        var tooLong = original
        patch32(&tooLong, entry + 24, 100)
        expectInvalid(tooLong, "a.npz: member 'weight.npy': inflates to more than the 100 bytes the directory records")
        var tooShort = original
        patch32(&tooShort, entry + 24, 200)
        expectInvalid(tooShort, "a.npz: member 'weight.npy': inflates to 152 bytes, but the directory records 200")
        var bomb = original
        patch32(&bomb, entry + 24, 0x7000_0000)
        expectInvalid(bomb, "a.npz: member 'weight.npy': claims 1879048192 bytes from 94 compressed, more than deflate can produce")
    }

    @Test func damagedDirectoryEntries() throws {
        let original = try NumPyFixtures.bytes("stored.npz")
        let entry = directoryEntry(original, 0)
        var method = original
        method[entry + 10] = 12
        expectInvalid(method, "a.npz: member 'weight.npy': unsupported ZIP compression method 12 (Ember reads stored and deflated members)")
        var encrypted = original
        encrypted[entry + 8] |= 1
        expectInvalid(encrypted, "a.npz: member 'weight.npy': encrypted ZIP members are not supported")
        var offset = original
        patch32(&offset, entry + 42, 0x7FFF_FFFF)
        expectInvalid(offset, "a.npz: member 'weight.npy': local header at 2147483647 lies outside the file")
        var sizes = original
        patch32(&sizes, entry + 20, 100_000)
        patch32(&sizes, entry + 24, 100_000)
        expectInvalid(sizes, "a.npz: member 'weight.npy': truncated data (100000 bytes at offset 60, but the file is 794 bytes)")
        var count = original
        count[count.count - 12] = 200
        count[count.count - 14] = 200
        expectInvalid(count, "a.npz: bad ZIP archive (200 entries cannot fit in a 164-byte directory)")
        var duplicate = original
        let third = directoryEntry(original, 2)
        duplicate.replaceSubrange(third + 46 ..< third + 50, with: Array("bias".utf8))
        expectInvalid(duplicate, "a.npz: the archive holds 'bias' twice")
    }

    @Test func damagedMemberNamesTheMember() throws {
        var stored = try NumPyFixtures.bytes("stored.npz")
        // Turn bias.npy's magic into garbage and fix up the CRC so that only the .npy is bad.
        let entry = directoryEntry(stored, 1)
        let start = stored.le32(entry + 42) + 30 + stored.le16(stored.le32(entry + 42) + 26) + stored.le16(stored.le32(entry + 42) + 28)
        stored[start] = 0x00
        let crc = stored[start..<start + 148].withUnsafeBytes { _Zlib.crc32($0) }
        patch32(&stored, entry + 16, Int(crc))
        expectInvalid(stored, "a.npz: member 'bias.npy': not a .npy file (bad magic bytes 00 4e 55 4d 50 59)")
    }

    @Test func missingArchive() {
        #expect { try NumPy.loadArchive("/nonexistent/a.npz") } throws: {
            ($0 as? EmberError)?.code == .io && "\($0)" == "/nonexistent/a.npz: cannot open: No such file or directory"
        }
    }
}
