/// The variable-length-code LZW that GIF image data uses (GIF89a, appendix F).
///
/// Codes start at `minCodeSize + 1` bits and grow by one bit each time the next free code
/// reaches a power of two, up to 12 bits; a full table (4096 codes) is reset with a clear
/// code. The first code of a stream is a clear code, the last the end-of-information code.
/// Codes are packed least-significant bit first, as GIF requires.
public enum GIFLZW {
    /// Compresses colour indices (each below `1 << minCodeSize`) to GIF's LZW bit stream,
    /// before its division into sub-blocks.
    /// - Parameter minCodeSize: 2...8, the bits of the largest index (at least 2).
    /// - Complexity: O(n) expected (a hash table of the current strings).
    public static func encode(_ indices: some Collection<UInt8>, minCodeSize: Int) -> [UInt8] {
        precondition((2...8).contains(minCodeSize), "GIFLZW.encode: minCodeSize \(minCodeSize) outside 2...8")
        var out = _BitWriter()
        let clear = 1 << minCodeSize, end = clear + 1
        var table = _LZWTable()
        var codeSize = minCodeSize + 1
        var next = clear + 2
        out.write(clear, bits: codeSize)
        var iterator = indices.makeIterator()
        guard let first = iterator.next() else {
            out.write(end, bits: codeSize)
            return out.finish()
        }
        precondition(Int(first) < clear, "GIFLZW.encode: index \(first) needs more than \(minCodeSize) bits")
        var prefix = Int(first)
        while let byte = iterator.next() {
            let k = Int(byte)
            precondition(k < clear, "GIFLZW.encode: index \(k) needs more than \(minCodeSize) bits")
            if let code = table.find(prefix: prefix, k: k) {
                prefix = code
                continue
            }
            out.write(prefix, bits: codeSize)
            table.insert(prefix: prefix, k: k, code: next)
            if next == 1 << codeSize { codeSize += 1 }
            next += 1
            if next == 4096 {
                out.write(clear, bits: codeSize)
                table.removeAll()
                codeSize = minCodeSize + 1
                next = clear + 2
            }
            prefix = k
        }
        out.write(prefix, bits: codeSize)
        // The decoder adds an entry for this last code too: the end code may need one more bit.
        if next == 1 << codeSize && codeSize < 12 { codeSize += 1 }
        out.write(end, bits: codeSize)
        return out.finish()
    }

    /// Decompresses a GIF LZW bit stream (sub-blocks already joined) to colour indices;
    /// throws ``ImageError/Reason/decode`` on an invalid code.
    public static func decode(_ data: [UInt8], minCodeSize: Int) throws -> [UInt8] {
        let clear = 1 << minCodeSize, end = clear + 1
        var reader = _BitReader(data)
        var prefixes = [Int](repeating: -1, count: 4096)
        var suffixes = [UInt8](repeating: 0, count: 4096)
        var firsts = [UInt8](repeating: 0, count: 4096)
        var lengths = [Int](repeating: 0, count: 4096)
        for i in 0..<clear {
            suffixes[i] = UInt8(i)
            firsts[i] = UInt8(i)
            lengths[i] = 1
        }
        var out: [UInt8] = []
        var codeSize = minCodeSize + 1, next = clear + 2, previous = -1
        var scratch: [UInt8] = []
        while let code = reader.read(bits: codeSize) {
            if code == clear {
                codeSize = minCodeSize + 1
                next = clear + 2
                previous = -1
                continue
            }
            if code == end { return out }
            guard code < next || (code == next && previous >= 0) else {
                throw ImageError(.decode, file: "<lzw>", "GIF LZW: invalid code \(code) (next free \(next))")
            }
            if previous >= 0 && next < 4096 {
                prefixes[next] = previous
                firsts[next] = firsts[previous]
                suffixes[next] = code < next ? firsts[code] : firsts[previous]
                lengths[next] = lengths[previous] + 1
                next += 1
                if next == 1 << codeSize && codeSize < 12 { codeSize += 1 }
            }
            scratch.removeAll(keepingCapacity: true)
            var c = code
            while c >= 0 {
                scratch.append(suffixes[c])
                c = prefixes[c]
            }
            out.append(contentsOf: scratch.reversed())
            previous = code
        }
        throw ImageError(.decode, file: "<lzw>", "GIF LZW: data ended without an end code")
    }
}

/// Open-addressing map from (prefix code, next index) to the code of that string.
struct _LZWTable {
    private var keys = [Int32](repeating: -1, count: 8192)
    private var codes = [Int16](repeating: 0, count: 8192)

    func find(prefix: Int, k: Int) -> Int? {
        let key = Int32(prefix << 8 | k)
        var slot = Self.hash(key)
        while true {
            let stored = keys[slot]
            if stored == key { return Int(codes[slot]) }
            if stored < 0 { return nil }
            slot = (slot + 1) & 8191
        }
    }

    mutating func insert(prefix: Int, k: Int, code: Int) {
        let key = Int32(prefix << 8 | k)
        var slot = Self.hash(key)
        while keys[slot] >= 0 { slot = (slot + 1) & 8191 }
        keys[slot] = key
        codes[slot] = Int16(code)
    }

    mutating func removeAll() {
        for i in keys.indices { keys[i] = -1 }
    }

    static func hash(_ key: Int32) -> Int {
        Int((UInt32(bitPattern: key) &* 2_654_435_761) >> 19)
    }
}

/// Packs codes least-significant bit first.
struct _BitWriter {
    private var bytes: [UInt8] = []
    private var buffer: UInt32 = 0
    private var count = 0

    mutating func write(_ code: Int, bits: Int) {
        buffer |= UInt32(code) << UInt32(count)
        count += bits
        while count >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            count -= 8
        }
    }

    mutating func finish() -> [UInt8] {
        if count > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
        count = 0
        buffer = 0
        return bytes
    }
}

/// Reads codes least-significant bit first.
struct _BitReader {
    private let bytes: [UInt8]
    private var position = 0
    private var buffer: UInt32 = 0
    private var count = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func read(bits: Int) -> Int? {
        while count < bits {
            guard position < bytes.count else { return nil }
            buffer |= UInt32(bytes[position]) << UInt32(count)
            position += 1
            count += 8
        }
        let code = Int(buffer & ((1 << UInt32(bits)) - 1))
        buffer >>= UInt32(bits)
        count -= bits
        return code
    }
}
