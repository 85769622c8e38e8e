// gather: `out[i][j][k] = self[index[i][j][k]][j][k]` for dim 0 (and likewise for other
// dims). The output has index's shape; index must have self's rank and be no larger than
// self outside `dim`.

extension CoreOperators {
    static func registerGather(_ d: Dispatcher) {
        let op = define(d, "gather(Tensor self, int dim, Tensor index) -> Tensor",
                        doc: "Gathers values along a dimension at the positions given by index.")
        registerBitwise(d, op, GatherKernel())
        d.registerSamples(op) { dtype in [
            [.tensor(Indexing.sample([1, 2, 3, 4, 5, 6], [2, 3], dtype)), .int(1),
             .tensor(Indexing.indexSample([2, 0, 1, 1], [2, 2]))],
            [.tensor(Indexing.transposedSample([1, 2, 3, 4, 5, 6], [2, 3], dtype)), .int(0),
             .tensor(Indexing.indexSample([1, 0, 1], [1, 3]))],
        ] }
    }
}

/// The loop layout shared by gather and scatter: 0-d tensors are treated as 1-D with one
/// element, as PyTorch does.
struct ScatterGatherLayout {
    /// The loop shape (index's shape, at least 1-D).
    let shape: [Int]
    /// Index's strides over the loop.
    let indexStrides: [Int]

    init(index: Tensor) {
        shape = index.rank == 0 ? [1] : index.shape
        indexStrides = index.rank == 0 ? [0] : index.strides
    }

    /// `t`'s strides over the loop with `dim`'s stride set to 0, and `dim`'s stride.
    func strides(of t: Tensor, dim: Int) -> (strides: [Int], step: Int) {
        if t.rank == 0 { return ([0], 0) }
        var s = t.strides
        let step = s[dim]
        s[dim] = 0
        return (s, step)
    }

    /// The shape of `t` with 0-d treated as `[1]`.
    static func nonEmptyShape(_ t: Tensor) -> [Int] { t.rank == 0 ? [1] : t.shape }
}

/// `gather` for elements of `T`'s size.
struct GatherKernel: Indexing.BitwiseKernel {
    func run<T: BitwiseCopyable>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0)
        let index = try Indexing.int64Index(try args.tensor(2), op: "gather", "Expected dtype int32/int64 for index")
        let dim = try checkedDim(try args.int(1), rank: x.rank, op: "gather")
        let out = Tensor(empty: index.shape, dtype: x.dtype)
        if index.count == 0 { return [.tensor(out)] }  // PyTorch checks no shapes then
        let xShape = ScatterGatherLayout.nonEmptyShape(x), iShape = ScatterGatherLayout.nonEmptyShape(index)
        guard xShape.count == iShape.count else {
            throw EmberError(.shapeMismatch, op: "gather", "Index tensor must have the same number of dimensions as input tensor")
        }
        for d in iShape.indices where d != dim && iShape[d] > xShape[d] {
            throw EmberError(.shapeMismatch, op: "gather",
                "Size does not match at dimension \(d) expected index \(index.shape) to be no larger than self \(x.shape) apart from dimension \(dim)")
        }
        try Indexing.checkRange(index, size: xShape[dim], dim: dim, op: "gather")
        let layout = ScatterGatherLayout(index: index)
        let (srcStrides, step) = layout.strides(of: x, dim: dim)
        let outStrides = Tensor.contiguousStrides(for: layout.shape)
        let dst = Indexing.Elements<T>(out), src = Indexing.Elements<T>(x)
        let idx = UnsafePointer(index.dataPointer.assumingMemoryBound(to: Int64.self))
        let loop = StridedLoop(shape: layout.shape, strides: [outStrides, layout.indexStrides, srcStrides])
        withExtendedLifetime(index) {  // index may be a converted copy that only `idx` points into
            loop.forEachRow { off, n, st in
                let o = dst.advanced(by: off[0]), s = src.advanced(by: off[2]), ix = idx + off[1]
                let so = st[0], si = st[1], ss = st[2]
                for j in 0..<n { o[j &* so] = s[j &* ss &+ Int(ix[j &* si]) &* step] }
            }
        }
        return [.tensor(out)]
    }
}

extension Tensor {
    private static let gatherOp = Dispatcher.shared.handle("gather")

    /// Values along `dim` at the positions in `index` (`torch.gather`): for dim 0,
    /// `out[i][j] = self[index[i][j]][j]`. The result has index's shape.
    ///
    /// - Complexity: O(elements of index).
    public func gather(dim: Int, index: Tensor) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.gatherOp, [.tensor(self), .int(dim), .tensor(index)])
    }
}
