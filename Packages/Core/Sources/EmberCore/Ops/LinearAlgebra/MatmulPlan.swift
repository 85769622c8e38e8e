// How `matmul` (and `dot`, `mv`) reduce their operands to one batched product, with the
// checks and messages of the PyTorch function each case goes to:
//
//   1-D · 1-D  → dot, a 0-d result
//   2-D · 1-D  → mv, `[m]`
//   1-D · 2-D  → mm of `[1, k]`, the prepended dim removed: `[n]`
//   2-D · 2-D  → mm
//   ≥3-D · ≤2-D whose leading dims fold into rows → mm / mv of `[prod, k]` ("folding")
//   otherwise  → bmm over the broadcast batch dims; a 1-D operand becomes a row (left) or a
//                column (right) that is removed from the result.
//
// The folding only changes which message a bad shape gets; the computation is the same
// batched product (BatchedProduct folds by itself when it pays).

/// One product operator call reduced to a batched product.
struct MatmulPlan {
    /// The broadcast batch dimensions.
    let batchShape: [Int]
    /// Rows, depth and columns of each product.
    let m: Int, k: Int, n: Int
    /// The operands.
    let a: BatchedOperand, b: BatchedOperand
    /// The result's shape (`batchShape + [m, n]` without the dims of 1-D operands).
    let outShape: [Int]

    /// Computes the product into a new contiguous tensor.
    func run<T: LinalgElement>(_ type: T.Type, gemm: GEMMRoutine<T>? = nil) -> Tensor {
        let out = Tensor(empty: outShape, dtype: T.dtype)
        BatchedProduct.run(T.self, batchShape: batchShape, m: m, n: n, k: k, alpha: 1, a, b, beta: 0, into: out, gemm: gemm)
        return out
    }

    /// `torch.matmul`'s plan for any ranks.
    static func matmul(_ a: Tensor, _ b: Tensor) throws -> MatmulPlan {
        let da = a.rank, db = b.rank
        guard da >= 1 && db >= 1 else {
            throw EmberError(.shapeMismatch, op: "matmul",
                "both arguments to matmul need to be at least 1D, but they are \(da)D and \(db)D")
        }
        switch (da, db) {
        case (1, 1): return try dot(a, b, op: "matmul")
        case (2, 1): return try mv(a, b, op: "matmul")
        case (1, 2), (2, 2):
            try MatrixProductCheck.shapes(da == 1 ? [1, a.shape[0]] : a.shape, b.shape, op: "matmul")
            try MatrixProductCheck.dtypes(a, b, op: "matmul")
        default:
            if da >= 3 && db <= 2 && foldsIntoRows(a) {
                let rows = a.shape.dropLast().reduce(1, *), depth = a.shape[da - 1]
                if db == 1 {
                    try checkMatrixVector(rows: rows, depth: depth, a, b, op: "matmul")
                } else {
                    try MatrixProductCheck.shapes([rows, depth], b.shape, op: "matmul")
                    try MatrixProductCheck.dtypes(a, b, op: "matmul")
                }
            }
        }
        return try batched(a, b)
    }

    /// PyTorch's condition for folding `a`'s leading dims into rows without a copy.
    static func foldsIntoRows(_ a: Tensor) -> Bool {
        if a.count == 0 { return true }
        for i in 0..<(a.rank - 2) where a.strides[i] != a.strides[i + 1] * a.shape[i + 1] { return false }
        return true
    }

    /// The general case: broadcast batch dims, 1-D operands as a row or a column.
    static func batched(_ a: Tensor, _ b: Tensor) throws -> MatmulPlan {
        let da = a.rank, db = b.rank
        let m = da > 1 ? a.shape[da - 2] : 1, k = a.shape[da - 1]
        let k2 = db > 1 ? b.shape[db - 2] : b.shape[0], n = db > 1 ? b.shape[db - 1] : 1
        let batch = try broadcastBatch(Array(a.shape.prefix(max(da - 2, 0))), Array(b.shape.prefix(max(db - 2, 0))), a, b)
        let total = batch.reduce(1, *)
        try BatchedProductCheck.sizes(batch: total, contraction: k, found: [total, k2], op: "matmul")
        try BatchedProductCheck.dtypes(a, b, op: "matmul")
        return MatmulPlan(
            batchShape: batch, m: m, k: k, n: n,
            a: da == 1 ? .vector(a, batchRank: batch.count, asRow: true) : .matrices(a, batchShape: batch),
            b: db == 1 ? .vector(b, batchRank: batch.count, asRow: false) : .matrices(b, batchShape: batch),
            outShape: batch + (da > 1 ? [m] : []) + (db > 1 ? [n] : []))
    }

    /// The broadcast of two batch shapes, with PyTorch's message (and the operands' shapes).
    static func broadcastBatch(_ x: [Int], _ y: [Int], _ a: Tensor, _ b: Tensor) throws -> [Int] {
        let rank = max(x.count, y.count)
        var result = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let p = i < rank - x.count ? 1 : x[i - (rank - x.count)]
            let q = i < rank - y.count ? 1 : y[i - (rank - y.count)]
            guard p == q || p == 1 || q == 1 else {
                throw EmberError(.shapeMismatch, op: "matmul",
                    "The size of tensor a (\(p)) must match the size of tensor b (\(q)) at non-singleton dimension \(i)"
                    + "; shapes \(a.shape) and \(b.shape)")
            }
            result[i] = p == 1 ? q : p
        }
        return result
    }

    /// `dot`'s checks (ranks, dtypes, then sizes) and plan: a 0-d result.
    static func dot(_ a: Tensor, _ b: Tensor, op: String) throws -> MatmulPlan {
        guard a.rank == 1 && b.rank == 1 else {
            throw EmberError(.shapeMismatch, op: op, "1D tensors expected, but got \(a.rank)D and \(b.rank)D tensors")
        }
        guard a.dtype == b.dtype else {
            throw EmberError(.invalidDType, op: op,
                "dot : expected both vectors to have same dtype, but found "
                + "\(a.dtype.scalarTypeName) and \(b.dtype.scalarTypeName)")
        }
        guard a.shape[0] == b.shape[0] else {
            throw EmberError(.shapeMismatch, op: op,
                "inconsistent tensor size, expected tensor [\(a.shape[0])] and src [\(b.shape[0])] to have the same "
                + "number of elements, but got \(a.shape[0]) and \(b.shape[0]) elements respectively")
        }
        return MatmulPlan(batchShape: [], m: 1, k: a.shape[0], n: 1,
                          a: .vector(a, batchRank: 0, asRow: true), b: .vector(b, batchRank: 0, asRow: false), outShape: [])
    }

    /// `mv`'s checks (sizes, then dtypes) and plan for a 2-D `a`.
    static func mv(_ a: Tensor, _ b: Tensor, op: String) throws -> MatmulPlan {
        guard a.rank == 2 && b.rank == 1 else {
            throw EmberError(.shapeMismatch, op: op, "vector + matrix @ vector expected, got 1, \(a.rank), \(b.rank)")
        }
        try checkMatrixVector(rows: a.shape[0], depth: a.shape[1], a, b, op: op)
        return MatmulPlan(batchShape: [], m: a.shape[0], k: a.shape[1], n: 1,
                          a: .matrices(a, batchShape: []), b: .vector(b, batchRank: 0, asRow: false), outShape: [a.shape[0]])
    }

    /// The size and dtype checks of PyTorch's `addmv` (behind `mv`) for a `rows×depth` matrix.
    static func checkMatrixVector(rows: Int, depth: Int, _ mat: Tensor, _ vec: Tensor, op: String) throws {
        guard depth == vec.shape[0] else {
            throw EmberError(.shapeMismatch, op: op,
                "size mismatch, got input (\(rows)), mat (\(Linalg.matrixShape(rows, depth))), vec (\(vec.shape[0]))")
        }
        guard mat.dtype == vec.dtype else {
            let v = vec.dtype.scalarTypeName
            throw EmberError(.invalidDType, op: op,
                "addmv input tensors must have the same dtype, but got \(v), \(mat.dtype.scalarTypeName), and \(v)")
        }
    }
}
