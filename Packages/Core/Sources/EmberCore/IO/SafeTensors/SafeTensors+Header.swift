/// Reading and checking the safetensors header:
///
/// ```
/// <u64 little-endian N> {"__metadata__":{"k":"v"},"w":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},...}<spaces> <data>
/// ```
/// Every tensor's `data_offsets` are relative to the data section; together they must tile it
/// exactly (no gaps, no overlaps, nothing left over), and each range must hold exactly
/// shape × dtype bytes. All of this is checked before a byte of data is read.
extension SafeTensors {
    /// Headers longer than this are refused (the limit of the safetensors crate).
    static let maxHeaderLength = 100_000_000

    /// One tensor's header entry, checked.
    struct Entry {
        var name: String
        var dtype: DType
        var shape: [Int]
        /// The tensor's bytes, relative to the start of the data section.
        var range: Range<Int>
    }

    /// A checked header: entries in data order, metadata, and where the data starts.
    struct Header {
        var entries: [Entry]
        var metadata: [String: String]?
        var dataStart: Int
    }

    /// Reads and checks the header at the start of `source`; `file` names it in errors.
    static func readHeader(_ source: some _ByteSource, file: String) throws -> Header {
        func fail(_ code: SafeTensorsError.Code, _ message: String) -> SafeTensorsError {
            SafeTensorsError(code, file: file, message)
        }
        guard source.count >= 8 else {
            throw fail(.truncated, "the file is \(source.count) bytes, too short for the 8-byte header length")
        }
        let length = try source.bytes(0..<8).le64(0)
        guard length <= UInt64(maxHeaderLength) else {
            throw fail(.invalidHeader, "header length \(length) is larger than the \(maxHeaderLength)-byte limit")
        }
        let dataStart = 8 + Int(length)
        guard dataStart <= source.count else {
            throw fail(.truncated, "header length \(length), but only \(source.count - 8) bytes follow the length")
        }
        let json: _JSONValue
        do {
            json = try _JSONParser.parse(try source.bytes(8..<dataStart))
        } catch let failure as _JSONParser.Failure {
            throw fail(.invalidHeader, "the header is not valid JSON: \(failure.message) at byte \(failure.offset) of the header")
        }
        guard case .object(let members) = json else {
            throw fail(.invalidHeader, "the header is \(json.summary), not a JSON object")
        }
        var header = Header(entries: [], metadata: nil, dataStart: dataStart)
        var seen = Set<String>()
        for member in members {
            let (key, value) = (member.key, member.value)
            guard seen.insert(key).inserted else {
                if key == "__metadata__" { throw fail(.invalidMetadata, "the header holds __metadata__ twice") }
                throw SafeTensorsError(.duplicateName, file: file, tensor: key, "the header names this tensor twice")
            }
            if key == "__metadata__" {
                header.metadata = try metadata(value, file: file)
            } else {
                header.entries.append(try entry(key, value, file: file))
            }
        }
        // Data order; stable, so that empty tensors at one offset keep the header's order.
        header.entries = header.entries.enumerated().sorted {
            ($0.element.range.lowerBound, $0.element.range.upperBound, $0.offset)
                < ($1.element.range.lowerBound, $1.element.range.upperBound, $1.offset)
        }.map(\.element)
        try checkLayout(header.entries, dataCount: source.count - dataStart, file: file)
        return header
    }

    private static func metadata(_ value: _JSONValue, file: String) throws -> [String: String] {
        guard case .object(let pairs) = value else {
            throw SafeTensorsError(.invalidMetadata, file: file, "__metadata__ is \(value.summary), not an object of strings")
        }
        var result: [String: String] = [:]
        for member in pairs {
            let (key, value) = (member.key, member.value)
            guard case .string(let s) = value else {
                throw SafeTensorsError(.invalidMetadata, file: file, "__metadata__ entry '\(key)' is \(value.summary), not a string")
            }
            guard result.updateValue(s, forKey: key) == nil else {
                throw SafeTensorsError(.invalidMetadata, file: file, "__metadata__ holds '\(key)' twice")
            }
        }
        return result
    }

    private static func entry(_ name: String, _ value: _JSONValue, file: String) throws -> Entry {
        func fail(_ code: SafeTensorsError.Code, _ message: String) -> SafeTensorsError {
            SafeTensorsError(code, file: file, tensor: name, message)
        }
        guard case .object(let fields) = value else {
            throw fail(.invalidHeader, "the entry is \(value.summary), not an object with dtype, shape and data_offsets")
        }
        func field(_ key: String) throws -> _JSONValue {
            let matches = fields.filter { $0.key == key }
            guard matches.count <= 1 else { throw fail(.invalidHeader, "the entry holds '\(key)' twice") }
            guard let match = matches.first else { throw fail(.invalidHeader, "the entry has no '\(key)'") }
            return match.value
        }
        guard case .string(let dtypeName) = try field("dtype") else {
            throw fail(.invalidHeader, "dtype is \(try field("dtype").summary), not a string")
        }
        guard let dtype = SafeTensors.dtype(named: dtypeName) else {
            throw fail(.unsupportedDType, "dtype \(dtypeName) is not supported (Ember reads \(supportedDTypeNames))")
        }
        let shape = try SafeTensors.shape(try field("shape"), fail: fail)
        guard case .array(let offsets) = try field("data_offsets") else {
            throw fail(.invalidOffsets, "data_offsets is \(try field("data_offsets").summary), not [begin, end]")
        }
        guard offsets.count == 2 else { throw fail(.invalidOffsets, "data_offsets holds \(offsets.count) values, not [begin, end]") }
        let bounds = try offsets.map { (v: _JSONValue) throws -> Int in
            switch integer(v) {
            case .value(let n): return n
            case .negative, .tooLarge, .notInteger: throw fail(.invalidOffsets, "data_offsets holds \(v.summary), not a byte offset")
            }
        }
        guard bounds[0] <= bounds[1] else { throw fail(.invalidOffsets, "data_offsets [\(bounds[0]), \(bounds[1])] end before they begin") }
        let count = shape.reduce(1, *)  // cannot overflow: shape() bounded the product
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: dtype.itemSize)
        guard !overflow, byteCount == bounds[1] - bounds[0] else {
            throw fail(.sizeMismatch, "shape \(shape) of \(dtypeName) needs \(overflow ? "more than \(Int.max)" : "\(byteCount)") bytes, "
                + "but data_offsets [\(bounds[0]), \(bounds[1])] hold \(bounds[1] - bounds[0])")
        }
        return Entry(name: name, dtype: dtype, shape: shape, range: bounds[0]..<bounds[1])
    }

    /// The sizes of a shape; their product (empty dimensions counted as 1, as strides count
    /// them) must fit in an `Int`.
    private static func shape(_ value: _JSONValue, fail: (SafeTensorsError.Code, String) -> SafeTensorsError) throws -> [Int] {
        guard case .array(let dims) = value else { throw fail(.invalidShape, "shape is \(value.summary), not an array") }
        var shape: [Int] = []
        var span = 1
        for dim in dims {
            switch integer(dim) {
            case .value(let n):
                shape.append(n)
                let (product, overflow) = span.multipliedReportingOverflow(by: Swift.max(n, 1))
                guard !overflow else { throw fail(.invalidShape, "shape \(describe(dims)) has too many elements") }
                span = product
            case .negative: throw fail(.invalidShape, "shape \(describe(dims)) has a negative size")
            case .tooLarge: throw fail(.invalidShape, "shape \(describe(dims)) has a size too large for Int")
            case .notInteger: throw fail(.invalidShape, "shape \(describe(dims)) holds \(dim.summary), not a size")
            }
        }
        return shape
    }

    private enum Integer { case value(Int), negative, tooLarge, notInteger }

    /// A non-negative JSON integer, or why the value is not one.
    private static func integer(_ value: _JSONValue) -> Integer {
        guard case .number(let text) = value, !text.contains(where: { ".eE".contains($0) }) else { return .notInteger }
        if text.hasPrefix("-") { return text == "-0" ? .value(0) : .negative }
        return Int(text).map { .value($0) } ?? .tooLarge
    }

    private static func describe(_ dims: [_JSONValue]) -> String {
        let texts = dims.map { (dim: _JSONValue) -> String in
            switch dim {
            case .number(let n): return n
            case .string(let s): return "\"\(s)\""
            default: return dim.summary
            }
        }
        return "[" + texts.joined(separator: ", ") + "]"
    }

    /// Checks that `entries` (in data order) tile `0..<dataCount` exactly.
    private static func checkLayout(_ entries: [Entry], dataCount: Int, file: String) throws {
        var end = 0
        var previous: Entry?
        for e in entries {
            func fail(_ code: SafeTensorsError.Code, _ message: String) -> SafeTensorsError {
                SafeTensorsError(code, file: file, tensor: e.name, message)
            }
            let offsets = "data_offsets [\(e.range.lowerBound), \(e.range.upperBound)]"
            if let p = previous, e.range.lowerBound < end {
                throw fail(.invalidOffsets, "\(offsets) overlap tensor '\(p.name)' at [\(p.range.lowerBound), \(p.range.upperBound)]")
            }
            guard e.range.lowerBound == end else {
                throw fail(.invalidOffsets, "\(offsets) leave a gap: the "
                    + (previous.map { "tensor '\($0.name)' ends at byte \(end)" } ?? "data starts at byte 0"))
            }
            guard e.range.upperBound <= dataCount else {
                throw fail(.truncated, "\(offsets) reach past the \(dataCount) bytes of data that follow the header")
            }
            end = e.range.upperBound
            previous = e
        }
        guard end == dataCount else {
            throw SafeTensorsError(.invalidOffsets, file: file,
                "the tensors cover \(end) bytes of data, but \(dataCount) bytes follow the header")
        }
    }
}
