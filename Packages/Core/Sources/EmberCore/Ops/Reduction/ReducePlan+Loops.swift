/// The loops behind ``ReducePlan``: rows (one output's elements as a run of constant
/// stride), column blocks (an outer dim reduced across a contiguous inner run), and lines
/// along one dim (scans and softmax).
extension ReducePlan {
    /// Calls `body(index, offset)` for every position of `shape` in row-major order, with
    /// its element offset under `strides`.
    @inlinable
    static func forEachOffset(shape: [Int], strides: [Int], _ body: (Int, Int) -> Void) {
        if shape.count <= 1 {
            let n = shape.first ?? 1, s = strides.first ?? 0
            for i in 0..<n { body(i, i * s) }
            return
        }
        var index = 0
        StridedLoop(shape: shape, strides: [strides]).forEachRow { off, n, st in
            let base = off[0], s = st[0]
            for i in 0..<n { body(index + i, base + i * s) }
            index += n
        }
    }

    /// Calls `body(out, row, n, stride)` once per output, in the output's row-major order:
    /// `row` points at the output's first input element, the others follow `stride` apart.
    /// Outputs whose elements do not form one run are gathered into a contiguous buffer
    /// first. `n` is 0 for every output when a reduced dim is empty.
    @inlinable
    public func forEachRow<T: TensorElement>(
        of x: Tensor, as type: T.Type, _ body: (_ out: Int, _ row: UnsafePointer<T>, _ n: Int, _ stride: Int) -> Void
    ) {
        guard outputCount > 0 else { return }
        let base = UnsafePointer(x.dataPointer.assumingMemoryBound(to: T.self))
        if hasSingleRun {
            let (n, s) = run
            ReducePlan.forEachOffset(shape: keptShape, strides: keptStrides) { o, off in body(o, base + off, n, s) }
            return
        }
        let total = outputCount * reducedCount
        let buffer = UnsafeMutablePointer<T>.allocate(capacity: total)
        defer { buffer.deallocate() }
        var i = 0
        ReducePlan.forEachOffset(shape: keptShape + reducedShape, strides: keptStrides + reducedStrides) { _, off in
            (buffer + i).initialize(to: base[off])
            i += 1
        }
        let n = reducedCount
        for o in 0..<outputCount { body(o, UnsafePointer(buffer + o * n), n, 1) }
    }

    /// When the reduced elements of consecutive outputs sit side by side (an outer dim
    /// reduced across a contiguous inner run of at least `minColumns` outputs), calls
    /// `body(out, src, rows, rowStride, cols)` once per block of `cols` outputs starting at
    /// `out` and returns true: output `out + j` folds `src[i * rowStride + j]` over
    /// `i in 0..<rows`. Returns false, calling nothing, for other layouts.
    @inlinable
    public func forEachColumnBlock<T: TensorElement>(
        of x: Tensor, as type: T.Type, minColumns: Int = 16,
        _ body: (_ out: Int, _ src: UnsafePointer<T>, _ rows: Int, _ rowStride: Int, _ cols: Int) -> Void
    ) -> Bool {
        guard hasSingleRun, reducedCount > 1, let cols = keptShape.last, keptStrides.last == 1,
              cols >= minColumns, run.stride != 1
        else { return false }
        let base = UnsafePointer(x.dataPointer.assumingMemoryBound(to: T.self))
        let (rows, rowStride) = run
        ReducePlan.forEachOffset(shape: Array(keptShape.dropLast()), strides: Array(keptStrides.dropLast())) { b, off in
            body(b * cols, base + off, rows, rowStride, cols)
        }
        return true
    }

    /// Calls `body(src, srcStride, dst, dstStride, n)` for every line of `x` along `dim`,
    /// where `dst` is the matching line of a new contiguous tensor of `x`'s shape and dtype
    /// `R`, and returns that tensor. A 0-d tensor has one line of one element.
    @inlinable
    public static func mapLines<T: TensorElement, R: TensorElement>(
        _ x: Tensor, dim: Int, _ type: T.Type, to r: R.Type,
        _ body: (_ src: UnsafePointer<T>, _ srcStride: Int, _ dst: UnsafeMutablePointer<R>, _ dstStride: Int, _ n: Int) -> Void
    ) -> Tensor {
        let out = Tensor(empty: x.shape, dtype: R.dtype)
        guard out.count > 0 else { return out }
        let src = UnsafePointer(x.dataPointer.assumingMemoryBound(to: T.self))
        let dst = out.dataPointer.assumingMemoryBound(to: R.self)
        let n = x.rank == 0 ? 1 : x.shape[dim]
        let s = x.rank == 0 ? 0 : x.strides[dim]
        let ds = x.rank == 0 ? 1 : Tensor.contiguousStrides(for: x.shape)[dim]
        var shape = x.shape, strides = x.strides
        if x.rank > 0 { shape[dim] = 1; strides[dim] = 0 }
        let outStrides = Tensor.contiguousStrides(for: x.shape)
        // Visit line starts: the input offset, and the output offset from the same index.
        let lines = StridedLoop(shape: shape, strides: [strides, outStrides])
        func visit(_ loop: StridedLoop, _ src: UnsafePointer<T>, _ dst: UnsafeMutablePointer<R>) {
            loop.forEachRow { off, count, st in
                for i in 0..<count {
                    body(src + off[0] + i * st[0], s, dst + off[1] + i * st[1], ds, n)
                }
            }
        }
        // Large maps split their lines over the pool, along the outermost line dimension
        // (each line is written by one task, so results do not depend on the thread count).
        guard let outer = lines.shape.first, outer > 1, out.count >= 2 * Elementwise.grain else {
            visit(lines, src, dst)
            return out
        }
        let perOuter = out.count / outer
        Parallel.forEachRange(outer, grain: Swift.max(1, Elementwise.grain / perOuter)) { r in
            var part = lines.shape
            part[0] = r.count
            visit(StridedLoop(shape: part, strides: lines.strides),
                  src + r.lowerBound * lines.strides[0][0], dst + r.lowerBound * lines.strides[1][0])
        }
        return out
    }
}
