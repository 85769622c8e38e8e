/// The error every EmberCSV function throws: where in which file, and why.
///
/// ``description`` reads like a compiler diagnostic, `file:line:column: message`, where
/// `line` is the 1-based physical line the offending field (or row) starts on and `column`
/// is the 1-based field number in the row:
///
/// ```
/// data.csv:7:3: unparsable number 'abc' in column 'PetalLengthCm'
/// data.csv:9:7: wrong field count: expected 6 fields, found 7
/// ```
///
/// Match on the reason with `catch CSVError.Reason.wrongFieldCount`.
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why a read failed. Extensible like `EmberError.Code`.
    public struct Reason: Hashable, Sendable, CustomStringConvertible {
        /// The reason's name.
        public let name: String
        /// Creates a reason.
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        /// A row with more or fewer fields than the header (or the first row).
        public static let wrongFieldCount = Reason("wrongFieldCount")
        /// A field in a numeric column that is not a number (or an integer out of range).
        public static let unparsableNumber = Reason("unparsableNumber")
        /// A quoted field that never closes before the end of the file.
        public static let unterminatedQuote = Reason("unterminatedQuote")
        /// A closing quote followed by something other than a delimiter or a line end.
        public static let unexpectedCharacter = Reason("unexpectedCharacter")
        /// Bytes that are not UTF-8 in a field read as text.
        public static let invalidUTF8 = Reason("invalidUTF8")
        /// An empty (or missing-marker) field under the `.error` missing-value policy.
        public static let missingValue = Reason("missingValue")
        /// A column name or index that the file does not have.
        public static let unknownColumn = Reason("unknownColumn")
        /// Options that contradict each other or the file (a bad delimiter, a bad dtype...).
        public static let invalidOptions = Reason("invalidOptions")
        /// A file that holds no header row, or cannot be opened or read.
        public static let io = Reason("io")
    }

    /// Why the read failed.
    public let reason: Reason
    /// The file's path, or the name given for in-memory data.
    public let file: String
    /// The 1-based line the offending field or row starts on, if the error concerns one.
    public let line: Int?
    /// The 1-based field number within the row, if the error concerns one field.
    public let column: Int?
    /// The explanation, without the location.
    public let message: String

    /// Creates an error.
    public init(_ reason: Reason, file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.reason = reason
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message` (the parts that are known).
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(message)"
    }
}

/// Lets `catch CSVError.Reason.unparsableNumber` match on the reason.
public func ~= (reason: CSVError.Reason, error: any Error) -> Bool {
    (error as? CSVError)?.reason == reason
}

extension CSVError {
    /// `'text'` with non-printable and non-UTF-8 bytes written as `\xHH`, cut after 40 bytes.
    static func quoted(_ bytes: UnsafeRawBufferPointer) -> String {
        var out = "'"
        let shown = bytes.prefix(40)
        var i = shown.startIndex
        while i < shown.endIndex {
            let b = shown[i]
            if b >= 0x20 && b < 0x7F && b != UInt8(ascii: "\\") {
                out.unicodeScalars.append(Unicode.Scalar(b))
                i += 1
                continue
            }
            if b >= 0x80, let (scalar, length) = decodeScalar(UnsafeRawBufferPointer(rebasing: shown[i...])) {
                out.unicodeScalars.append(scalar)
                i += length
                continue
            }
            out += b == UInt8(ascii: "\\") ? "\\\\" : "\\x" + hex(b)
            i += 1
        }
        return out + (bytes.count > 40 ? "...'" : "'")
    }

    /// Two upper-case hex digits.
    static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }

    /// The scalar a well-formed UTF-8 sequence at the start of `bytes` encodes, and its length.
    static func decodeScalar(_ bytes: UnsafeRawBufferPointer) -> (Unicode.Scalar, Int)? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let s) = decoder.decode(&iterator) else { return nil }
        return (s, UTF8.width(s))
    }
}
