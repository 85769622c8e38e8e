import EmberCore

/// Reads a CSV file into tensors chunk by chunk, so that files larger than memory stream
/// through a bounded buffer.
///
/// ```swift
/// let reader = try CSVReader(.file("big.csv"), columns: ["x", "y"])
/// while let chunk = try reader.nextChunk(maxRows: 65_536) {   // [≤ 65536, 2] float32
///     ...
/// }
/// ```
///
/// Every selected column is read as a number of `dtype`, except label-encoded ones (see
/// ``CSVOptions/labelEncoded``), whose texts become class indices numbered in order of first
/// appearance across the whole file; ``labelEncodings`` holds the mapping so far. Memory use
/// is the block buffer (``CSVOptions/blockSize``, grown only to fit one row) plus one chunk.
/// Chunks concatenated equal ``CSV/readTensor(_:columns:dtype:options:)`` of the same file.
public final class CSVReader {
    let scanner: _Scanner
    let parser: _TensorParser
    private let source: CSVSource
    private let options: CSVOptions
    /// Every column name of the file (the header, or "0", "1", ... without one).
    public let header: [String]
    /// The names of the selected columns, in tensor column order.
    public let columnNames: [String]
    /// The dtype of the chunks.
    public let dtype: DType
    /// The number of rows returned so far.
    public private(set) var rowsRead = 0

    /// Opens `source` and reads its header.
    /// - Parameters:
    ///   - columns: the columns to read, in order; nil reads every column.
    ///   - dtype: `.float32` (default), `.float64` or `.int64` (integers and labels only).
    /// - Throws: ``CSVError`` for an unreadable file, unknown columns or invalid options.
    public init(_ source: CSVSource, columns: [CSVColumnRef]? = nil, dtype: DType = .float32,
                options: CSVOptions = CSVOptions()) throws
    {
        let scanner = try _Scanner(source, options: options)
        let names = try scanner.readColumnNames(hasHeader: options.hasHeader)
        let indices = try columns.map { try _Columns.resolve($0, names: names, file: source.name) }
            ?? Array(names.indices)
        let spec = _GroupSpec(columns: indices, dtype: dtype)
        parser = try _TensorParser.make(scanner: scanner, names: names, specs: [spec], options: options)
        self.scanner = scanner
        self.source = source
        self.options = options
        header = names
        columnNames = indices.map { names[$0] }
        self.dtype = dtype
    }

    /// The next chunk of at most `maxRows` rows as a `[rows, columns]` tensor, or nil once
    /// every row has been read.
    /// - Throws: the ``CSVError`` of the first malformed row (unless skipped by the options).
    public func nextChunk(maxRows: Int) throws -> Tensor? {
        precondition(maxRows > 0, "nextChunk: maxRows must be positive (got \(maxRows))")
        parser.groups[0].rows = 0
        guard try parser.readRows(max: maxRows) > 0 else { return nil }
        rowsRead += parser.groups[0].rows
        return parser.groups[0].makeTensor()
    }

    /// Calls `body` with each remaining chunk of at most `maxRows` rows.
    public func forEachChunk(maxRows: Int, _ body: (Tensor) throws -> Void) throws {
        while let chunk = try nextChunk(maxRows: maxRows) { try body(chunk) }
    }

    /// Every remaining row as one `[rows, columns]` tensor. A large file without
    /// label-encoded columns is parsed by two threads, each taking half of it.
    public func readAll() throws -> Tensor {
        parser.groups[0].rows = 0
        try parser.readAll(source, options: options)
        defer { parser.parts = [] }
        rowsRead += parser.rowCount(0)
        return parser.makeTensor(0)
    }

    /// The class names of the label-encoded columns seen so far, by column name.
    public var labelEncodings: [String: LabelEncoding] { parser.labelEncodings }

    /// The number of malformed rows left out under ``CSVBadRowPolicy/skip``.
    public var skippedRows: Int { parser.skippedRows }
}
