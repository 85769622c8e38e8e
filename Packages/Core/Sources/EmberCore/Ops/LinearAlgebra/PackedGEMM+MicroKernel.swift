// The register-tiled inner kernel of ``PackedGEMM``: an MR×NR tile of `c` (MR = 6 rows of
// one `Vector` each) accumulates `a[:, p] ⊗ b[p, :]` over the packed depth, then is written
// back once as `beta * c + alpha * tile`.
//
// Mul then add, not `addingProduct`: without a CPU target that has FMA, a fused multiply-add
// is a libm call per lane (DESIGN §4), far slower than two vector instructions.

extension PackedGEMM {
    @inline(__always)
    static func microKernel<T: GEMMFloat>(
        k: Int, _ a: UnsafePointer<T>, _ b: UnsafePointer<T>, alpha: T, beta: T,
        _ c: OutputMatrix<T>, rows: Int, cols: Int
    ) {
        typealias V = T.Vector
        var c0 = V(), c1 = V(), c2 = V(), c3 = V(), c4 = V(), c5 = V()
        var pa = a
        var pb = UnsafeRawPointer(b)
        let step = V.scalarCount * MemoryLayout<T>.stride
        for _ in 0..<k {
            let bv = pb.loadUnaligned(as: V.self)
            c0 += bv * pa[0]
            c1 += bv * pa[1]
            c2 += bv * pa[2]
            c3 += bv * pa[3]
            c4 += bv * pa[4]
            c5 += bv * pa[5]
            pa += 6
            pb += step
        }
        if rows == 6 && cols == V.scalarCount {
            let ldc = c.rowStride
            storeRow(c0, alpha: alpha, beta: beta, c.base)
            storeRow(c1, alpha: alpha, beta: beta, c.base + ldc)
            storeRow(c2, alpha: alpha, beta: beta, c.base + 2 * ldc)
            storeRow(c3, alpha: alpha, beta: beta, c.base + 3 * ldc)
            storeRow(c4, alpha: alpha, beta: beta, c.base + 4 * ldc)
            storeRow(c5, alpha: alpha, beta: beta, c.base + 5 * ldc)
            return
        }
        // An edge tile: spill the accumulators, then write only the rows and columns that exist.
        withUnsafeTemporaryAllocation(of: V.self, capacity: 6) { tile in
            tile[0] = c0; tile[1] = c1; tile[2] = c2; tile[3] = c3; tile[4] = c4; tile[5] = c5
            for i in 0..<rows {
                let row = c.base + i * c.rowStride
                for j in 0..<cols { FloatGEMM.store(alpha * tile[i][j], beta: beta, row + j) }
            }
        }
    }

    /// `row[0..<NR] = beta * row + alpha * acc` (the old row is not read when `beta` is zero).
    @inline(__always)
    static func storeRow<V: SIMD>(_ acc: V, alpha: V.Scalar, beta: V.Scalar, _ row: UnsafeMutablePointer<V.Scalar>)
    where V.Scalar: FloatingPoint {
        let p = UnsafeMutableRawPointer(row)
        if beta == 0 {
            p.storeBytes(of: acc * alpha, as: V.self)
        } else {
            let old = UnsafeRawPointer(row).loadUnaligned(as: V.self)
            p.storeBytes(of: old * beta + acc * alpha, as: V.self)
        }
    }
}
