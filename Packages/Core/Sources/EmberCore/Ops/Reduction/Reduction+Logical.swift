// all / any over dims (bool results for every input dtype, uint8 for uint8 inputs, as in
// PyTorch) and count_nonzero (int64). For all/any, dim=None reduces everything and dim=[]
// nothing; for count_nonzero both reduce everything. NaN counts as non-zero.

extension CoreOperators {
    static func registerLogical(_ d: Dispatcher) {
        for (name, isAll) in [("all", true), ("any", false)] {
            let op = define(d, "\(name)(Tensor self, int[]? dim=None, bool keepdim=False) -> Tensor",
                            doc: isAll ? "Whether every element over dims is non-zero." : "Whether any element over dims is non-zero.")
            d.register(op, anyDType: { args in
                let r = try Reduction.runNumeric(AllAnyKernel(isAll: isAll), args)
                guard try args.tensor(0).dtype == .uint8, case .tensor(let t) = r[0] else { return r }
                return [.tensor(Reduction.reinterpret(t, as: .uint8))]
            }, package: package)
            d.registerSamples(op) { dtype in Reduction.dimSamples(dtype) }
        }
        let count = define(d, "count_nonzero(Tensor self, int[]? dim=None) -> Tensor",
                           doc: "The number of non-zero elements over dims (all when None or []), as int64.")
        d.register(count, anyDType: { args in try Reduction.runNumeric(CountNonzeroKernel(), args) }, package: package)
        d.registerSamples(count) { dtype in
            [[.tensor(Reduction.sample([3, 4], dtype)), .ints([1])], [.tensor(Reduction.sample([2, 3, 4], dtype, reversed: true)), .none]]
        }
    }
}

/// `all`/`any(self, dim, keepdim)`: a bool per output.
struct AllAnyKernel: FloatKernel, IntegerKernel {
    let isAll: Bool

    func plan(_ args: Arguments) throws -> ReducePlan {
        try ReducePlan(try args.tensor(0), dims: try args.optionalInts(1), keepdim: try args.bool(2), emptyMeansAll: false, op: args.op)
    }

    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        [.tensor(Reduction.logical(try args.tensor(0), try plan(args), T.self, isAll: isAll))]
    }

    func run<T: IntegerNumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        [.tensor(Reduction.logical(try args.tensor(0), try plan(args), T.self, isAll: isAll))]
    }
}

/// `count_nonzero(self, dim)`: an int64 per output.
struct CountNonzeroKernel: FloatKernel, IntegerKernel {
    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] { try count(args, T.self) }
    func run<T: IntegerNumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] { try count(args, T.self) }

    private func count<T: NumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0)
        let plan = try ReducePlan(x, dims: try args.optionalInts(1), keepdim: false, op: args.op)
        return [.tensor(Reduction.fold(x, plan, NonzeroCountFold<T>()))]
    }
}

extension Reduction {
    /// Whether all (or any) of each output's elements are non-zero.
    @inlinable
    static func logical<T: NumericElement>(_ x: Tensor, _ plan: ReducePlan, _ type: T.Type, isAll: Bool) -> Tensor {
        fold(x, plan, AllAnyFold<T>(isAll: isAll))
    }
}

extension Tensor {
    private static let allOp = Dispatcher.shared.handle("all")
    private static let anyOp = Dispatcher.shared.handle("any")
    private static let countNonzeroOp = Dispatcher.shared.handle("count_nonzero")

    /// Whether every element is non-zero, as a 0-d bool tensor (`tensor.all()`).
    public func all() -> Tensor { logicalCall(Tensor.allOp, nil, false) }

    /// Whether every element over `dim` is non-zero; `dim` is removed unless `keepdim`.
    public func all(dim: Int, keepdim: Bool = false) -> Tensor { logicalCall(Tensor.allOp, [dim], keepdim) }

    /// Whether every element over each of `dims` is non-zero; `[]` reduces nothing.
    public func all(dims: [Int], keepdim: Bool = false) -> Tensor { logicalCall(Tensor.allOp, dims, keepdim) }

    /// Whether any element is non-zero, as a 0-d bool tensor (`tensor.any()`).
    public func any() -> Tensor { logicalCall(Tensor.anyOp, nil, false) }

    /// Whether any element over `dim` is non-zero; `dim` is removed unless `keepdim`.
    public func any(dim: Int, keepdim: Bool = false) -> Tensor { logicalCall(Tensor.anyOp, [dim], keepdim) }

    /// Whether any element over each of `dims` is non-zero; `[]` reduces nothing.
    public func any(dims: [Int], keepdim: Bool = false) -> Tensor { logicalCall(Tensor.anyOp, dims, keepdim) }

    /// The number of non-zero elements, as an int64 tensor (`torch.count_nonzero`).
    public func countNonzero() -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.countNonzeroOp, [.tensor(self), .none])
    }

    /// The number of non-zero elements over each of `dims` (`[]` counts everything).
    public func countNonzero(dims: [Int]) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.countNonzeroOp, [.tensor(self), .ints(dims)])
    }

    /// The number of non-zero elements over `dim`.
    public func countNonzero(dim: Int) -> Tensor { countNonzero(dims: [dim]) }

    private func logicalCall(_ op: OperatorHandle, _ dims: [Int]?, _ keepdim: Bool) -> Tensor {
        Dispatcher.shared.callForTensor(op, [.tensor(self), dims.map { .ints($0) } ?? .none, .bool(keepdim)])
    }
}
