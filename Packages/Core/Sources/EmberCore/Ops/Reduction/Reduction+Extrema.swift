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
        fold(x, plan, ExtremumFold<T>(isMax: isMax))
    }
}

/// The NaN-propagating maximum (`isMax`) or minimum of the elements, with a fast path for
/// contiguous runs.
struct ExtremumFold<T: NumericElement>: ReductionFold {
    let isMax: Bool
    var initial: T { isMax ? T.lowest : T.highest }

    @inlinable func step(_ a: T, _ x: T) -> T {
        isMax ? Reduction.maxPropagatingNaN(a, x) : Reduction.minPropagatingNaN(a, x)
    }

    /// Eight independent accumulators (which the compiler turns into vector max/min)
    /// instead of one dependent NaN-aware select per element. NaN never compares better, so
    /// it is caught separately: `x - x` is NaN exactly for NaN and ±inf, and a NaN in that
    /// running sum sends the run to an exact search for a NaN.
    @inlinable func contiguous(_ p: UnsafePointer<T>, _ n: Int) -> T? {
        isMax ? run(p, n) { $0 > $1 } : run(p, n) { $0 < $1 }
    }

    @inlinable @inline(__always)
    func run(_ p: UnsafePointer<T>, _ n: Int, _ better: (T, T) -> Bool) -> T {
        var m0 = initial, m1 = m0, m2 = m0, m3 = m0, m4 = m0, m5 = m0, m6 = m0, m7 = m0
        var z0 = T.zeroValue, z1 = z0, z2 = z0, z3 = z0
        var i = 0
        while i + 8 <= n {
            let x0 = p[i], x1 = p[i + 1], x2 = p[i + 2], x3 = p[i + 3]
            let x4 = p[i + 4], x5 = p[i + 5], x6 = p[i + 6], x7 = p[i + 7]
            m0 = better(x0, m0) ? x0 : m0; m1 = better(x1, m1) ? x1 : m1
            m2 = better(x2, m2) ? x2 : m2; m3 = better(x3, m3) ? x3 : m3
            m4 = better(x4, m4) ? x4 : m4; m5 = better(x5, m5) ? x5 : m5
            m6 = better(x6, m6) ? x6 : m6; m7 = better(x7, m7) ? x7 : m7
            z0 += (x0 - x0) + (x4 - x4); z1 += (x1 - x1) + (x5 - x5)
            z2 += (x2 - x2) + (x6 - x6); z3 += (x3 - x3) + (x7 - x7)
            i += 8
        }
        func pick(_ a: T, _ b: T) -> T { better(b, a) ? b : a }
        var result = pick(pick(pick(m0, m1), pick(m2, m3)), pick(pick(m4, m5), pick(m6, m7)))
        while i < n { result = step(result, p[i]); i += 1 }
        let z = (z0 + z1) + (z2 + z3)
        if z != z, case let k = firstNaN(p, n), k < n { return p[k] }
        return result
    }

    @inlinable func firstNaN(_ p: UnsafePointer<T>, _ n: Int) -> Int {
        var i = 0
        while i < n && p[i] == p[i] { i += 1 }
        return i
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
