// max.dim / min.dim (values and indices along one dim) and argmax / argmin (indices along
// one dim, or into the flattened tensor when dim is None). The index is the first
// occurrence of the extremum; a NaN counts as the extremum, so the first NaN wins.
//
// ATen overloads `max` and `min`; Ember has one schema per name, so the dim forms are the
// operators `max.dim` and `min.dim` (ATen's overload names) beside the all-reduce `max`/`min`.

extension CoreOperators {
    static func registerArgExtrema(_ d: Dispatcher) {
        for (name, isMax) in [("max", true), ("min", false)] {
            let op = define(d, "\(name).dim(Tensor self, int dim, bool keepdim=False) -> (Tensor values, Tensor indices)",
                            doc: "The \(isMax ? "largest" : "smallest") values along dim and their first indices.")
            let kernel = ArgExtremumKernel(isMax: isMax, name: name)
            d.register(op, anyDType: { args in try Reduction.runExtremum(kernel, args) }, package: package)
            d.registerSamples(op) { dtype in Reduction.singleDimSamples(dtype, extra: [.bool(false)]) }
        }
        for (name, isMax) in [("argmax", true), ("argmin", false)] {
            let op = define(d, "\(name)(Tensor self, int? dim=None, bool keepdim=False) -> Tensor",
                            doc: "The index of the first \(isMax ? "largest" : "smallest") value along dim (flattened when None).")
            let kernel = ArgExtremumKernel(isMax: isMax, name: name)
            d.register(op, anyDType: { args in
                guard try args.tensor(0).dtype != .bool else {
                    throw EmberError(.invalidDType, op: name, "\(name)(): does not support bool input")
                }
                return [try Reduction.runNumeric(kernel, args)[1]]
            }, package: package)
            d.registerSamples(op) { dtype in
                dtype == .bool ? [] : Reduction.singleDimSamples(dtype, extra: [.bool(true)])
                    + [[.tensor(Reduction.sample([2, 3], dtype, reversed: true)), .none, .bool(false)]]
            }
        }
    }
}

/// `max.dim`/`min.dim(self, dim, keepdim)` and `argmax`/`argmin(self, dim?, keepdim)`:
/// returns `[values, indices]`.
struct ArgExtremumKernel: FloatKernel, IntegerKernel {
    let isMax: Bool
    /// The name PyTorch's messages use (`max`, `argmax`).
    let name: String

    func plan(_ args: Arguments) throws -> ReducePlan {
        let x = try args.tensor(0)
        let dim = try args.optionalInt(1)
        let plan = try ReducePlan(x, dims: dim.map { [$0] }, keepdim: try args.bool(2), ordered: true, op: name)
        try Reduction.requireNonEmpty(x, plan, dimsGiven: dim != nil, name: name, hint: !name.hasPrefix("arg"))
        return plan
    }

    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let r = Reduction.argExtremum(try args.tensor(0), try plan(args), T.self, isMax: isMax)
        return [.tensor(r.values), .tensor(r.indices)]
    }

    func run<T: IntegerNumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let r = Reduction.argExtremum(try args.tensor(0), try plan(args), T.self, isMax: isMax)
        return [.tensor(r.values), .tensor(r.indices)]
    }
}

extension Reduction {
    /// The extremum of each output's elements and the position of its first occurrence
    /// (the first NaN when there is one). Every reduced row must be non-empty.
    @inlinable
    static func argExtremum<T: NumericElement>(
        _ x: Tensor, _ plan: ReducePlan, _ type: T.Type, isMax: Bool
    ) -> (values: Tensor, indices: Tensor) {
        let (values, pv) = output(plan.outputShape, T.self)
        let (indices, pi) = output(plan.outputShape, Int64.self)
        plan.forEachRow(of: x, as: T.self) { o, row, n, s in
            var best = row[0], at = 0
            if best == best {
                for i in 1..<max(n, 1) {
                    let v = row[i * s]
                    if v != v { best = v; at = i; break }
                    if isMax ? v > best : v < best { best = v; at = i }
                }
            }
            pv[o] = best
            pi[o] = Int64(at)
        }
        return (values, indices)
    }
}

extension Tensor {
    private static let maxDimOp = Dispatcher.shared.handle("max.dim")
    private static let minDimOp = Dispatcher.shared.handle("min.dim")
    private static let argmaxOp = Dispatcher.shared.handle("argmax")
    private static let argminOp = Dispatcher.shared.handle("argmin")

    /// The largest values along `dim` and the index of each one's first occurrence
    /// (`tensor.max(dim)`, the operator `max.dim`). NaN counts as largest.
    public func max(dim: Int, keepdim: Bool = false) -> (values: Tensor, indices: Tensor) {
        let r = Dispatcher.shared.callForResults(Tensor.maxDimOp, [.tensor(self), .int(dim), .bool(keepdim)]).tensors
        return (r[0], r[1])
    }

    /// The smallest values along `dim` and the index of each one's first occurrence
    /// (`tensor.min(dim)`, the operator `min.dim`). NaN counts as smallest.
    public func min(dim: Int, keepdim: Bool = false) -> (values: Tensor, indices: Tensor) {
        let r = Dispatcher.shared.callForResults(Tensor.minDimOp, [.tensor(self), .int(dim), .bool(keepdim)]).tensors
        return (r[0], r[1])
    }

    /// The int64 index of the first largest value along `dim`, or into the flattened tensor
    /// when `dim` is nil (`torch.argmax`).
    public func argmax(dim: Int? = nil, keepdim: Bool = false) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.argmaxOp, [.tensor(self), dim.map { .int($0) } ?? .none, .bool(keepdim)])
    }

    /// The int64 index of the first smallest value along `dim`, or into the flattened tensor
    /// when `dim` is nil (`torch.argmin`).
    public func argmin(dim: Int? = nil, keepdim: Bool = false) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.argminOp, [.tensor(self), dim.map { .int($0) } ?? .none, .bool(keepdim)])
    }
}
