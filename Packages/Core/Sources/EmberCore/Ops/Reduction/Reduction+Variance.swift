// var / std over any set of dims: Σ(x - mean)² / max(0, N - correction), correction 1
// (Bessel's) by default; std is its square root. Two passes per output, both pairwise
// summed: the mean, then the squared deviations from it, which stays accurate when the
// mean is large against the spread. Floating inputs only. No elements, or a divisor of 0,
// give NaN or inf as in PyTorch.

extension CoreOperators {
    static func registerVariance(_ d: Dispatcher) {
        for (name, isStd) in [("var", false), ("std", true)] {
            let op = define(d, "\(name)(Tensor self, int[]? dim=None, *, Scalar? correction=None, bool keepdim=False) -> Tensor",
                            doc: isStd ? "The standard deviation over dims (all when None)." : "The variance over dims (all when None).")
            let kernel = VarianceKernel(isStd: isStd)
            d.register(op, anyDType: { args in
                try Reduction.requireFloating(args, dtypeAt: nil) { _, _ in "std and var only support floating point and complex dtypes" }
                return try Reduction.runFloating(kernel, args)
            }, package: package)
            d.registerSamples(op) { dtype in
                guard dtype.isFloatingPoint else { return [] }
                let x = Reduction.sample([3, 4], dtype), y = Reduction.sample([2, 3, 4], dtype, reversed: true)
                return [
                    [.tensor(x), .ints([1]), .none, .bool(false)],
                    [.tensor(y), .ints([0, 2]), .scalar(0), .bool(true)],
                    [.tensor(x), .none, .scalar(.double(0.5)), .bool(false)],
                ]
            }
        }
    }
}

/// `var`/`std(self, dim, *, correction, keepdim)` for a floating `self`.
struct VarianceKernel: FloatKernel {
    let isStd: Bool

    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0)
        let plan = try ReducePlan(x, dims: try args.optionalInts(1), keepdim: try args.bool(3), op: args.op)
        let correction = try args.optionalScalar(2)?.doubleValue ?? 1
        let (out, po) = Reduction.output(plan.outputShape, T.self)
        let isStd = self.isStd
        plan.forEachRow(of: x, as: T.self) { o, row, n, s in
            let v = Reduction.variance(row, n, stride: s, correction: correction)
            po[o] = isStd ? v.squareRoot() : v
        }
        return [.tensor(out)]
    }
}

extension Reduction {
    /// The variance of `n` elements `stride` apart, by two pairwise-summed passes.
    @inlinable
    static func variance<T: FloatElement>(_ p: UnsafePointer<T>, _ n: Int, stride: Int, correction: Double) -> T {
        let mean = CascadeSum.sum(p, n, stride: stride) / T(n)
        let squares = CascadeSum.sum(count: n) { i in
            let d = p[i * stride] - mean
            return d * d
        }
        return squares / T(Swift.max(0, Double(n) - correction))
    }
}

extension Tensor {
    private static let varOp = Dispatcher.shared.handle("var")
    private static let stdOp = Dispatcher.shared.handle("std")

    /// The variance of all elements, `Σ(x - mean)² / (N - correction)` (`torch.var`).
    public func `var`(correction: Double = 1) -> Tensor {
        varianceCall(Tensor.varOp, nil, correction, false)
    }

    /// The variance over `dim`, which is removed unless `keepdim`.
    public func `var`(dim: Int, correction: Double = 1, keepdim: Bool = false) -> Tensor {
        varianceCall(Tensor.varOp, [dim], correction, keepdim)
    }

    /// The variance over each of `dims`; `[]` reduces everything.
    public func `var`(dims: [Int], correction: Double = 1, keepdim: Bool = false) -> Tensor {
        varianceCall(Tensor.varOp, dims, correction, keepdim)
    }

    /// The standard deviation of all elements, the square root of ``var(correction:)``.
    public func std(correction: Double = 1) -> Tensor {
        varianceCall(Tensor.stdOp, nil, correction, false)
    }

    /// The standard deviation over `dim`, which is removed unless `keepdim`.
    public func std(dim: Int, correction: Double = 1, keepdim: Bool = false) -> Tensor {
        varianceCall(Tensor.stdOp, [dim], correction, keepdim)
    }

    /// The standard deviation over each of `dims`; `[]` reduces everything.
    public func std(dims: [Int], correction: Double = 1, keepdim: Bool = false) -> Tensor {
        varianceCall(Tensor.stdOp, dims, correction, keepdim)
    }

    private func varianceCall(_ op: OperatorHandle, _ dims: [Int]?, _ correction: Double, _ keepdim: Bool) -> Tensor {
        Dispatcher.shared.callForTensor(op, [
            .tensor(self), dims.map { .ints($0) } ?? .none, .scalar(.double(correction)), .bool(keepdim),
        ])
    }
}
