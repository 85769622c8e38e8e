@_spi(EmberBackend) import EmberCore

// How a strided matrix reaches BLAS. BLAS reads a matrix as rows `ld` elements apart with
// unit column stride, optionally transposed; that covers row-major and column-major views
// (contiguous, transposed, sliced along rows or columns) without a copy. Anything else
// (element strides other than 1, zero strides of broadcasts, negative strides) is packed
// into a contiguous row-major copy first.

/// A matrix as BLAS reads it, in row-major (`CblasRowMajor`) terms.
struct BLASOperand<T> {
    /// Element (0, 0) of the stored matrix.
    var base: UnsafePointer<T>
    /// Whether the stored matrix is the transpose of the operand (`CblasTrans`).
    var transposed: Bool
    /// The leading dimension: the distance between stored rows.
    var ld: Int

    /// The layout of a `rows×cols` view with the given strides that BLAS can read in place,
    /// if there is one. A stride along a dimension of size 1 is never read, so it is free.
    static func inPlace(_ view: MatrixView<T>, rows: Int, cols: Int) -> BLASOperand? {
        let rs = view.rowStride, cs = view.columnStride
        if cs == 1 || cols == 1 {
            let ld = rows == 1 ? Swift.max(cols, 1) : rs
            if ld >= Swift.max(cols, 1) && ld <= Int(Int32.max) {
                return BLASOperand(base: view.base, transposed: false, ld: ld)
            }
        }
        if rs == 1 || rows == 1 {
            let ld = cols == 1 ? Swift.max(rows, 1) : cs
            if ld >= Swift.max(rows, 1) && ld <= Int(Int32.max) {
                return BLASOperand(base: view.base, transposed: true, ld: ld)
            }
        }
        return nil
    }

    /// Calls `body` with `view` as BLAS reads it: in place when possible, else a packed
    /// row-major copy that lives for the call.
    static func with<R>(_ view: MatrixView<T>, rows: Int, cols: Int, _ body: (BLASOperand<T>) -> R) -> R {
        if let operand = inPlace(view, rows: rows, cols: cols) { return body(operand) }
        let buffer = UnsafeMutablePointer<T>.allocate(capacity: rows * cols)
        defer { buffer.deallocate() }
        for i in 0..<rows {
            let source = view.base + i * view.rowStride, row = buffer + i * cols
            for j in 0..<cols { row[j] = source[j * view.columnStride] }
        }
        return body(BLASOperand(base: UnsafePointer(buffer), transposed: false, ld: cols))
    }
}
