// logsumexp over any set of dims: log Σ exp(x), computed stably as m + log Σ exp(x - m)
// with m the row's maximum. Rows whose maximum is ±inf shift by 0 instead, so an all -inf
// (or empty) row gives -inf and a row holding +inf gives +inf; NaN propagates. Integer and
// bool inputs are converted to the default float type first, as in PyTorch.

extension CoreOperators {
    static func registerLogSumExp(_ d: Dispatcher) {
        let op = define(d, "logsumexp(Tensor self, int[] dim, bool keepdim=False) -> Tensor",
                        doc: "log(sum(exp(self))) over dims, computed stably; [] reduces everything.")
        d.register(op, anyDType: { args in
            var args = args
            let x = try args.tensor(0)
            if !x.dtype.isFloatingPoint { args.values[0] = .tensor(castTensor(x, to: .defaultFloat)) }
            return try Reduction.runFloating(LogSumExpKernel(), args)
        }, package: package)
        d.registerSamples(op) { dtype in Reduction.dimSamples(dtype, all: .ints([])) }
    }
}

/// `logsumexp(self, dim, keepdim)` for a floating `self`.
struct LogSumExpKernel: FloatKernel {
    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0)
        let plan = try ReducePlan(x, dims: try args.ints(1), keepdim: try args.bool(2), op: args.op)
        let (out, po) = Reduction.output(plan.outputShape, T.self)
        plan.forEachRow(of: x, as: T.self) { o, row, n, s in
            po[o] = Reduction.logSumExp(row, n, stride: s)
        }
        return [.tensor(out)]
    }
}

extension Reduction {
    /// The maximum of `n` elements `stride` apart (NaN propagates; -inf when empty).
    @inlinable
    static func rowMax<T: FloatElement>(_ p: UnsafePointer<T>, _ n: Int, stride: Int) -> T {
        let fold = ExtremumFold<T>(isMax: true)
        if stride == 1, let m = fold.contiguous(p, n) { return m }
        var m = -T.infinity
        for i in 0..<n { m = maxPropagatingNaN(m, p[i * stride]) }
        return m
    }

    /// `log Σ exp(x)` of `n` elements `stride` apart, shifted by their maximum.
    @inlinable
    static func logSumExp<T: FloatElement>(_ p: UnsafePointer<T>, _ n: Int, stride: Int) -> T {
        let m = rowMax(p, n, stride: stride)
        let shift = m.isInfinite ? T.zeroValue : m
        return shift + T.log(CascadeSum.sum(count: n) { i in Pointwise.Exp.apply(p[i * stride] - shift) })
    }
}

extension Tensor {
    private static let logsumexpOp = Dispatcher.shared.handle("logsumexp")

    /// `log(sum(exp(self)))` over `dim`, computed stably (`torch.logsumexp`).
    public func logsumexp(dim: Int, keepdim: Bool = false) -> Tensor { logsumexp(dims: [dim], keepdim: keepdim) }

    /// `log(sum(exp(self)))` over each of `dims`; `[]` reduces everything.
    public func logsumexp(dims: [Int], keepdim: Bool = false) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.logsumexpOp, [.tensor(self), .ints(dims), .bool(keepdim)])
    }
}
