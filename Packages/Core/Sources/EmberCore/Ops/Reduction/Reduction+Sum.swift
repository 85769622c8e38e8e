// sum / mean over any set of dims. Floating inputs sum in pairwise (cascade) order in their
// own type (float16/bfloat16 in float32); integer and bool inputs sum in int64 and give
// int64 unless `dtype` asks otherwise, as in PyTorch. `dtype` converts `self` first. mean
// requires a floating dtype (of `self` or from `dtype`) and is the sum divided by the count.

extension CoreOperators {
    static func registerSum(_ d: Dispatcher) {
        let sum = define(d, "sum(Tensor self, int[]? dim=None, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
                         doc: "Sums over dims (all when None); integer inputs give int64.")
        d.register(sum, anyDType: { args in
            try Reduction.runNumeric(SumKernel(), Reduction.castingSelf(args, dtypeAt: 3))
        }, package: package)
        d.registerSamples(sum) { dtype in Reduction.dimSamples(dtype, extra: [.none]) }

        let mean = define(d, "mean(Tensor self, int[]? dim=None, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
                          doc: "Averages over dims (all when None); floating dtypes only.")
        d.register(mean, anyDType: { args in
            try Reduction.requireFloating(args, dtypeAt: 3) { dtype, explicit in
                "mean(): could not infer output dtype. \(explicit ? "Optional" : "Input") dtype must be either "
                    + "a floating point or complex dtype. Got: \(dtype.scalarTypeName)"
            }
            return try Reduction.runFloating(MeanKernel(), Reduction.castingSelf(args, dtypeAt: 3))
        }, package: package)
        d.registerSamples(mean) { dtype in dtype.isFloatingPoint ? Reduction.dimSamples(dtype, extra: [.none]) : [] }
    }
}

/// Sums of floating rows and columns, and of integer rows in int64.
enum SumLoops {
    /// The pairwise sum of `x` under `plan`, in `T`.
    @inlinable
    static func floating<T: FloatElement>(_ x: Tensor, _ plan: ReducePlan, _ type: T.Type) -> Tensor {
        let (out, po) = Reduction.output(plan.outputShape, T.self)
        let columns = plan.forEachColumnBlock(of: x, as: T.self) { o, src, rows, rowStride, cols in
            CascadeSum.columns(src, rows: rows, rowStride: rowStride, cols: cols, into: po + o)
        }
        if !columns {
            plan.forEachRow(of: x, as: T.self) { o, row, n, s in po[o] = CascadeSum.sum(row, n, stride: s) }
        }
        return out
    }

    /// The wrapping int64 sum of `x` under `plan`.
    @inlinable
    static func integer<T: IntegerNumericElement>(_ x: Tensor, _ plan: ReducePlan, _ type: T.Type) -> Tensor {
        let (out, po) = Reduction.output(plan.outputShape, Int64.self)
        let columns = plan.forEachColumnBlock(of: x, as: T.self) { o, src, rows, rowStride, cols in
            let dst = po + o
            for j in 0..<cols { dst[j] = 0 }
            for i in 0..<rows {
                let row = src + i * rowStride
                for j in 0..<cols { dst[j] &+= Int64(truncatingIfNeeded: row[j]) }
            }
        }
        if columns { return out }
        plan.forEachRow(of: x, as: T.self) { o, row, n, s in
            var acc: Int64 = 0
            if s == 1 {
                for i in 0..<n { acc &+= Int64(truncatingIfNeeded: row[i]) }
            } else {
                for i in 0..<n { acc &+= Int64(truncatingIfNeeded: row[i * s]) }
            }
            po[o] = acc
        }
        return out
    }
}

/// `sum(self, dim, keepdim, *, dtype)`; `self` already has the requested dtype.
struct SumKernel: FloatKernel, IntegerKernel {
    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0)
        let plan = try ReducePlan(x, dims: try args.optionalInts(1), keepdim: try args.bool(2), op: args.op)
        return [.tensor(SumLoops.floating(x, plan, T.self))]
    }

    func run<T: IntegerNumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0)
        let plan = try ReducePlan(x, dims: try args.optionalInts(1), keepdim: try args.bool(2), op: args.op)
        let result = SumLoops.integer(x, plan, T.self)
        let dtype = try args.optionalDType(3) ?? .int64
        return [.tensor(dtype == .int64 ? result : castTensor(result, to: dtype))]
    }
}

/// `mean(self, dim, keepdim, *, dtype)` for a floating `self`: the sum over the count.
struct MeanKernel: FloatKernel {
    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0)
        let plan = try ReducePlan(x, dims: try args.optionalInts(1), keepdim: try args.bool(2), op: args.op)
        let out = SumLoops.floating(x, plan, T.self)
        let count = T(plan.reducedCount)
        out.withUnsafeMutablePointer(as: T.self) { p in
            for i in 0..<plan.outputCount { p[i] /= count }
        }
        return [.tensor(out)]
    }
}

extension Tensor {
    private static let sumOp = Dispatcher.shared.handle("sum")
    private static let meanOp = Dispatcher.shared.handle("mean")

    /// The sum of all elements (`torch.sum`); integer and bool tensors give int64 unless
    /// `dtype` says otherwise. `dtype` converts the input before summing.
    public func sum(dtype: DType? = nil) -> Tensor {
        callReduction(Tensor.sumOp, dims: nil, keepdim: false, dtype: dtype)
    }

    /// The sum over `dim`, which is removed unless `keepdim` (`tensor.sum(dim)`).
    public func sum(dim: Int, keepdim: Bool = false, dtype: DType? = nil) -> Tensor {
        callReduction(Tensor.sumOp, dims: [dim], keepdim: keepdim, dtype: dtype)
    }

    /// The sum over each of `dims` (`tensor.sum((0, 2))`); `[]` sums everything.
    public func sum(dims: [Int], keepdim: Bool = false, dtype: DType? = nil) -> Tensor {
        callReduction(Tensor.sumOp, dims: dims, keepdim: keepdim, dtype: dtype)
    }

    /// The mean of all elements (`torch.mean`); needs a floating tensor or `dtype`.
    public func mean(dtype: DType? = nil) -> Tensor {
        callReduction(Tensor.meanOp, dims: nil, keepdim: false, dtype: dtype)
    }

    /// The mean over `dim`, which is removed unless `keepdim`.
    public func mean(dim: Int, keepdim: Bool = false, dtype: DType? = nil) -> Tensor {
        callReduction(Tensor.meanOp, dims: [dim], keepdim: keepdim, dtype: dtype)
    }

    /// The mean over each of `dims`; `[]` averages everything.
    public func mean(dims: [Int], keepdim: Bool = false, dtype: DType? = nil) -> Tensor {
        callReduction(Tensor.meanOp, dims: dims, keepdim: keepdim, dtype: dtype)
    }

    /// Calls a `(self, dim, keepdim, *, dtype)` reduction.
    func callReduction(_ op: OperatorHandle, dims: [Int]?, keepdim: Bool, dtype: DType?) -> Tensor {
        Dispatcher.shared.callForTensor(op, [
            .tensor(self), dims.map { .ints($0) } ?? .none, .bool(keepdim), dtype.map { .dtype($0) } ?? .none,
        ])
    }
}
