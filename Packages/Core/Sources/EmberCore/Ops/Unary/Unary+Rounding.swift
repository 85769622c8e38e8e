// floor, ceil, trunc, round (half to even, with `decimals`), frac. Integer tensors pass
// through floor/ceil/trunc/round unchanged (as copies); frac is floating-point only.

extension Pointwise {
    enum Floor: FloatMap, IntegerMap {
        static func apply<T: FloatElement>(_ x: T) -> T { x.rounded(.down) }
        static func apply<T: IntegerNumericElement>(_ x: T) -> T { x }
    }

    enum Ceil: FloatMap, IntegerMap {
        static func apply<T: FloatElement>(_ x: T) -> T { x.rounded(.up) }
        static func apply<T: IntegerNumericElement>(_ x: T) -> T { x }
    }

    enum Trunc: FloatMap, IntegerMap {
        static func apply<T: FloatElement>(_ x: T) -> T { x.rounded(.towardZero) }
        static func apply<T: IntegerNumericElement>(_ x: T) -> T { x }
    }

    /// `x - trunc(x)`, keeping the sign of `x`.
    enum Frac: FloatMap {
        static func apply<T: FloatElement>(_ x: T) -> T { x - x.rounded(.towardZero) }
    }
}

/// `round(x * 10^d) / 10^d` (or `round(x / 10^-d) * 10^-d` for negative `d`), rounding
/// halves to even as `torch.round` does.
struct RoundKernel: FloatKernel, IntegerKernel {
    let inPlace: Bool

    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0), decimals = try args.int(1)
        let scale = T(Double.pow(10, Swift.abs(decimals)))
        let f: (T) -> T
        if decimals == 0 {
            f = { $0.rounded(.toNearestOrEven) }
        } else if decimals > 0 {
            f = { ($0 * scale).rounded(.toNearestOrEven) / scale }
        } else {
            f = { ($0 / scale).rounded(.toNearestOrEven) * scale }
        }
        if inPlace {
            Pointwise.update(x, T.self, f)
            return [.tensor(x)]
        }
        return [.tensor(Elementwise.map(x, T.self, to: T.self, f))]
    }

    func run<T: IntegerNumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0)
        guard try args.int(1) == 0 else { throw Pointwise.notImplemented("round_cpu", T.dtype, op: args.op) }
        return [.tensor(castTensor(x, to: T.dtype))]
    }
}

extension CoreOperators {
    static func registerRoundingOps(_ d: Dispatcher) {
        defineNumericUnary(d, "floor", Pointwise.Floor.self, samples: .real,
            boolError: "\"floor_vml_cpu\" not implemented for 'Bool'", doc: "Rounds down to an integral value.")
        defineNumericUnary(d, "ceil", Pointwise.Ceil.self, samples: .real,
            boolError: "\"ceil_vml_cpu\" not implemented for 'Bool'", doc: "Rounds up to an integral value.")
        defineNumericUnary(d, "trunc", Pointwise.Trunc.self, samples: .real,
            boolError: "\"trunc_vml_cpu\" not implemented for 'Bool'", doc: "Rounds toward zero.")
        registerRound(d)
        registerFrac(d)
    }

    private static func registerRound(_ d: Dispatcher) {
        let op = define(d, "round(Tensor self, *, int decimals=0) -> Tensor",
                        doc: "Rounds to `decimals` decimal places, halves to even.")
        d.register(op, floating: RoundKernel(inPlace: false), package: package)
        d.register(op, integer: RoundKernel(inPlace: false), package: package)
        Pointwise.registerUnsupported(d, op, [.bool], kernelName: "round_vml_cpu")
        let samples: SampleInputs = { dtype in
            dtype.isFloatingPoint ? PointwiseSamples.unary(.real, dtype, extra: [.int(0)])
                + [[.tensor(PointwiseSamples.tensor(.real, [4], dtype)), .int(1)]] : []
        }
        d.registerSamples(op, samples)
        let inPlace = define(d, "round_(Tensor(a!) self, *, int decimals=0) -> Tensor(a!)",
                             dispatchOn: "self", doc: "In-place round.")
        Pointwise.registerInPlace(d, inPlace, computing: op, fast: Pointwise.floatKernels(RoundKernel(inPlace: true)))
        d.registerSamples(inPlace, samples)
    }

    private static func registerFrac(_ d: Dispatcher) {
        let op = define(d, "frac(Tensor self) -> Tensor", doc: "The fractional part x - trunc(x).")
        d.register(op, floating: FloatMapKernel<Pointwise.Frac>(), package: package)
        Pointwise.registerUnsupported(d, op, [.bool] + Dispatcher.integerDTypes, kernelName: "frac_cpu")
        let samples: SampleInputs = { dtype in dtype.isFloatingPoint ? PointwiseSamples.unary(.real, dtype) : [] }
        d.registerSamples(op, samples)
        let inPlace = define(d, "frac_(Tensor(a!) self) -> Tensor(a!)", dispatchOn: "self", doc: "In-place frac.")
        Pointwise.registerInPlace(d, inPlace, computing: op,
                                  fast: Pointwise.floatKernels(FloatMapInPlaceKernel<Pointwise.Frac>()))
        d.registerSamples(inPlace, samples)
    }
}

extension Tensor {
    private static let floorOp = Dispatcher.shared.handle("floor")
    private static let ceilOp = Dispatcher.shared.handle("ceil")
    private static let truncOp = Dispatcher.shared.handle("trunc")
    private static let roundOp = Dispatcher.shared.handle("round")
    private static let fracOp = Dispatcher.shared.handle("frac")
    private static let floorInPlaceOp = Dispatcher.shared.handle("floor_")
    private static let ceilInPlaceOp = Dispatcher.shared.handle("ceil_")
    private static let roundInPlaceOp = Dispatcher.shared.handle("round_")

    /// The largest integral value not above each element (`torch.floor`).
    public func floor() -> Tensor { callPointwise(Tensor.floorOp) }
    /// The smallest integral value not below each element (`torch.ceil`).
    public func ceil() -> Tensor { callPointwise(Tensor.ceilOp) }
    /// Each element rounded toward zero (`torch.trunc`).
    public func trunc() -> Tensor { callPointwise(Tensor.truncOp) }
    /// Each element rounded to `decimals` decimal places, halves to even (`torch.round`);
    /// negative `decimals` round to tens, hundreds...
    public func round(decimals: Int = 0) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.roundOp, [.tensor(self), .int(decimals)])
    }
    /// The fractional part `x - trunc(x)` (`torch.frac`); floating point only.
    public func frac() -> Tensor { callPointwise(Tensor.fracOp) }

    /// Rounds each element down in place (`tensor.floor_`).
    @discardableResult public func floor_() -> Tensor { callPointwise(Tensor.floorInPlaceOp) }
    /// Rounds each element up in place (`tensor.ceil_`).
    @discardableResult public func ceil_() -> Tensor { callPointwise(Tensor.ceilInPlaceOp) }
    /// Rounds each element in place, halves to even (`tensor.round_`).
    @discardableResult public func round_(decimals: Int = 0) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.roundInPlaceOp, [.tensor(self), .int(decimals)])
    }
}
