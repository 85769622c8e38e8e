@_spi(EmberBackend) import EmberCore
import CBLAS

// The GEMM routines EmberBLAS gives Core: `sgemm`/`dgemm` (large products split over
// Core's pool by BLASSplit), or `sgemv`/`dgemv` when one side of the product is a single
// row or column. Core calls them only with m, n, k > 0 and
// alpha ≠ 0. When beta is zero NaNs already in the output never propagate (tested for
// the small-matrix and the blocked ?gemm paths and for ?gemv).

/// float32 and float64, with their CBLAS entry points.
protocol BLASFloat: BinaryFloatingPoint {
    /// `cblas_?gemm` in row-major order.
    static func gemm(_ ta: Bool, _ tb: Bool, _ m: Int32, _ n: Int32, _ k: Int32, _ alpha: Self,
                     _ a: UnsafePointer<Self>, _ lda: Int32, _ b: UnsafePointer<Self>, _ ldb: Int32,
                     _ beta: Self, _ c: UnsafeMutablePointer<Self>, _ ldc: Int32)
    /// `cblas_?gemv` in row-major order: `y = alpha · op(a) · x + beta · y`, `a` stored `m×n`.
    static func gemv(_ ta: Bool, _ m: Int32, _ n: Int32, _ alpha: Self, _ a: UnsafePointer<Self>, _ lda: Int32,
                     _ x: UnsafePointer<Self>, _ incx: Int32, _ beta: Self, _ y: UnsafeMutablePointer<Self>, _ incy: Int32)
}

@inline(__always)
private func flag(_ transposed: Bool) -> CBLAS_TRANSPOSE { transposed ? CblasTrans : CblasNoTrans }

extension Float: BLASFloat {
    static func gemm(_ ta: Bool, _ tb: Bool, _ m: Int32, _ n: Int32, _ k: Int32, _ alpha: Float,
                     _ a: UnsafePointer<Float>, _ lda: Int32, _ b: UnsafePointer<Float>, _ ldb: Int32,
                     _ beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int32) {
        cblas_sgemm(CblasRowMajor, flag(ta), flag(tb), m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }

    static func gemv(_ ta: Bool, _ m: Int32, _ n: Int32, _ alpha: Float, _ a: UnsafePointer<Float>, _ lda: Int32,
                     _ x: UnsafePointer<Float>, _ incx: Int32, _ beta: Float, _ y: UnsafeMutablePointer<Float>, _ incy: Int32) {
        cblas_sgemv(CblasRowMajor, flag(ta), m, n, alpha, a, lda, x, incx, beta, y, incy)
    }
}

extension Double: BLASFloat {
    static func gemm(_ ta: Bool, _ tb: Bool, _ m: Int32, _ n: Int32, _ k: Int32, _ alpha: Double,
                     _ a: UnsafePointer<Double>, _ lda: Int32, _ b: UnsafePointer<Double>, _ ldb: Int32,
                     _ beta: Double, _ c: UnsafeMutablePointer<Double>, _ ldc: Int32) {
        cblas_dgemm(CblasRowMajor, flag(ta), flag(tb), m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }

    static func gemv(_ ta: Bool, _ m: Int32, _ n: Int32, _ alpha: Double, _ a: UnsafePointer<Double>, _ lda: Int32,
                     _ x: UnsafePointer<Double>, _ incx: Int32, _ beta: Double, _ y: UnsafeMutablePointer<Double>, _ incy: Int32) {
        cblas_dgemv(CblasRowMajor, flag(ta), m, n, alpha, a, lda, x, incx, beta, y, incy)
    }
}

/// The routine behind ``EmberBLAS``'s kernels.
enum BLASGEMM {
    /// `c = beta * c + alpha * a · b` through BLAS (see ``GEMMRoutine``).
    static func gemm<T: BLASFloat>(
        m: Int, n: Int, k: Int, alpha: T, _ a: MatrixView<T>, _ b: MatrixView<T>, beta: T, _ c: OutputMatrix<T>
    ) {
        precondition(m <= Int(Int32.max) && n <= Int(Int32.max) && k <= Int(Int32.max) && c.rowStride <= Int(Int32.max),
                     "EmberBLAS: matrix dimensions beyond BLAS's 32-bit sizes")
        // ?gemv computes beta · y first, and 0 · NaN is NaN in some builds: a zero beta
        // zeroes a vector output. OpenBLAS's ?gemm never reads C when beta is zero (its
        // beta pass stores zeros; the small-matrix kernels have beta-zero variants), and a
        // second zeroing cost 2% of a LeNet-5 step.
        if beta == 0 && (m == 1 || n == 1) {
            for i in 0..<m { (c.base + i * c.rowStride).update(repeating: 0, count: n) }
        }
        if n == 1, vectorProduct(rows: m, depth: k, alpha, a, x: b.base, incx: b.rowStride,
                                 beta, y: c.base, incy: c.rowStride) {
            return
        }
        if m == 1, vectorProduct(rows: n, depth: k, alpha, transposed(b), x: a.base, incx: a.columnStride,
                                 beta, y: c.base, incy: 1) {
            return
        }
        BLASSplit.forEachBlock(m: m, n: n, k: k, a, b, c) { m, n, a, b, c in
            BLASOperand.with(a, rows: m, cols: k) { pa in
                BLASOperand.with(b, rows: k, cols: n) { pb in
                    T.gemm(pa.transposed, pb.transposed, Int32(m), Int32(n), Int32(k), alpha,
                           pa.base, Int32(pa.ld), pb.base, Int32(pb.ld), beta, c.base, Int32(c.rowStride))
                }
            }
        }
    }

    /// `y = beta · y + alpha · a · x` for a `rows×depth` matrix `a`, through `?gemv`, when
    /// the vectors have positive strides (BLAS reads negative increments from the other end).
    /// Returns false, having done nothing, otherwise.
    static func vectorProduct<T: BLASFloat>(
        rows: Int, depth: Int, _ alpha: T, _ a: MatrixView<T>, x: UnsafePointer<T>, incx: Int,
        _ beta: T, y: UnsafeMutablePointer<T>, incy: Int
    ) -> Bool {
        let incx = depth == 1 ? 1 : incx, incy = rows == 1 ? 1 : incy
        guard incx > 0, incy > 0, incx <= Int(Int32.max), incy <= Int(Int32.max) else { return false }
        BLASOperand.with(a, rows: rows, cols: depth) { pa in
            // The stored matrix is `rows×depth`, or its `depth×rows` transpose.
            let (sm, sn) = pa.transposed ? (depth, rows) : (rows, depth)
            T.gemv(pa.transposed, Int32(sm), Int32(sn), alpha, pa.base, Int32(pa.ld),
                   x, Int32(incx), beta, y, Int32(incy))
        }
        return true
    }

    private static func transposed<T>(_ v: MatrixView<T>) -> MatrixView<T> {
        MatrixView(base: v.base, rowStride: v.columnStride, columnStride: v.rowStride)
    }
}
