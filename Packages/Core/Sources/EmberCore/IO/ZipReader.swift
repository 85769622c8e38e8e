/// One member of a ZIP archive, as its central directory describes it.
struct _ZipEntry {
    var name: String
    var flags: Int
    var method: Int
    var crc32: UInt32
    var compressedSize: Int
    var size: Int
    var localHeaderOffset: Int
}

/// Reads ZIP archives (the container of `.npz` files): the central directory, ZIP64
/// records where present, and stored or deflated members checked against their CRC-32.
/// Every offset is checked against the file's size before it is read.
enum _ZipReader {
    static let endSignature = 0x0605_4B50, zip64EndSignature = 0x0606_4B50, zip64LocatorSignature = 0x0706_4B50
    static let centralSignature = 0x0201_4B50, localSignature = 0x0403_4B50
    /// Deflate cannot expand data by more than about 1032:1; a larger claim is a lie.
    static let maxDeflateRatio = 1032

    /// The archive's members in central-directory order.
    static func entries(_ source: some _ByteSource, file: String) throws -> [_ZipEntry] {
        func bad(_ message: String) -> EmberError { EmberError(.invalidFile, "\(file): \(message)") }
        let (count, directory) = try directoryRange(source, bad: bad)
        let bytes = try source.bytes(directory)
        var entries: [_ZipEntry] = []
        var p = 0
        for i in 0..<count {
            guard p + 46 <= bytes.count, bytes.le32(p) == centralSignature else {
                throw bad("bad ZIP central directory (entry \(i) of \(count) is missing or damaged)")
            }
            let nameLength = bytes.le16(p + 28), extraLength = bytes.le16(p + 30), commentLength = bytes.le16(p + 32)
            let end = p + 46 + nameLength + extraLength + commentLength
            guard end <= bytes.count else { throw bad("bad ZIP central directory (entry \(i) runs past its end)") }
            var entry = _ZipEntry(
                name: String(decoding: bytes[p + 46 ..< p + 46 + nameLength], as: UTF8.self),
                flags: bytes.le16(p + 8), method: bytes.le16(p + 10), crc32: UInt32(bytes.le32(p + 16)),
                compressedSize: bytes.le32(p + 20), size: bytes.le32(p + 24), localHeaderOffset: bytes.le32(p + 42))
            let extra = Array(bytes[p + 46 + nameLength ..< p + 46 + nameLength + extraLength])
            try applyZip64(extra, to: &entry, bad: bad)
            entries.append(entry)
            p = end
        }
        return entries
    }

    /// The number of entries and the byte range of the central directory.
    private static func directoryRange(_ source: some _ByteSource, bad: (String) -> EmberError) throws -> (Int, Range<Int>) {
        let tailStart = max(0, source.count - (22 + 0xFFFF))
        let tail = try source.bytes(tailStart..<source.count)
        var found: Int?
        var i = tail.count - 22
        while i >= 0 {
            if tail.le32(i) == endSignature && i + 22 + tail.le16(i + 20) <= tail.count { found = i; break }
            i -= 1
        }
        guard let e = found else { throw bad("not a ZIP archive (no end-of-central-directory record)") }
        let endOffset = tailStart + e
        var count = tail.le16(e + 10), size = tail.le32(e + 12), offset = tail.le32(e + 16)
        guard tail.le16(e + 4) == 0, tail.le16(e + 6) == 0 else { throw bad("multi-disk ZIP archives are not supported") }
        var directoryEnd = endOffset
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            guard endOffset >= 20 else { throw bad("bad ZIP64 end-of-central-directory locator") }
            let locator = try source.bytes(endOffset - 20..<endOffset)
            guard locator.le32(0) == zip64LocatorSignature else { throw bad("bad ZIP64 end-of-central-directory locator") }
            let recordOffset = try checkedInt(locator.le64(8), bad: bad)
            guard recordOffset <= endOffset - 20 - 56 else { throw bad("bad ZIP64 end-of-central-directory record") }
            let record = try source.bytes(recordOffset..<recordOffset + 56)
            guard record.le32(0) == zip64EndSignature else { throw bad("bad ZIP64 end-of-central-directory record") }
            count = try checkedInt(record.le64(32), bad: bad)
            size = try checkedInt(record.le64(40), bad: bad)
            offset = try checkedInt(record.le64(48), bad: bad)
            directoryEnd = recordOffset
        }
        guard offset <= directoryEnd, size <= directoryEnd - offset else {
            throw bad("bad ZIP archive (the central directory at \(offset), \(size) bytes, lies outside the file)")
        }
        guard count <= size / 46 else { throw bad("bad ZIP archive (\(count) entries cannot fit in a \(size)-byte directory)") }
        return (count, offset..<offset + size)
    }

    /// Replaces 0xFFFFFFFF sizes and offsets with the 64-bit values of a ZIP64 extra field.
    private static func applyZip64(_ extra: [UInt8], to entry: inout _ZipEntry, bad: (String) -> EmberError) throws {
        guard entry.size == 0xFFFF_FFFF || entry.compressedSize == 0xFFFF_FFFF || entry.localHeaderOffset == 0xFFFF_FFFF
        else { return }
        var p = 0
        while p + 4 <= extra.count {
            let id = extra.le16(p), length = extra.le16(p + 2)
            guard p + 4 + length <= extra.count else { break }
            if id == 0x0001 {
                var q = p + 4
                func next() throws -> Int {
                    guard q + 8 <= p + 4 + length else { throw bad("bad ZIP64 extra field for '\(entry.name)'") }
                    defer { q += 8 }
                    return try checkedInt(extra.le64(q), bad: bad)
                }
                if entry.size == 0xFFFF_FFFF { entry.size = try next() }
                if entry.compressedSize == 0xFFFF_FFFF { entry.compressedSize = try next() }
                if entry.localHeaderOffset == 0xFFFF_FFFF { entry.localHeaderOffset = try next() }
                return
            }
            p += 4 + length
        }
        throw bad("'\(entry.name)' needs a ZIP64 extra field, but has none")
    }

    private static func checkedInt(_ v: UInt64, bad: (String) -> EmberError) throws -> Int {
        guard v <= UInt64(Int.max / 2) else { throw bad("bad ZIP archive (offset or size \(v) is impossible)") }
        return Int(v)
    }

    /// The uncompressed bytes of `entry`, checked against its size and CRC-32.
    static func contents(of entry: _ZipEntry, in source: some _ByteSource, file: String) throws -> [UInt8] {
        func bad(_ message: String) -> EmberError { EmberError(.invalidFile, "\(file): member '\(entry.name)': \(message)") }
        guard entry.flags & 1 == 0 else { throw bad("encrypted ZIP members are not supported") }
        let h = entry.localHeaderOffset
        guard h <= source.count - 30 else { throw bad("local header at \(h) lies outside the file") }
        let local = try source.bytes(h..<h + 30)
        guard local.le32(0) == localSignature else { throw bad("bad local header signature at offset \(h)") }
        let start = h + 30 + local.le16(26) + local.le16(28)
        guard start <= source.count, entry.compressedSize <= source.count - start else {
            throw bad("truncated data (\(entry.compressedSize) bytes at offset \(start), but the file is \(source.count) bytes)")
        }
        let raw = try source.bytes(start..<start + entry.compressedSize)
        let data: [UInt8]
        switch entry.method {
        case 0:
            guard entry.size == entry.compressedSize else {
                throw bad("stored member's sizes disagree (\(entry.compressedSize) stored, \(entry.size) recorded)")
            }
            data = raw
        case 8:
            guard entry.size / maxDeflateRatio <= entry.compressedSize + 1 else {
                throw bad("claims \(entry.size) bytes from \(entry.compressedSize) compressed, more than deflate can produce")
            }
            switch _Zlib.inflate(raw, expectedCount: entry.size) {
            case .success(let d): data = d
            case .failure(let f): throw bad(f.reason)
            }
        default:
            throw bad("unsupported ZIP compression method \(entry.method) (Ember reads stored and deflated members)")
        }
        let crc = data.withUnsafeBytes { _Zlib.crc32($0) }
        guard crc == entry.crc32 else {
            throw bad("CRC-32 mismatch (recorded \(hex32(entry.crc32)), computed \(hex32(crc)))")
        }
        return data
    }

    static func hex32(_ v: UInt32) -> String {
        let s = String(v, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - s.count) + s
    }
}
