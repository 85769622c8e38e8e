// The float32/float64 reference GEMM entry point and its matrix-vector and dot-product
// special cases. The general case is ``PackedGEMM``.
//
// Goals, in order: exact PyTorch semantics (beta = 0 never reads the output; k = 0 gives
// beta * c), any strides on the inputs, then speed: SIMD accumulators in every inner loop,
// since LLVM does not vectorise a floating-point reduction on its own (it may not reorder
// the additions).

/// float32 and float64: the types with SIMD matrix kernels. `Vector` holds one micro-tile
/// row (8 floats or 4 doubles: two SSE registers on the baseline x86-64 target).
protocol GEMMFloat: FloatElement, SIMDScalar, Codable {
    associatedtype Vector: SIMD where Vector.Scalar == Self
}

extension Float: GEMMFloat { typealias Vector = SIMD8<Float> }
extension Double: GEMMFloat { typealias Vector = SIMD4<Double> }

enum FloatGEMM {
    /// `c = beta * c + alpha * a · b`; see ``LinalgElement/gemm(m:n:k:alpha:_:_:beta:_:)``.
    /// Products of at least `parallelAbove` multiply-adds run on the pool's threads.
    static func gemm<T: GEMMFloat>(
        m: Int, n: Int, k: Int, alpha: T, _ a: MatrixView<T>, _ b: MatrixView<T>,
        beta: T, _ c: OutputMatrix<T>, parallelAbove: Int = parallelThreshold
    ) {
        if m == 0 || n == 0 { return }
        if k == 0 {
            scale(m: m, n: n, by: beta, c)
        } else if n == 1 {
            gemv(m: m, k: k, alpha: alpha, a, x: b.base, xStride: b.rowStride,
                 beta: beta, y: c.base, yStride: c.rowStride)
        } else if m == 1 {
            gemv(m: n, k: k, alpha: alpha, b.transposed, x: a.base, xStride: a.columnStride,
                 beta: beta, y: c.base, yStride: 1)
        } else if m * n * k >= parallelAbove && m >= 2 * PackedGEMM.mr {
            // Row blocks on the pool's threads: disjoint outputs, shared read-only inputs.
            let parts = Swift.min(Parallel.numThreads, m / PackedGEMM.mr)
            let rows = PackedGEMM.roundUp((m + parts - 1) / parts, PackedGEMM.mr)
            Parallel.forEach((m + rows - 1) / rows) { part in
                let start = part * rows, count = Swift.min(rows, m - start)
                PackedGEMM.run(m: count, n: n, k: k, alpha: alpha, a.advanced(by: start * a.rowStride), b,
                               beta: beta, OutputMatrix(base: c.base + start * c.rowStride, rowStride: c.rowStride))
            }
        } else {
            PackedGEMM.run(m: m, n: n, k: k, alpha: alpha, a, b, beta: beta, c)
        }
    }

    /// The multiply-adds above which a product is split over the pool's threads (a pool
    /// job starts in about a microsecond; packing dominates below this).
    static let parallelThreshold = 500_000

    /// `c = beta * c`, writing zeros when `beta` is zero (without reading `c`).
    static func scale<T: GEMMFloat>(m: Int, n: Int, by beta: T, _ c: OutputMatrix<T>) {
        for i in 0..<m {
            let row = c.base + i * c.rowStride
            if beta == 0 {
                for j in 0..<n { row[j] = 0 }
            } else if beta != 1 {
                for j in 0..<n { row[j] = beta * row[j] }
            }
        }
    }

    /// `y = beta * y + alpha * a · x` for an `m×k` matrix `a`.
    static func gemv<T: GEMMFloat>(
        m: Int, k: Int, alpha: T, _ a: MatrixView<T>, x: UnsafePointer<T>, xStride: Int,
        beta: T, y: UnsafeMutablePointer<T>, yStride: Int
    ) {
        if a.rowStride == 1 && a.columnStride != 1 && m > 1 {
            // Column-major: accumulate alpha-free columns, `acc += a[:, p] * x[p]`.
            withUnsafeTemporaryAllocation(of: T.self, capacity: m) { acc in
                let s = acc.baseAddress!
                for i in 0..<m { s[i] = 0 }
                for p in 0..<k {
                    let col = a.base + p * a.columnStride, xp = x[p * xStride]
                    for i in 0..<m { s[i] += col[i] * xp }
                }
                for i in 0..<m { store(alpha * s[i], beta: beta, y + i * yStride) }
            }
            return
        }
        withContiguous(x, count: k, stride: xStride) { xc in
            for i in 0..<m {
                let row = a.base + i * a.rowStride
                let s = a.columnStride == 1
                    ? dot(row, xc, count: k) : stridedDot(row, a.columnStride, xc, 1, count: k)
                store(alpha * s, beta: beta, y + i * yStride)
            }
        }
    }

    @inline(__always)
    static func store<T: GEMMFloat>(_ value: T, beta: T, _ p: UnsafeMutablePointer<T>) {
        p.pointee = beta == 0 ? value : beta * p.pointee + value
    }

    /// Calls `body` with `x` itself when it is contiguous, else with a packed copy.
    static func withContiguous<T: GEMMFloat, R>(
        _ x: UnsafePointer<T>, count: Int, stride: Int, _ body: (UnsafePointer<T>) -> R
    ) -> R {
        if stride == 1 || count <= 1 { return body(x) }
        return withUnsafeTemporaryAllocation(of: T.self, capacity: count) { buffer in
            let p = buffer.baseAddress!
            for i in 0..<count { p[i] = x[i * stride] }
            return body(p)
        }
    }

    /// The dot product of two contiguous vectors, with two SIMD accumulators.
    static func dot<T: GEMMFloat>(_ a: UnsafePointer<T>, _ b: UnsafePointer<T>, count: Int) -> T {
        typealias V = T.Vector
        let w = V.scalarCount
        var s0 = V(), s1 = V()
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b), size = MemoryLayout<T>.stride
        var i = 0
        while i + 2 * w <= count {
            s0 += ra.loadUnaligned(fromByteOffset: i * size, as: V.self)
                * rb.loadUnaligned(fromByteOffset: i * size, as: V.self)
            s1 += ra.loadUnaligned(fromByteOffset: (i + w) * size, as: V.self)
                * rb.loadUnaligned(fromByteOffset: (i + w) * size, as: V.self)
            i += 2 * w
        }
        var s = (s0 + s1).sum()
        while i < count {
            s += a[i] * b[i]
            i += 1
        }
        return s
    }

    /// The dot product of two strided vectors.
    static func stridedDot<T: GEMMFloat>(
        _ a: UnsafePointer<T>, _ sa: Int, _ b: UnsafePointer<T>, _ sb: Int, count: Int
    ) -> T {
        if sa == 1 && sb == 1 { return dot(a, b, count: count) }
        var s: T = 0
        for i in 0..<count { s += a[i * sa] * b[i * sb] }
        return s
    }
}
