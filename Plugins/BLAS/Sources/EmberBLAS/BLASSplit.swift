@_spi(EmberBackend) import EmberCore

// Large products split over Core's pool, each piece one single-threaded BLAS call.
// OpenBLAS keeps one thread: with its own pool next to Core's, its idle threads spin on
// sched_yield for about 0.1 s after every threaded product and take a core from Core's
// workers (a LeNet-5 step spent a third of its samples there, and splitting im2col over
// Core's pool made the step 50% slower); with one pool, products and the loops around
// them share the cores without handing them over.

enum BLASSplit {
    /// Products with fewer multiply-adds (1M: a 100³ product, ~10 µs on one core) run whole
    /// on the calling thread, where a second thread saves less than waking it may cost on a
    /// busy machine (LeNet-5's 3M-multiply-add linear layers measured 6% faster split than
    /// whole); callers with many small products (convolutions) split them over the pool
    /// themselves, a product per task.
    static let parallelWork = 1 << 20

    /// The smallest block of columns (or rows) one piece multiplies; a multiple of the
    /// 16-column micro-kernels, so pieces split no kernel tile.
    static let minimumBlock = 16

    /// Runs `product(rows, cols, a, b, c)` on blocks of `c = a · b` (`a` m×k, `b` k×n),
    /// one per pool thread, cut along the longer side of `c`; whole when the product is
    /// small or the pool has one thread. Pieces write disjoint blocks of `c`.
    static func forEachBlock<T>(
        m: Int, n: Int, k: Int, _ a: MatrixView<T>, _ b: MatrixView<T>, _ c: OutputMatrix<T>,
        _ product: (Int, Int, MatrixView<T>, MatrixView<T>, OutputMatrix<T>) -> Void
    ) {
        let threads = Parallel.numThreads
        let side = Swift.max(m, n)
        let pieces = Swift.min(threads, side / minimumBlock)
        guard pieces > 1, Double(m) * Double(n) * Double(k) >= Double(parallelWork)
        else {
            product(m, n, a, b, c)
            return
        }
        let blocks = (side + minimumBlock - 1) / minimumBlock
        Parallel.forEach(pieces) { p in
            let start = Swift.min(side, p * blocks / pieces * minimumBlock)
            let end = Swift.min(side, (p + 1) * blocks / pieces * minimumBlock)
            if start >= end { return }
            if n >= m {
                product(m, end - start,
                        a,
                        MatrixView(base: b.base + start * b.columnStride, rowStride: b.rowStride, columnStride: b.columnStride),
                        OutputMatrix(base: c.base + start, rowStride: c.rowStride))
            } else {
                product(end - start, n,
                        MatrixView(base: a.base + start * a.rowStride, rowStride: a.rowStride, columnStride: a.columnStride),
                        b,
                        OutputMatrix(base: c.base + start * c.rowStride, rowStride: c.rowStride))
            }
        }
    }
}
