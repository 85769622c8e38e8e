// scatter / scatter_add and their in-place forms: for dim 0,
// `out[index[i][j]][j] = src[i][j]` (scatter; with repeated indices the last write wins) or
// `out[index[i][j]][j] += src[i][j]` (scatter_add). The out-of-place forms write into a copy
// of self. index must have self's rank, be no larger than src everywhere and no larger than
// self outside `dim`; src must have self's dtype.

extension CoreOperators {
    static func registerScatter(_ d: Dispatcher) {
        let scatter = define(d, "scatter(Tensor self, int dim, Tensor index, Tensor src) -> Tensor",
                             doc: "Writes src into a copy of self at the positions given by index along dim.")
        let scatterInPlace = define(d, "scatter_(Tensor(a!) self, int dim, Tensor index, Tensor src) -> Tensor(a!)",
                                    doc: "Writes src into self at the positions given by index along dim.")
        let scatterAdd = define(d, "scatter_add(Tensor self, int dim, Tensor index, Tensor src) -> Tensor",
                                doc: "Adds src into a copy of self at the positions given by index along dim.")
        let scatterAddInPlace = define(d, "scatter_add_(Tensor(a!) self, int dim, Tensor index, Tensor src) -> Tensor(a!)",
                                       doc: "Adds src into self at the positions given by index along dim.")
        registerBitwise(d, scatter, ScatterKernel(op: "scatter", inPlace: false))
        registerBitwise(d, scatterInPlace, ScatterKernel(op: "scatter_", inPlace: true))
        registerScatterAdd(d, scatterAdd, op: "scatter_add", inPlace: false)
        registerScatterAdd(d, scatterAddInPlace, op: "scatter_add_", inPlace: true)
        for op in [scatter, scatterInPlace, scatterAdd, scatterAddInPlace] {
            d.registerSamples(op) { dtype in [
                [.tensor(Indexing.sample([1, 2, 3, 4, 5, 6], [2, 3], dtype)), .int(0),
                 .tensor(Indexing.indexSample([1, 0, 1], [1, 3])), .tensor(Indexing.sample([7, 8, 9], [1, 3], dtype))],
                [.tensor(Indexing.transposedSample([1, 2, 3, 4, 5, 6], [2, 3], dtype)), .int(1),
                 .tensor(Indexing.indexSample([2, 1, 0, 2], [2, 2])),
                 .tensor(Indexing.transposedSample([5, 6, 7, 8], [2, 2], dtype))],
            ] }
        }
    }

    /// Registers scatter_add (or scatter_add_) for every dtype: integers wrap, half types
    /// round after each addition as PyTorch's do, bool adds as `or`.
    private static func registerScatterAdd(_ d: Dispatcher, _ handle: OperatorHandle, op: String, inPlace: Bool) {
        func add<C: ScatterCombine>(_ dtype: DType, _ combine: C.Type) {
            d.register(handle, dtypes: [dtype], package: package) { args in
                try ScatterKernel.scatter(args, C.self, op: op, inPlace: inPlace)
            }
        }
        add(.bool, ScatterOr.self)
        add(.uint8, ScatterWrappingAdd<UInt8>.self)
        add(.int8, ScatterWrappingAdd<Int8>.self)
        add(.int16, ScatterWrappingAdd<Int16>.self)
        add(.int32, ScatterWrappingAdd<Int32>.self)
        add(.int64, ScatterWrappingAdd<Int64>.self)
        add(.float16, ScatterFloatAdd<Float16>.self)
        add(.bfloat16, ScatterBFloat16Add.self)
        add(.float32, ScatterFloatAdd<Float>.self)
        add(.float64, ScatterFloatAdd<Double>.self)
    }
}

/// `scatter` / `scatter_` for elements of `T`'s size, and the shared scatter loop.
struct ScatterKernel: Indexing.BitwiseKernel {
    let op: String
    let inPlace: Bool

    func run<T: BitwiseCopyable>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        try ScatterKernel.scatter(args, ScatterReplace<T>.self, op: op, inPlace: inPlace)
    }

    /// Checks the arguments, then writes `C.combine(old, src)` at each indexed position of self
    /// (in place) or of a copy of self.
    static func scatter<C: ScatterCombine>(
        _ args: Arguments, _ combine: C.Type, op: String, inPlace: Bool
    ) throws -> [IValue] {
        let x = try args.tensor(0), src = try args.tensor(3)
        let index = try Indexing.int64Index(try args.tensor(2), op: op, "Expected dtype int32/int64 for index")
        let dim = try checkedDim(try args.int(1), rank: x.rank, op: op)
        guard src.dtype == x.dtype else {
            throw EmberError(.invalidDType, op: op,
                "Expected self.dtype to be equal to src.dtype (got \(x.dtype) and \(src.dtype))")
        }
        let target = inPlace ? x : Indexing.contiguousCopy(x, C.Element.self)
        if index.count > 0 {  // PyTorch checks no shapes for an empty index
            try check(x, dim: dim, index: index, src: src, op: op)
            try Indexing.checkRange(index, size: ScatterGatherLayout.nonEmptyShape(x)[dim], dim: dim, op: op)
            write(into: target, dim: dim, index: index, src: src, C.self)
        }
        if inPlace { target.storage.bumpVersion() }
        return [.tensor(target)]
    }

    private static func check(_ x: Tensor, dim: Int, index: Tensor, src: Tensor, op: String) throws {
        let xShape = ScatterGatherLayout.nonEmptyShape(x), iShape = ScatterGatherLayout.nonEmptyShape(index)
        let sShape = ScatterGatherLayout.nonEmptyShape(src)
        guard iShape.count == xShape.count else {
            throw EmberError(.shapeMismatch, op: op, "Index tensor must have the same number of dimensions as self tensor")
        }
        guard iShape.count == sShape.count else {
            throw EmberError(.shapeMismatch, op: op, "Index tensor must have the same number of dimensions as src tensor")
        }
        for d in iShape.indices where iShape[d] > sShape[d] || (d != dim && iShape[d] > xShape[d]) {
            throw EmberError(.shapeMismatch, op: op,
                "Expected index \(index.shape) to be no larger than self \(x.shape) apart from dimension \(dim) and to be no larger size than src \(src.shape)")
        }
    }

    private static func write<C: ScatterCombine>(
        into target: Tensor, dim: Int, index: Tensor, src: Tensor, _ combine: C.Type
    ) {
        let layout = ScatterGatherLayout(index: index)
        let (dstStrides, step) = layout.strides(of: target, dim: dim)
        let srcStrides = src.rank == 0 ? [0] : src.strides
        let dst = Indexing.Elements<C.Element>(target), source = Indexing.Elements<C.Element>(src)
        let idx = UnsafePointer(index.dataPointer.assumingMemoryBound(to: Int64.self))
        StridedLoop(shape: layout.shape, strides: [layout.indexStrides, srcStrides, dstStrides]).forEachRow { off, n, st in
            let ix = idx + off[0], s = source.advanced(by: off[1]), o = dst.advanced(by: off[2])
            let si = st[0], ss = st[1], so = st[2]
            for j in 0..<n {
                let k = j &* so &+ Int(ix[j &* si]) &* step
                o[k] = C.combine(o[k], s[j &* ss])
            }
        }
    }
}

extension Tensor {
    private static let scatterOp = Dispatcher.shared.handle("scatter")
    private static let scatterInPlaceOp = Dispatcher.shared.handle("scatter_")
    private static let scatterAddOp = Dispatcher.shared.handle("scatter_add")
    private static let scatterAddInPlaceOp = Dispatcher.shared.handle("scatter_add_")

    /// A copy of this tensor with `src` written at the positions in `index` along `dim`
    /// (`torch.scatter`): for dim 0, `out[index[i][j]][j] = src[i][j]`.
    ///
    /// - Complexity: O(elements + elements of index).
    public func scatter(dim: Int, index: Tensor, src: Tensor) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.scatterOp, [.tensor(self), .int(dim), .tensor(index), .tensor(src)])
    }

    /// Writes `src` into this tensor at the positions in `index` along `dim` (`tensor.scatter_`).
    @discardableResult
    public func scatter_(dim: Int, index: Tensor, src: Tensor) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.scatterInPlaceOp, [.tensor(self), .int(dim), .tensor(index), .tensor(src)])
    }

    /// A copy of this tensor with `src` added at the positions in `index` along `dim`
    /// (`torch.scatter_add`): for dim 0, `out[index[i][j]][j] += src[i][j]`.
    ///
    /// - Complexity: O(elements + elements of index).
    public func scatterAdd(dim: Int, index: Tensor, src: Tensor) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.scatterAddOp, [.tensor(self), .int(dim), .tensor(index), .tensor(src)])
    }

    /// Adds `src` into this tensor at the positions in `index` along `dim` (`tensor.scatter_add_`).
    @discardableResult
    public func scatterAdd_(dim: Int, index: Tensor, src: Tensor) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.scatterAddInPlaceOp, [.tensor(self), .int(dim), .tensor(index), .tensor(src)])
    }
}
