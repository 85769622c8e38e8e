/// A column of a CSV file, named by its header text or by its 0-based position.
///
/// String and integer literals convert: `columns: ["SepalLengthCm", 2]`.
public enum CSVColumnRef: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    CustomStringConvertible
{
    /// The column whose header field is this text.
    case name(String)
    /// The column at this 0-based position.
    case index(Int)

    /// `.name(value)`.
    public init(stringLiteral value: String) { self = .name(value) }
    /// `.index(value)`.
    public init(integerLiteral value: Int) { self = .index(value) }

    /// `'name'` or `#index`.
    public var description: String {
        switch self {
        case .name(let n): return "'\(n)'"
        case .index(let i): return "#\(i)"
        }
    }
}

/// The type of a column's values.
public enum CSVColumnType: String, Sendable, Hashable {
    /// Whole numbers that fit in `Int64`.
    case int64
    /// Decimal numbers (`Double`, rounded exactly as `strtod` and Python's `float()` round).
    /// Values beyond the range become ±infinity (`1e309`), tiny ones zero (`1e-400`), as
    /// there; `nan`, `inf` and `infinity` (any case, signed) are read as those values.
    case float64
    /// Text (UTF-8). Turned into class indices where a tensor is asked for.
    case string
}

/// What a missing field (an empty field, or one of ``CSVOptions/missingValues``) in a numeric
/// column becomes.
public enum CSVMissingValuePolicy: Sendable, Hashable {
    /// Throw ``CSVError/Reason/missingValue`` naming the line and column (the default).
    case error
    /// Not-a-number (an error in an integer column, which cannot hold NaN).
    case nan
    /// This value (in an integer column it must be a whole number).
    case fill(Double)
}

/// What a malformed row (wrong field count, unparsable number, bad quote, bad UTF-8, or a
/// missing value under `.error`) does.
public enum CSVBadRowPolicy: Sendable, Hashable {
    /// Throw the row's ``CSVError`` (the default).
    case error
    /// Leave the row out and count it (see `skippedRows` on the results and the reader).
    case skip
}

/// How to read a CSV file. The defaults read RFC 4180 files with a header row and fail
/// loudly on anything malformed or missing.
public struct CSVOptions: Sendable, Hashable {
    /// The field separator: one ASCII character other than the quote, CR and LF.
    public var delimiter: Unicode.Scalar = ","
    /// The quote character (RFC 4180: `"`; a doubled quote inside a quoted field is one quote).
    public var quote: Unicode.Scalar = "\""
    /// Whether the first row holds column names. Without one, columns are named "0", "1", ...
    public var hasHeader = true
    /// Field texts that mean "no value" in numeric columns (compared after trimming spaces).
    /// The empty field is always missing. Note that `nan` is a number (NaN), as for `float()`.
    public var missingValues: Set<String> = []
    /// What missing numeric values become.
    public var onMissing: CSVMissingValuePolicy = .error
    /// What malformed rows do.
    public var onBadRow: CSVBadRowPolicy = .error
    /// Declared column types; columns not listed are inferred (see ``inferenceRows``).
    public var columnTypes: [CSVColumnRef: CSVColumnType] = [:]
    /// Text columns whose values become class indices 0, 1, 2... in order of first
    /// appearance when read into a tensor. Columns typed `.string` in ``columnTypes`` and text
    /// target columns of a ``CSVDataset`` are encoded too.
    public var labelEncoded: [CSVColumnRef] = []
    /// Whether lines with no characters at all are left out (as pandas does) rather than
    /// read as a row of one empty field.
    public var skipBlankLines = true
    /// How many rows at the start of a file a streaming read looks at to infer the types of
    /// target columns (a whole-table read infers from every row).
    public var inferenceRows = 1000
    /// The size of the blocks the file is read in, in bytes. Memory stays within a few
    /// blocks plus one chunk of output (a row longer than a block grows the block).
    public var blockSize = 1 << 20
    /// Whole-file reads use two threads when each would parse at least this many bytes
    /// (tests lower it).
    var parallelThreshold = 4 << 20

    /// The default options.
    public init() {}
}
