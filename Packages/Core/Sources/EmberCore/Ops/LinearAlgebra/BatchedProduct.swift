// The one driver behind every product operator: a batch of strided matrix products written
// into a contiguous output. Operands keep their own strides (transposed, sliced or broadcast
// with stride 0), so nothing is copied before the kernels pack what they need.

/// One operand of a batched product, as element offsets from a tensor's first element.
struct BatchedOperand {
    /// The tensor whose storage is read.
    let tensor: Tensor
    /// The stride of each batch dimension (0 where the operand is broadcast).
    let batchStrides: [Int]
    /// The stride between rows of each matrix.
    let rowStride: Int
    /// The stride between columns of each matrix.
    let columnStride: Int

    /// The tensor's last two dimensions as a matrix, its leading dimensions broadcast to
    /// `batchShape` (which they must broadcast to).
    static func matrices(_ t: Tensor, batchShape: [Int]) -> BatchedOperand {
        let r = t.rank
        let batchStrides = Tensor.broadcastStrides(
            shape: Array(t.shape.prefix(r - 2)), strides: Array(t.strides.prefix(r - 2)), to: batchShape)
        return BatchedOperand(tensor: t, batchStrides: batchStrides,
                              rowStride: t.strides[r - 2], columnStride: t.strides[r - 1])
    }

    /// A 1-D tensor read as a `1×k` row (`asRow`) or a `k×1` column, the same for every batch.
    static func vector(_ t: Tensor, batchRank: Int, asRow: Bool) -> BatchedOperand {
        BatchedOperand(tensor: t, batchStrides: Array(repeating: 0, count: batchRank),
                       rowStride: asRow ? 0 : t.strides[0], columnStride: asRow ? t.strides[0] : 0)
    }

    /// The matrix view of batch element 0.
    func view<T>(_ type: T.Type) -> MatrixView<T> {
        MatrixView(base: UnsafePointer(tensor.dataPointer.assumingMemoryBound(to: T.self)),
                   rowStride: rowStride, columnStride: columnStride)
    }
}

enum BatchedProduct {
    /// For every index `b` of `batchShape`: `out[b] = beta * out[b] + alpha * a[b] · b[b]`,
    /// where `a[b]` is `m×k`, `b[b]` is `k×n`, and `out` is a contiguous tensor whose
    /// elements are laid out as `batchShape + [m, n]` (its own shape may drop size-1 dims).
    static func run<T: LinalgElement>(
        _ type: T.Type, batchShape: [Int], m: Int, n: Int, k: Int, alpha: T,
        _ a: BatchedOperand, _ b: BatchedOperand, beta: T, into out: Tensor, gemm: GEMMRoutine<T>? = nil
    ) {
        let c = out.dataPointer.assumingMemoryBound(to: T.self)
        let va = a.view(T.self), vb = b.view(T.self)
        let batchCount = batchShape.reduce(1, *)
        if batchCount == 0 || m == 0 || n == 0 { return }
        // A matrix shared by every batch on the right and batch dims of `a` that continue its
        // rows (a Linear layer on [batch, seq, features]): one product of (batch·m) rows.
        if batchCount > 1, b.batchStrides.allSatisfy({ $0 == 0 }),
           let rowStride = foldedRowStride(batchShape: batchShape, m: m, a) {
            let folded = MatrixView(base: va.base, rowStride: rowStride, columnStride: va.columnStride)
            multiply(m: batchCount * m, n: n, k: k, alpha: alpha, folded, vb, beta: beta,
                     OutputMatrix(base: c, rowStride: n), gemm)
            return
        }
        let outStrides = Tensor.contiguousStrides(for: batchShape + [m, n]).prefix(batchShape.count)
        let loop = StridedLoop(shape: batchShape, strides: [a.batchStrides, b.batchStrides, Array(outStrides)])
        loop.forEachRow { off, count, st in
            for t in 0..<count {
                multiply(m: m, n: n, k: k, alpha: alpha,
                         va.advanced(by: off[0] + t * st[0]), vb.advanced(by: off[1] + t * st[1]),
                         beta: beta, OutputMatrix(base: c + off[2] + t * st[2], rowStride: n), gemm)
            }
        }
    }

    /// One product through `gemm` (a plugin's) when there is a product to compute, else
    /// through the reference kernel (which handles `k = 0` and `alpha = 0` with PyTorch's
    /// semantics, so plugins never see those cases).
    @inline(__always)
    static func multiply<T: LinalgElement>(
        m: Int, n: Int, k: Int, alpha: T, _ a: MatrixView<T>, _ b: MatrixView<T>, beta: T,
        _ c: OutputMatrix<T>, _ gemm: GEMMRoutine<T>?
    ) {
        if let gemm, k > 0, alpha != 0 {
            gemm(m, n, k, alpha, a, b, beta, c)
        } else {
            T.gemm(m: m, n: n, k: k, alpha: alpha, a, b, beta: beta, c)
        }
    }

    /// The single row stride that walks `a`'s batch dimensions and rows in order, if there is one.
    static func foldedRowStride(batchShape: [Int], m: Int, _ a: BatchedOperand) -> Int? {
        let merged = StridedLoop(shape: batchShape + [m], strides: [a.batchStrides + [a.rowStride]])
        guard merged.shape.count <= 1 else { return nil }
        return merged.strides[0].first ?? a.rowStride
    }

    /// Copies `input` broadcast to `out`'s shape into `out`, for a following ``run`` to scale
    /// by `beta` (the `self` term of `addmm` and `baddbmm`). Skipped when `beta` is zero,
    /// since the product then does not read `out`.
    static func fillScaledInput<T: LinalgElement>(_ type: T.Type, _ input: Tensor, beta: T, into out: Tensor) {
        if beta == 0 { return }
        let po = out.dataPointer.assumingMemoryBound(to: T.self)
        let pi = UnsafePointer(input.dataPointer.assumingMemoryBound(to: T.self))
        let loop = StridedLoop(shape: out.shape, strides: [out.strides, input.broadcastStrides(to: out.shape)])
        loop.forEachRow { off, count, st in
            let o = po + off[0], s = pi + off[1], ss = st[1]
            for i in 0..<count { o[i] = s[i * ss] }
        }
    }
}
