import EmberCore

/// A CSV file held as typed columns, like a small pandas DataFrame.
///
/// Each column's type is declared (``CSVOptions/columnTypes``) or inferred from every row:
/// `int64` when every value is a whole number that fits, `float64` when every value is a
/// number, `string` otherwise (a column with only missing values is `float64`). Missing
/// values in numeric columns follow ``CSVOptions/onMissing``; an integer column with
/// missing values under `.nan` becomes `float64`, as in pandas. Text columns keep their
/// texts verbatim (an empty field is the empty string).
///
/// Reading a table scans the file twice (infer, then convert) and holds every value: use
/// ``CSVReader`` for files larger than memory.
public struct CSVTable: Sendable {
    /// The values of one column.
    public enum Column: Sendable, Hashable {
        case int64([Int64])
        case float64([Double])
        case string([String])

        /// The column's type.
        public var type: CSVColumnType {
            switch self {
            case .int64: return .int64
            case .float64: return .float64
            case .string: return .string
            }
        }

        /// The number of values.
        public var count: Int {
            switch self {
            case .int64(let v): return v.count
            case .float64(let v): return v.count
            case .string(let v): return v.count
            }
        }
    }

    /// The names of the columns, in order.
    public let columnNames: [String]
    /// The columns, in order.
    public let columns: [Column]
    /// The number of rows.
    public let rowCount: Int
    /// The number of malformed rows left out under ``CSVBadRowPolicy/skip``.
    public let skippedRows: Int
    /// The source's name, for errors.
    public let sourceName: String

    init(columnNames: [String], columns: [Column], rowCount: Int, skippedRows: Int, sourceName: String) {
        self.columnNames = columnNames
        self.columns = columns
        self.rowCount = rowCount
        self.skippedRows = skippedRows
        self.sourceName = sourceName
    }

    /// The column named `name` (the first, if several share it).
    public subscript(name: String) -> Column? {
        columnNames.firstIndex(of: name).map { columns[$0] }
    }

    /// The column `ref` names.
    public func column(_ ref: CSVColumnRef) throws -> Column {
        columns[try _Columns.resolve(ref, names: columnNames, file: sourceName)]
    }

    /// The numeric columns `refs` over `rows` (all rows by default) as a `[rows, columns]`
    /// tensor. Text columns are refused: use ``labels(_:rows:)``.
    /// - Parameter dtype: `.float32` (default), `.float64`, or `.int64` (integer columns only).
    public func tensor(_ refs: [CSVColumnRef], rows: Range<Int>? = nil, dtype: DType = .float32) throws -> Tensor {
        let indices = try _Columns.resolve(refs, names: columnNames, file: sourceName)
        let range = try checkedRows(rows)
        guard dtype == .float32 || dtype == .float64 || dtype == .int64 else {
            throw CSVError(.invalidOptions, file: sourceName, "cannot make a \(dtype) tensor: use float32, float64 or int64")
        }
        let width = indices.count
        var doubles = [Double](repeating: 0, count: dtype == .int64 ? 0 : range.count * width)
        var ints = [Int64](repeating: 0, count: dtype == .int64 ? range.count * width : 0)
        for (k, c) in indices.enumerated() {
            switch columns[c] {
            case .int64(let v):
                for (r, i) in range.enumerated() {
                    if dtype == .int64 { ints[r * width + k] = v[i] } else { doubles[r * width + k] = Double(v[i]) }
                }
            case .float64(let v):
                guard dtype != .int64 else {
                    throw CSVError(.invalidOptions, file: sourceName, "column '\(columnNames[c])' is float64, not int64")
                }
                for (r, i) in range.enumerated() { doubles[r * width + k] = v[i] }
            case .string:
                throw CSVError(.invalidOptions, file: sourceName,
                    "column '\(columnNames[c])' holds text: read it with labels(_:) or label-encode it")
            }
        }
        if dtype == .int64 { return Tensor(ints, shape: [range.count, width]) }
        if dtype == .float64 { return Tensor(doubles, shape: [range.count, width]) }
        return Tensor(doubles.map { Float($0) }, shape: [range.count, width])
    }

    /// A text column's values over `rows` as int64 class indices (`[rows]`), numbered in
    /// order of first appearance within those rows, with the mapping.
    public func labels(_ ref: CSVColumnRef, rows: Range<Int>? = nil) throws -> (Tensor, LabelEncoding) {
        let c = try _Columns.resolve(ref, names: columnNames, file: sourceName)
        guard case .string(let texts) = columns[c] else {
            throw CSVError(.invalidOptions, file: sourceName, "column '\(columnNames[c])' is \(columns[c].type), not text")
        }
        let encoder = _LabelEncoder(column: columnNames[c])
        let codes = try checkedRows(rows).map { Int64(encoder.code(for: texts[$0])) }
        return (Tensor(codes, shape: [codes.count]), encoder.encoding)
    }

    private func checkedRows(_ rows: Range<Int>?) throws -> Range<Int> {
        let range = rows ?? 0..<rowCount
        guard range.lowerBound >= 0 && range.upperBound <= rowCount else {
            throw CSVError(.invalidOptions, file: sourceName, "rows \(range) are out of range for a table of \(rowCount) rows")
        }
        return range
    }
}
