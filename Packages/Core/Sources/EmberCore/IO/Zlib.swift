import CZlib

/// Raw deflate streams (as ZIP stores them: no zlib header, no checksum) and CRC-32,
/// through the system's zlib.
enum _Zlib {
    /// zlib's `uInt` counts are 32-bit: larger buffers go through in chunks.
    private static let chunk = Int(UInt32.max / 2)

    /// The CRC-32 of `bytes`, continuing from `crc` (0 to start).
    static func crc32(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        var value = UInt(crc)
        var offset = 0
        while offset < bytes.count {
            let n = min(chunk, bytes.count - offset)
            value = CZlib.crc32(value, bytes.baseAddress!.advanced(by: offset).assumingMemoryBound(to: Bytef.self), uInt(n))
            offset += n
        }
        return UInt32(truncatingIfNeeded: value)
    }

    /// Inflates a raw deflate stream that must produce exactly `expectedCount` bytes, or
    /// says why it does not.
    static func inflate(_ input: [UInt8], expectedCount: Int) -> Result<[UInt8], InflateFailure> {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return .failure(.init(reason: "zlib could not start inflating"))
        }
        defer { inflateEnd(&stream) }
        // One spare byte detects a stream that inflates to more than it should.
        var output = [UInt8](repeating: 0, count: expectedCount + 1)
        var failure: String?
        input.withUnsafeBytes { src in
            output.withUnsafeMutableBytes { dst in
                var inOffset = 0, outOffset = 0
                while true {
                    if stream.avail_in == 0 && inOffset < src.count {
                        let n = min(chunk, src.count - inOffset)
                        stream.next_in = UnsafeMutablePointer(mutating: src.baseAddress!.advanced(by: inOffset)
                            .assumingMemoryBound(to: Bytef.self))
                        stream.avail_in = uInt(n)
                        inOffset += n
                    }
                    if stream.avail_out == 0 && outOffset < dst.count {
                        let n = min(chunk, dst.count - outOffset)
                        stream.next_out = dst.baseAddress!.advanced(by: outOffset).assumingMemoryBound(to: Bytef.self)
                        stream.avail_out = uInt(n)
                        outOffset += n
                    }
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    if status == Z_OK { continue }
                    if status == Z_STREAM_END { return }
                    if status == Z_BUF_ERROR && stream.avail_out == 0 && outOffset == dst.count {
                        failure = "inflates to more than the \(expectedCount) bytes the directory records"
                    } else if status == Z_BUF_ERROR {
                        failure = "the deflate stream is truncated"
                    } else {
                        let detail = stream.msg.map { String(cString: $0) } ?? "zlib code \(status)"
                        failure = "corrupt deflate data (\(detail))"
                    }
                    return
                }
            }
        }
        if let failure { return .failure(.init(reason: failure)) }
        let produced = Int(stream.total_out)
        if produced > expectedCount {
            return .failure(.init(reason: "inflates to more than the \(expectedCount) bytes the directory records"))
        }
        if produced < expectedCount {
            return .failure(.init(reason: "inflates to \(produced) bytes, but the directory records \(expectedCount)"))
        }
        output.removeLast()
        return .success(output)
    }

    /// Why a stream did not inflate.
    struct InflateFailure: Error { let reason: String }

    /// Deflates `input` at zlib's default level into a raw stream.
    static func deflate(_ input: UnsafeRawBufferPointer) -> [UInt8] {
        var stream = z_stream()
        let status = deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                                   zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "zlib could not start deflating (\(status))")
        defer { deflateEnd(&stream) }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var inOffset = 0
        var result = Z_OK
        while result != Z_STREAM_END {
            if stream.avail_in == 0 && inOffset < input.count {
                let n = min(chunk, input.count - inOffset)
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress!.advanced(by: inOffset)
                    .assumingMemoryBound(to: Bytef.self))
                stream.avail_in = uInt(n)
                inOffset += n
            }
            let flush = inOffset == input.count ? Z_FINISH : Z_NO_FLUSH
            buffer.withUnsafeMutableBytes { out in
                stream.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(out.count)
                result = CZlib.deflate(&stream, flush)
                precondition(result == Z_OK || result == Z_STREAM_END || result == Z_BUF_ERROR,
                             "zlib deflate failed (\(result))")
                output.append(contentsOf: out.prefix(out.count - Int(stream.avail_out)))
            }
        }
        return output
    }
}
