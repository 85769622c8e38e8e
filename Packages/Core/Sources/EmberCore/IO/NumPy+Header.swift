/// The `.npy` header: magic, version, and a Python dict with `descr`, `fortran_order` and
/// `shape`.
///
/// ```
/// \x93NUMPY 01 00 <u16 length> {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }   \n
/// ```
/// Versions 2.0 and 3.0 have a 32-bit length; 3.0's header is UTF-8 instead of Latin-1.
/// NumPy pads the header with spaces so that the data starts at a multiple of 64 bytes.
extension NumPy {
    static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)
    /// Headers larger than this are refused (NumPy's own default limit is 10,000 bytes).
    static let maxHeaderLength = 1 << 20
    static let alignment = 64
    /// NumPy leaves room in the header for the growing axis to reach this many digits.
    static let growthAxisMaxDigits = 21

    /// A parsed header.
    struct Header {
        var dtype: DType
        var byteOrder: ByteOrder
        var fortranOrder: Bool
        var shape: [Int]
        /// Where the element data starts in the file.
        var dataOffset: Int
        /// The number of bytes the elements occupy.
        var dataByteCount: Int
    }

    /// Reads and checks the header at the start of `source`; `file` names it in messages.
    static func readHeader(_ source: some _ByteSource, file: String) throws -> Header {
        func bad(_ message: String) -> EmberError { EmberError(.invalidFile, "\(file): \(message)") }
        let prefix = try source.bytes(0..<min(source.count, 12))
        guard !prefix.isEmpty else { throw bad("the file is empty, not a .npy file") }
        guard magic.starts(with: prefix.prefix(6)) else {
            throw bad("not a .npy file (bad magic bytes \(hex(prefix.prefix(6))))")
        }
        guard prefix.count >= 10 else { throw bad("truncated header (file is \(source.count) bytes)") }
        let (major, minor) = (prefix[6], prefix[7])
        let start: Int, length: Int
        switch major {
        case 1: (start, length) = (10, prefix.le16(8))
        case 2, 3:
            guard prefix.count >= 12 else { throw bad("truncated header (file is \(source.count) bytes)") }
            (start, length) = (12, prefix.le32(8))
        default: throw bad("unsupported .npy format version \(major).\(minor)")
        }
        guard length <= maxHeaderLength else {
            throw bad("header length \(length) is larger than the \(maxHeaderLength)-byte limit")
        }
        guard start + length <= source.count else {
            throw bad("truncated header (header length \(length), but the file is \(source.count) bytes)")
        }
        var header = try parseDict(try source.bytes(start..<start + length), bad: bad)
        header.dataOffset = start + length
        let available = source.count - header.dataOffset
        guard available == header.dataByteCount else {
            let expected = "shape \(header.shape) of \(header.dtype) needs \(header.dataByteCount) bytes of data"
            if available < header.dataByteCount { throw bad("truncated data: \(expected), but only \(available) follow the header") }
            throw bad("the header does not match the data: \(expected), but \(available) follow the header")
        }
        return header
    }

    private static func parseDict(_ bytes: [UInt8], bad: (String) -> EmberError) throws -> Header {
        let literal: _PythonLiteral
        do { literal = try _PythonLiteral(parsing: bytes) } catch { throw bad("cannot parse the header: \(error.message)") }
        guard case .dict(let pairs) = literal else { throw bad("the header is not a dictionary: \(literal)") }
        let keys = pairs.map(\.key)
        guard keys.sorted() == ["descr", "fortran_order", "shape"] else {
            throw bad("the header does not contain the keys descr, fortran_order and shape (found \(keys))")
        }
        let values = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        guard case .string(let descr) = values["descr"]! else {
            if case .list = values["descr"]! { throw bad("structured dtypes are not supported (descr \(values["descr"]!))") }
            throw bad("descr is not a dtype string: \(values["descr"]!)")
        }
        guard case .bool(let fortranOrder) = values["fortran_order"]! else {
            throw bad("fortran_order is not a bool: \(values["fortran_order"]!)")
        }
        guard case .tuple(let dims) = values["shape"]! else { throw bad("shape is not a tuple: \(values["shape"]!)") }
        var shape: [Int] = []
        for d in dims {
            guard case .int(let n) = d, n >= 0 else { throw bad("shape is not a tuple of sizes: \(values["shape"]!)") }
            shape.append(n)
        }
        let (dtype, order): (DType, ByteOrder)
        switch NumPy.dtype(forDescriptor: descr) {
        case .success(let v): (dtype, order) = v
        case .failure(let e): throw bad(e.message)
        }
        var byteCount = dtype.itemSize
        for n in shape {
            let (product, overflow) = byteCount.multipliedReportingOverflow(by: n)
            guard !overflow else { throw bad("shape \(shape) is too large") }
            byteCount = product
        }
        return Header(dtype: dtype, byteOrder: order, fortranOrder: fortranOrder, shape: shape,
                      dataOffset: 0, dataByteCount: byteCount)
    }

    /// The bytes NumPy writes before the data of an array with this layout (version 1.0,
    /// or 2.0 when the header needs more than 65,535 bytes).
    static func encodeHeader(descr: String, fortranOrder: Bool, shape: [Int]) -> [UInt8] {
        let shapeText = _PythonLiteral.tuple(shape.map { .int($0) }).description
        var text = "{'descr': '\(descr)', 'fortran_order': \(fortranOrder ? "True" : "False"), 'shape': \(shapeText), }"
        if let growing = fortranOrder ? shape.last : shape.first {
            text += String(repeating: " ", count: max(0, growthAxisMaxDigits - String(growing).count))
        }
        var body = Array(text.utf8)
        var prefixLength = 10
        var padding = alignment - (prefixLength + body.count + 1) % alignment
        if body.count + 1 + padding > Int(UInt16.max) {
            prefixLength = 12
            padding = alignment - (prefixLength + body.count + 1) % alignment
        }
        body += [UInt8](repeating: 0x20, count: padding) + [0x0A]
        var out = magic
        if prefixLength == 10 {
            out += [1, 0]
            out.appendLE16(body.count)
        } else {
            out += [2, 0]
            out.appendLE32(body.count)
        }
        return out + body
    }

    private static func hex(_ bytes: ArraySlice<UInt8>) -> String {
        let digits = Array("0123456789abcdef")
        return bytes.map { String([digits[Int($0 >> 4)], digits[Int($0 & 15)]]) }.joined(separator: " ")
    }
}
