// The operands of the reference matrix kernels: strided views over raw element pointers,
// and the element types those kernels support.

/// A read-only strided matrix: element (i, j) is `base[i * rowStride + j * columnStride]`.
/// Strides are in elements and may be zero (a broadcast row or column) or negative.
/// Sendable so that threads can share it: it is only ever read, while its tensor lives.
/// GEMM plugins receive their operands as these (``GEMMBackend``).
@_spi(EmberBackend)
public struct MatrixView<T>: @unchecked Sendable {
    /// Element (0, 0).
    public var base: UnsafePointer<T>
    /// The distance between rows.
    public var rowStride: Int
    /// The distance between columns.
    public var columnStride: Int

    /// A view of `base` with the given strides (in elements).
    public init(base: UnsafePointer<T>, rowStride: Int, columnStride: Int) {
        self.base = base
        self.rowStride = rowStride
        self.columnStride = columnStride
    }

    /// The same elements read as the transposed matrix.
    var transposed: MatrixView<T> { MatrixView(base: base, rowStride: columnStride, columnStride: rowStride) }

    /// The view starting `offset` elements further on.
    func advanced(by offset: Int) -> MatrixView<T> {
        MatrixView(base: base + offset, rowStride: rowStride, columnStride: columnStride)
    }
}

/// A writable row-major matrix with unit column stride: element (i, j) is
/// `base[i * rowStride + j]`. Every output the kernels write has this layout. Threads that
/// share one write disjoint rows.
@_spi(EmberBackend)
public struct OutputMatrix<T>: @unchecked Sendable {
    /// Element (0, 0).
    public var base: UnsafeMutablePointer<T>
    /// The distance between rows (the leading dimension).
    public var rowStride: Int

    /// An output of rows `rowStride` elements apart starting at `base`.
    public init(base: UnsafeMutablePointer<T>, rowStride: Int) {
        self.base = base
        self.rowStride = rowStride
    }
}

/// Element types with a reference matrix product: float32 and float64 through a packed,
/// register-tiled GEMM (``PackedGEMM``), the integer types through plain loops with
/// wrapping arithmetic (PyTorch's integer products wrap on overflow).
protocol LinalgElement: NumericElement {
    /// Converts an operator's `beta` or `alpha`: exactly for floats, truncated toward zero
    /// and wrapped for integers (`addmm(int, ..., beta=2.7)` scales by 2, as PyTorch does).
    static func coefficient(_ s: Scalar) -> Self

    /// `c = beta * c + alpha * a · b` for an `m×k` matrix `a` and a `k×n` matrix `b`.
    /// When `beta` is zero `c` is not read, so NaNs in it do not propagate (BLAS semantics).
    static func gemm(
        m: Int, n: Int, k: Int, alpha: Self, _ a: MatrixView<Self>, _ b: MatrixView<Self>,
        beta: Self, _ c: OutputMatrix<Self>)
}

extension Float: LinalgElement {
    static func coefficient(_ s: Scalar) -> Float { Float(s.doubleValue) }
    static func gemm(
        m: Int, n: Int, k: Int, alpha: Float, _ a: MatrixView<Float>, _ b: MatrixView<Float>,
        beta: Float, _ c: OutputMatrix<Float>
    ) { FloatGEMM.gemm(m: m, n: n, k: k, alpha: alpha, a, b, beta: beta, c) }
}

extension Double: LinalgElement {
    static func coefficient(_ s: Scalar) -> Double { s.doubleValue }
    static func gemm(
        m: Int, n: Int, k: Int, alpha: Double, _ a: MatrixView<Double>, _ b: MatrixView<Double>,
        beta: Double, _ c: OutputMatrix<Double>
    ) { FloatGEMM.gemm(m: m, n: n, k: k, alpha: alpha, a, b, beta: beta, c) }
}

extension LinalgElement where Self: IntegerNumericElement {
    static func coefficient(_ s: Scalar) -> Self { Self(truncatingIfNeeded: s.intValue) }
    static func gemm(
        m: Int, n: Int, k: Int, alpha: Self, _ a: MatrixView<Self>, _ b: MatrixView<Self>,
        beta: Self, _ c: OutputMatrix<Self>
    ) { IntegerGEMM.gemm(m: m, n: n, k: k, alpha: alpha, a, b, beta: beta, c) }
}

extension UInt8: LinalgElement {}
extension Int8: LinalgElement {}
extension Int16: LinalgElement {}
extension Int32: LinalgElement {}
extension Int64: LinalgElement {}

/// The integer matrix product: `i-p-j` loops (the inner loop runs along a row of `b` and of
/// `c`) with wrapping arithmetic, which is a ring, so the order of the sums cannot matter.
enum IntegerGEMM {
    static func gemm<T: IntegerNumericElement>(
        m: Int, n: Int, k: Int, alpha: T, _ a: MatrixView<T>, _ b: MatrixView<T>,
        beta: T, _ c: OutputMatrix<T>
    ) {
        for i in 0..<m {
            let row = c.base + i * c.rowStride
            if beta == 0 {
                for j in 0..<n { row[j] = 0 }
            } else if beta != 1 {
                for j in 0..<n { row[j] = row[j] &* beta }
            }
            for p in 0..<k {
                let aip = alpha &* a.base[i * a.rowStride + p * a.columnStride]
                if aip == 0 { continue }
                let bp = b.base + p * b.rowStride, bs = b.columnStride
                if bs == 1 {
                    for j in 0..<n { row[j] = row[j] &+ aip &* bp[j] }
                } else {
                    for j in 0..<n { row[j] = row[j] &+ aip &* bp[j * bs] }
                }
            }
        }
    }
}
