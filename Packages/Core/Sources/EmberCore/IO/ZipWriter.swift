/// Writes a ZIP archive member by member into an atomic file: each member's local header
/// and data as it comes, then the central directory. Members are stored or deflated;
/// archives that would need ZIP64 (over 65,535 members or 4 GiB) are refused.
struct _ZipWriter {
    private var offset = 0
    private var directory: [UInt8] = []
    private var count = 0
    let file: String

    init(file: String) { self.file = file }

    private func tooLarge() -> EmberError {
        EmberError(.invalidArgument, "\(file): the archive would need ZIP64 (over 65,535 members or 4 GiB), which Ember does not write")
    }

    /// Appends a member named `name` holding `data`.
    mutating func add(_ name: String, data: [UInt8], compressed: Bool, to out: inout _AtomicFileWriter) throws {
        let crc = data.withUnsafeBytes { _Zlib.crc32($0) }
        let payload = compressed ? data.withUnsafeBytes { _Zlib.deflate($0) } : data
        let nameBytes = Array(name.utf8)
        guard count < 0xFFFF, payload.count < 0xFFFF_FFFF, data.count < 0xFFFF_FFFF, offset < 0xFFFF_FFFF,
              nameBytes.count <= 0xFFFF else { throw tooLarge() }
        let flags = nameBytes.allSatisfy { $0 < 0x80 } ? 0 : 1 << 11  // bit 11: the name is UTF-8
        let method = compressed ? 8 : 0
        let version = compressed ? 20 : 10
        // Shared by the local header (from "version needed") and the directory entry.
        var common: [UInt8] = []
        common.appendLE16(version)
        common.appendLE16(flags)
        common.appendLE16(method)
        common.appendLE16(0)       // time 00:00:00
        common.appendLE16(0x21)    // date 1980-01-01: archives are reproducible
        common.appendLE32(Int(crc))
        common.appendLE32(payload.count)
        common.appendLE32(data.count)
        common.appendLE16(nameBytes.count)
        common.appendLE16(0)       // extra field length

        var local: [UInt8] = []
        local.appendLE32(_ZipReader.localSignature)
        local += common + nameBytes
        try out.write(local)
        try out.write(payload)

        directory.appendLE32(_ZipReader.centralSignature)
        directory.appendLE16(0x0314)  // made by: Unix, spec 2.0
        directory += common
        directory.appendLE16(0)       // comment length
        directory.appendLE16(0)       // disk number
        directory.appendLE16(0)       // internal attributes
        directory.appendLE32(0o100644 << 16)  // external attributes: regular file, rw-r--r--
        directory.appendLE32(offset)
        directory += nameBytes
        offset += local.count + payload.count
        count += 1
    }

    /// Writes the central directory and the end record.
    mutating func finish(to out: inout _AtomicFileWriter) throws {
        guard offset + directory.count < 0xFFFF_FFFF else { throw tooLarge() }
        var end: [UInt8] = []
        end.appendLE32(_ZipReader.endSignature)
        end.appendLE16(0)
        end.appendLE16(0)
        end.appendLE16(count)
        end.appendLE16(count)
        end.appendLE32(directory.count)
        end.appendLE32(offset)
        end.appendLE16(0)
        try out.write(directory)
        try out.write(end)
    }
}
