// norm: the vector p-norm over any set of dims (torch.norm / linalg.vector_norm), computed
// in the input's floating type like PyTorch (so float32 overflows to inf where PyTorch's
// does):
//   p = 2: sqrt(Σ x²)   p = 1: Σ |x|   p = inf: max |x|   p = -inf: min |x|
//   p = 0: the number of non-zero elements   other p: (Σ |x|^p)^(1/p)
// Sums are pairwise. p = inf and p < 0 have no identity: an empty reduction throws.

extension CoreOperators {
    static func registerNorm(_ d: Dispatcher) {
        let op = define(d, "norm(Tensor self, Scalar? p=2, int[]? dim=None, bool keepdim=False) -> Tensor",
                        doc: "The vector p-norm over dims (all when None); floating dtypes only.")
        d.register(op, anyDType: { args in
            try Reduction.requireFloating(args, dtypeAt: nil) { dtype, _ in
                "linalg.vector_norm: Expected a floating point or complex tensor as input. Got \(dtype.scalarTypeName)"
            }
            return try Reduction.runFloating(NormKernel(), args)
        }, package: package)
        d.registerSamples(op) { dtype in
            guard dtype.isFloatingPoint else { return [] }
            let x = Reduction.sample([3, 4], dtype), y = Reduction.sample([2, 3, 4], dtype, reversed: true)
            return [
                [.tensor(x), .scalar(2), .ints([1]), .bool(false)],
                [.tensor(y), .scalar(1), .ints([0, 2]), .bool(true)],
                [.tensor(x), .scalar(.double(3.5)), .none, .bool(false)],
            ]
        }
    }
}

/// `norm(self, p, dim, keepdim)` for a floating `self`.
struct NormKernel: FloatKernel {
    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0)
        let p = try args.optionalScalar(1)?.doubleValue ?? 2
        let dims = try args.optionalInts(2)
        let plan = try ReducePlan(x, dims: dims, keepdim: try args.bool(3), op: args.op)
        if p < 0 || p == .infinity { try requireNonEmpty(x, plan, p: p, dimsGiven: !(dims ?? []).isEmpty) }
        return [.tensor(Reduction.norm(x, plan, T.self, p: p))]
    }

    private func requireNonEmpty(_ x: Tensor, _ plan: ReducePlan, p: Double, dimsGiven: Bool) throws {
        let name = p.isInfinite ? (p > 0 ? "inf" : "-inf") : p == p.rounded() && abs(p) < 1e15 ? String(Int(p)) : String(p)
        if !dimsGiven && x.count == 0 {
            throw EmberError(.invalidArgument, op: "norm",
                "linalg.vector_norm cannot compute the \(name) norm on an empty tensor because the operation does not have an identity")
        }
        if let d = plan.emptyReducedDim(in: x.shape) {
            throw EmberError(.invalidArgument, op: "norm",
                "linalg.vector_norm cannot compute the \(name) norm on the dimension \(d) because this dimension is empty and the operation does not have an identity")
        }
    }
}

extension Reduction {
    /// The p-norm of `x` under `plan`, in `T`.
    @inlinable
    static func norm<T: FloatElement>(_ x: Tensor, _ plan: ReducePlan, _ type: T.Type, p: Double) -> Tensor {
        switch p {
        case .infinity, -.infinity: return fold(x, plan, AbsExtremumFold<T>(isMax: p > 0))
        case 0: return castTensor(fold(x, plan, NonzeroCountFold<T>()), to: T.dtype)
        default: break
        }
        let (out, po) = output(plan.outputShape, T.self)
        let tp = T(p), inverse = T(1 / p)
        plan.forEachRow(of: x, as: T.self) { o, row, n, s in
            switch p {
            case 2: po[o] = CascadeSum.sum(count: n) { i in row[i * s] * row[i * s] }.squareRoot()
            case 1: po[o] = CascadeSum.sum(count: n) { i in abs(row[i * s]) }
            default: po[o] = T.pow(CascadeSum.sum(count: n) { i in T.pow(abs(row[i * s]), tp) }, inverse)
            }
        }
        return out
    }
}

/// The NaN-propagating maximum (`isMax`) or minimum of |x| (the ±inf norms).
struct AbsExtremumFold<T: FloatElement>: ReductionFold {
    let isMax: Bool
    var initial: T { isMax ? T.zeroValue : T.infinity }
    @inlinable func step(_ a: T, _ x: T) -> T {
        isMax ? Reduction.maxPropagatingNaN(a, abs(x)) : Reduction.minPropagatingNaN(a, abs(x))
    }
}

extension Tensor {
    private static let normOp = Dispatcher.shared.handle("norm")

    /// The vector p-norm of all elements (`torch.norm`, `torch.linalg.vector_norm`):
    /// `p` may be any real number, `.infinity` (max |x|) or `-.infinity` (min |x|).
    public func norm(p: Double = 2) -> Tensor { normCall(p, nil, false) }

    /// The vector p-norm over `dim`, which is removed unless `keepdim`.
    public func norm(p: Double = 2, dim: Int, keepdim: Bool = false) -> Tensor { normCall(p, [dim], keepdim) }

    /// The vector p-norm over each of `dims`; `[]` reduces everything.
    public func norm(p: Double = 2, dims: [Int], keepdim: Bool = false) -> Tensor { normCall(p, dims, keepdim) }

    private func normCall(_ p: Double, _ dims: [Int]?, _ keepdim: Bool) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.normOp, [
            .tensor(self), .scalar(.double(p)), dims.map { .ints($0) } ?? .none, .bool(keepdim),
        ])
    }
}
