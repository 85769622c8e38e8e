// amax / amin over any set of dims, and max / min of everything. NaN propagates (any NaN
// makes the result NaN), bool stays bool, and there is no identity: an empty reduction
// throws PyTorch's message.

extension CoreOperators {
    static func registerExtrema(_ d: Dispatcher) {
        for (name, isMax) in [("amax", true), ("amin", false)] {
            let op = define(d, "\(name)(Tensor self, int[] dim=[], bool keepdim=False) -> Tensor",
                            doc: "The \(isMax ? "largest" : "smallest") value over dims (all when []); NaN propagates.")
            d.register(op, anyDType: { args in try Reduction.runExtremum(ExtremumKernel(isMax: isMax), args) }, package: package)
            d.registerSamples(op) { dtype in Reduction.dimSamples(dtype, all: .ints([])) }
        }
        for (name, isMax) in [("max", true), ("min", false)] {
            let op = define(d, "\(name)(Tensor self) -> Tensor",
                            doc: "The \(isMax ? "largest" : "smallest") element; NaN propagates.")
            d.register(op, anyDType: { args in try Reduction.runExtremum(ExtremumKernel(isMax: isMax), args) }, package: package)
            d.registerSamples(op) { dtype in [[.tensor(Reduction.sample([3, 4], dtype))], [.tensor(Reduction.sample([2, 3, 2], dtype, reversed: true))]] }
        }
    }
}

extension Reduction {
    /// Runs an extremum kernel: bool through uint8 (results read back as bool).
    static func runExtremum<K: FloatKernel & IntegerKernel>(_ kernel: K, _ args: Arguments) throws -> [IValue] {
        try args.tensor(0).dtype == .bool ? runAsUInt8(kernel, args) : runNumeric(kernel, args)
    }

    /// Throws PyTorch's message for a reduction without identity over no elements: all
    /// dims of an empty tensor when `dimsGiven` is false, else the first empty reduced dim.
    static func requireNonEmpty(_ x: Tensor, _ plan: ReducePlan, dimsGiven: Bool, name: String, hint: Bool = true) throws {
        if !dimsGiven && x.count == 0 {
            throw EmberError(.invalidArgument, op: name,
                "\(name)(): Expected reduction dim to be specified for input.numel() == 0."
                + (hint ? " Specify the reduction dim with the 'dim' argument." : ""))
        }
        if let d = plan.emptyReducedDim(in: x.shape) {
            throw EmberError(.indexOutOfRange, op: name, "\(name)(): Expected reduction dim \(d) to have non-zero size.")
        }
    }
}

/// `amax`/`amin(self, dim, keepdim)` and `max`/`min(self)`: the NaN-propagating extremum.
struct ExtremumKernel: FloatKernel, IntegerKernel {
    let isMax: Bool

    func plan(_ args: Arguments) throws -> ReducePlan {
        let x = try args.tensor(0)
        let dims = args.values.count > 1 ? try args.ints(1) : []
        let keepdim = args.values.count > 2 ? try args.bool(2) : false
        let plan = try ReducePlan(x, dims: dims, keepdim: keepdim, op: args.op)
        try Reduction.requireNonEmpty(x, plan, dimsGiven: !dims.isEmpty, name: args.op)
        return plan
    }

    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        [.tensor(Reduction.extremum(try args.tensor(0), try plan(args), T.self, isMax: isMax))]
    }

    func run<T: IntegerNumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        [.tensor(Reduction.extremum(try args.tensor(0), try plan(args), T.self, isMax: isMax))]
    }
}

extension Reduction {
    /// The NaN-propagating maximum (or minimum) of `x` under `plan`.
    @inlinable
    static func extremum<T: NumericElement>(_ x: Tensor, _ plan: ReducePlan, _ type: T.Type, isMax: Bool) -> Tensor {
        isMax
            ? fold(x, plan, T.self, initial: T.lowest) { maxPropagatingNaN($0, $1) }
            : fold(x, plan, T.self, initial: T.highest) { minPropagatingNaN($0, $1) }
    }
}

extension Tensor {
    private static let amaxOp = Dispatcher.shared.handle("amax")
    private static let aminOp = Dispatcher.shared.handle("amin")
    private static let maxAllOp = Dispatcher.shared.handle("max")
    private static let minAllOp = Dispatcher.shared.handle("min")

    /// The largest value over `dims` (`torch.amax`); `[]` reduces everything. NaN propagates.
    public func amax(dims: [Int] = [], keepdim: Bool = false) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.amaxOp, [.tensor(self), .ints(dims), .bool(keepdim)])
    }

    /// The largest value over `dim`, which is removed unless `keepdim`.
    public func amax(dim: Int, keepdim: Bool = false) -> Tensor { amax(dims: [dim], keepdim: keepdim) }

    /// The smallest value over `dims` (`torch.amin`); `[]` reduces everything. NaN propagates.
    public func amin(dims: [Int] = [], keepdim: Bool = false) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.aminOp, [.tensor(self), .ints(dims), .bool(keepdim)])
    }

    /// The smallest value over `dim`, which is removed unless `keepdim`.
    public func amin(dim: Int, keepdim: Bool = false) -> Tensor { amin(dims: [dim], keepdim: keepdim) }

    /// The largest element, as a 0-d tensor (`tensor.max()`). NaN propagates; traps when empty.
    public func max() -> Tensor { Dispatcher.shared.callForTensor(Tensor.maxAllOp, [.tensor(self)]) }

    /// The smallest element, as a 0-d tensor (`tensor.min()`). NaN propagates; traps when empty.
    public func min() -> Tensor { Dispatcher.shared.callForTensor(Tensor.minAllOp, [.tensor(self)]) }
}
