// The general float GEMM, after Goto & van de Geijn ("Anatomy of high-performance matrix
// multiplication", 2008) and BLIS: `b` is packed in kc×nc blocks of NR-wide column panels
// (kept in L3/L2), `a` in mc×kc blocks of MR-tall row panels (kept in L2), and a micro-kernel
// multiplies one MR×kc panel by one kc×NR panel into an MR×NR register tile.
//
// Packing copies the strided inputs once per block, so transposed or otherwise strided
// operands cost O(mk + kn) extra reads, not O(mnk). Panels are zero-padded to full MR/NR, so
// the micro-kernel never branches on edges; only the write-back of an edge tile does.

enum PackedGEMM {
    /// Rows of the register tile (6 accumulators of `Vector` each: 12 SSE registers).
    static let mr = 6
    /// The depth of one packed block; one MR×kc panel of `a` plus one kc×NR panel of `b`
    /// (12 + 16 KiB for float32) stay in L1.
    static let kc = 256
    /// The rows of `a` packed at once (a multiple of `mr`).
    static let mc = 120
    /// The columns of `b` packed at once (a multiple of every `Vector.scalarCount`).
    static let nc = 2048

    /// `c = beta * c + alpha * a · b`, with `m, n, k > 0`.
    static func run<T: GEMMFloat>(
        m: Int, n: Int, k: Int, alpha: T, _ a: MatrixView<T>, _ b: MatrixView<T>,
        beta: T, _ c: OutputMatrix<T>
    ) {
        let nr = T.Vector.scalarCount
        let kcMax = min(k, kc)
        let mcMax = min(roundUp(m, mr), mc), ncMax = min(roundUp(n, nr), nc)
        let packedA = UnsafeMutablePointer<T>.allocate(capacity: mcMax * kcMax)
        let packedB = UnsafeMutablePointer<T>.allocate(capacity: kcMax * ncMax)
        defer {
            packedA.deallocate()
            packedB.deallocate()
        }
        for jc in stride(from: 0, to: n, by: nc) {
            let nb = min(nc, n - jc)
            for pc in stride(from: 0, to: k, by: kc) {
                let kb = min(kc, k - pc)
                packB(b.advanced(by: pc * b.rowStride + jc * b.columnStride), k: kb, n: nb, into: packedB)
                // Only the first block of the depth scales the old `c`; later ones accumulate.
                let blockBeta = pc == 0 ? beta : 1
                for ic in stride(from: 0, to: m, by: mc) {
                    let mb = min(mc, m - ic)
                    packA(a.advanced(by: ic * a.rowStride + pc * a.columnStride), m: mb, k: kb, into: packedA)
                    let tile = OutputMatrix(base: c.base + ic * c.rowStride + jc, rowStride: c.rowStride)
                    macroKernel(m: mb, n: nb, k: kb, alpha: alpha, packedA, packedB, beta: blockBeta, tile)
                }
            }
        }
    }

    static func roundUp(_ x: Int, _ multiple: Int) -> Int { (x + multiple - 1) / multiple * multiple }

    /// Multiplies one packed mc×kc block of `a` by one packed kc×nc block of `b`.
    static func macroKernel<T: GEMMFloat>(
        m: Int, n: Int, k: Int, alpha: T, _ a: UnsafePointer<T>, _ b: UnsafePointer<T>,
        beta: T, _ c: OutputMatrix<T>
    ) {
        let nr = T.Vector.scalarCount
        for jr in stride(from: 0, to: n, by: nr) {
            let cols = min(nr, n - jr)
            for ir in stride(from: 0, to: m, by: mr) {
                let rows = min(mr, m - ir)
                microKernel(
                    k: k, a + ir * k, b + jr * k, alpha: alpha, beta: beta,
                    OutputMatrix(base: c.base + ir * c.rowStride + jr, rowStride: c.rowStride),
                    rows: rows, cols: cols)
            }
        }
    }

    /// Packs an `m×k` block of `a` into MR-row panels: panel `r` holds, for each `p`, the MR
    /// elements `a[r*MR ..< r*MR+MR, p]` (zeros past row `m`).
    static func packA<T: GEMMFloat>(_ a: MatrixView<T>, m: Int, k: Int, into dst: UnsafeMutablePointer<T>) {
        var d = dst
        let rs = a.rowStride, cs = a.columnStride
        for ir in stride(from: 0, to: m, by: mr) {
            let rows = min(mr, m - ir)
            let src = a.base + ir * rs
            if rows == mr && cs == 1 {
                // Row-major `a`: read each row contiguously, write with stride MR.
                for i in 0..<mr {
                    let row = src + i * rs
                    for p in 0..<k { d[p * mr + i] = row[p] }
                }
                d += mr * k
                continue
            }
            for p in 0..<k {
                let s = src + p * cs
                for i in 0..<rows { d[i] = s[i * rs] }
                for i in rows..<mr { d[i] = 0 }
                d += mr
            }
        }
    }

    /// Packs a `k×n` block of `b` into NR-column panels: panel `j` holds, for each `p`, the NR
    /// elements `b[p, j*NR ..< j*NR+NR]` (zeros past column `n`).
    static func packB<T: GEMMFloat>(_ b: MatrixView<T>, k: Int, n: Int, into dst: UnsafeMutablePointer<T>) {
        let nr = T.Vector.scalarCount
        var d = dst
        let rs = b.rowStride, cs = b.columnStride
        for jr in stride(from: 0, to: n, by: nr) {
            let cols = min(nr, n - jr)
            let src = b.base + jr * cs
            if cols == nr && rs == 1 {
                // Column-major `b`: read each column contiguously, write with stride NR.
                for j in 0..<nr {
                    let col = src + j * cs
                    for p in 0..<k { d[p * nr + j] = col[p] }
                }
                d += nr * k
                continue
            }
            for p in 0..<k {
                let s = src + p * rs
                if cols == nr && cs == 1 {
                    for j in 0..<nr { d[j] = s[j] }
                } else {
                    for j in 0..<cols { d[j] = s[j * cs] }
                    for j in cols..<nr { d[j] = 0 }
                }
                d += nr
            }
        }
    }
}
