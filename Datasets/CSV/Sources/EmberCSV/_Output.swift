import EmberCore
import Glibc

/// How a field is converted.
enum _Kind: UInt8 {
    /// Not selected: scanned over, never converted.
    case skip
    /// A decimal number.
    case number
    /// A whole number (`Int64`).
    case integer
    /// Text turned into a class index.
    case label
}

/// The element type a converted field is stored as.
enum _Store: UInt8 {
    case float32, float64, int64

    init(_ dtype: DType) {
        switch dtype {
        case .float64: self = .float64
        case .int64: self = .int64
        default: self = .float32
        }
    }
}

/// Where one field of a row goes.
struct _FieldPlan {
    var kind: _Kind = .skip
    var store: _Store = .float32
    /// The output group (0: features or the only tensor; 1: targets).
    var group: Int = 0
    /// The byte offset of the field's element within the group's row.
    var offset: Int = 0
    /// The label encoder, for `.label`.
    var encoder: Int = -1
}

/// A growable row-major matrix of one dtype that rows are written into. A plain struct that
/// owns malloc'd memory: its owner calls ``release()``.
struct _OutputGroup {
    let dtype: DType
    let width: Int
    let rowBytes: Int
    /// Whether a one-column group becomes a 1-d tensor.
    let squeezesSingleColumn: Bool
    private(set) var data: UnsafeMutableRawPointer
    private(set) var capacityRows: Int
    /// The number of complete rows written.
    var rows = 0

    init(dtype: DType, width: Int, squeezesSingleColumn: Bool, initialRows: Int = 1024) {
        self.dtype = dtype
        self.width = width
        self.squeezesSingleColumn = squeezesSingleColumn
        rowBytes = width * dtype.itemSize
        capacityRows = max(initialRows, 1)
        data = malloc(max(capacityRows * rowBytes, 1))!
    }

    /// Frees the memory.
    func release() { free(data) }

    /// The start of row `rows` (the next row), growing the buffer when it is full.
    @inline(__always)
    mutating func nextRowPointer() -> UnsafeMutableRawPointer {
        if rows == capacityRows { grow() }
        return data + rows * rowBytes
    }

    @inline(never)
    private mutating func grow() {
        capacityRows *= 2
        data = realloc(data, max(capacityRows * rowBytes, 1))!
    }

    /// The rows written so far as a new contiguous tensor: `[rows, width]`, or `[rows]` for
    /// a squeezed single column.
    func makeTensor() -> Tensor {
        let shape = squeezesSingleColumn && width == 1 ? [rows] : [rows, width]
        let t = Tensor(empty: shape, dtype: dtype)
        if rows * rowBytes > 0 { t.dataPointer.copyMemory(from: data, byteCount: rows * rowBytes) }
        return t
    }
}

/// Assigns class indices to the texts of one column in order of first appearance.
final class _LabelEncoder {
    let column: String
    private(set) var classes: [String] = []
    private var codes: [String: Int] = [:]

    init(column: String, classes: [String] = []) {
        self.column = column
        for c in classes { _ = code(for: c) }
    }

    /// The index of `label`, adding it as a new class when unseen.
    func code(for label: String) -> Int {
        if let c = codes[label] { return c }
        codes[label] = classes.count
        classes.append(label)
        return classes.count - 1
    }

    /// A snapshot for users.
    var encoding: LabelEncoding { LabelEncoding(column: column, classes: classes) }
}
