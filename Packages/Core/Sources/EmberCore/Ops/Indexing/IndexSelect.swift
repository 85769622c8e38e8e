// index_select: picks entries along one dimension by a vector of indices,
// `out[..., k, ...] = self[..., index[k], ...]`. Indices are int64 or int32 and must lie in
// 0..<size (no negative indices, as in PyTorch).

extension CoreOperators {
    static func registerIndexSelect(_ d: Dispatcher) {
        let op = define(d, "index_select(Tensor self, int dim, Tensor index) -> Tensor",
                        doc: "Selects entries along a dimension by a vector of indices.")
        registerBitwise(d, op, IndexSelectKernel())
        d.registerSamples(op) { dtype in [
            [.tensor(Indexing.sample([1, 2, 3, 4, 5, 6], [2, 3], dtype)), .int(1),
             .tensor(Indexing.indexSample([2, 0, 2], [3]))],
            [.tensor(Indexing.transposedSample([1, 2, 3, 4, 5, 6], [2, 3], dtype)), .int(0),
             .tensor(Indexing.indexSample([1], [1]))],
        ] }
    }
}

/// `index_select` for elements of `T`'s size.
struct IndexSelectKernel: Indexing.BitwiseKernel {
    func run<T: BitwiseCopyable>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0)
        let index = try Indexing.int64Index(try args.tensor(2), op: "index_select",
                                            "Expected dtype int32 or int64 for index")
        guard index.rank <= 1 else {
            throw EmberError(.invalidArgument, op: "index_select", "Index is supposed to be a vector")
        }
        let dim = try checkedDim(try args.int(1), rank: x.rank, op: "index_select")
        if x.rank == 0 {
            guard index.count == 1 else {
                throw EmberError(.invalidArgument, op: "index_select",
                    "Index to scalar can have only 1 value, got \(index.count) value(s)")
            }
            try Indexing.checkRange(index, size: 1, dim: 0, op: "index_select")
            return [.tensor(Indexing.contiguousCopy(x, T.self))]
        }
        try Indexing.checkRange(index, size: x.shape[dim], dim: dim, op: "index_select")
        let indices = index.scalars(as: Int64.self)
        var shape = x.shape
        shape[dim] = indices.count
        let out = Tensor(empty: shape, dtype: x.dtype)
        let dst = Indexing.Elements<T>(out), src = Indexing.Elements<T>(x)
        let dstStep = out.strides[dim], srcStep = x.strides[dim]
        // Loop over every dimension but `dim`; within each row, over the selected entries,
        // with whichever of the two is closer together in memory innermost.
        let loop = StridedLoop(shape: Indexing.removing(dim, shape),
                               strides: [Indexing.removing(dim, out.strides), Indexing.removing(dim, x.strides)])
        indices.withUnsafeBufferPointer { idx in
            loop.forEachRow { off, n, st in
                let so = st[0], ss = st[1]
                if n == 1 || abs(so) < dstStep {
                    for k in idx.indices {
                        let o = dst.advanced(by: off[0] &+ k &* dstStep), s = src.advanced(by: off[1] &+ Int(idx[k]) &* srcStep)
                        for j in 0..<n { o[j &* so] = s[j &* ss] }
                    }
                } else {
                    for j in 0..<n {
                        let o = dst.advanced(by: off[0] &+ j &* so), s = src.advanced(by: off[1] &+ j &* ss)
                        for k in idx.indices { o[k &* dstStep] = s[Int(idx[k]) &* srcStep] }
                    }
                }
            }
        }
        return [.tensor(out)]
    }
}

extension Tensor {
    private static let indexSelectOp = Dispatcher.shared.handle("index_select")

    /// The entries along `dim` picked by the 1-D int64 (or int32) `index`
    /// (`torch.index_select`); the result has `index.count` entries along `dim`.
    ///
    /// - Complexity: O(elements of the result).
    public func indexSelect(dim: Int, index: Tensor) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.indexSelectOp, [.tensor(self), .int(dim), .tensor(index)])
    }
}
