// Exponentials, logarithms, powers of one argument, sigmoid and erf. All compute in
// floating point: integer and bool tensors give float32, as in PyTorch.

extension Pointwise {
    enum Exp: FloatMap {
        @inline(__always) static func apply<T: FloatElement>(_ x: T) -> T {
            // float32 takes the vectorisable kernel; the check folds away when specialised.
            if T.self == Float.self { return unsafeBitCast(FastMath.exp(unsafeBitCast(x, to: Float.self)), to: T.self) }
            return .exp(x)
        }
    }
    enum Expm1: FloatMap { static func apply<T: FloatElement>(_ x: T) -> T { .expMinusOne(x) } }
    enum Log: FloatMap { static func apply<T: FloatElement>(_ x: T) -> T { .log(x) } }
    enum Log2: FloatMap { static func apply<T: FloatElement>(_ x: T) -> T { .log2(x) } }
    enum Log10: FloatMap { static func apply<T: FloatElement>(_ x: T) -> T { .log10(x) } }
    enum Log1p: FloatMap { static func apply<T: FloatElement>(_ x: T) -> T { .log(onePlus: x) } }
    enum Sqrt: FloatMap { static func apply<T: FloatElement>(_ x: T) -> T { x.squareRoot() } }
    enum Rsqrt: FloatMap { static func apply<T: FloatElement>(_ x: T) -> T { 1 / x.squareRoot() } }
    enum Reciprocal: FloatMap { static func apply<T: FloatElement>(_ x: T) -> T { 1 / x } }
    enum Erf: FloatMap { static func apply<T: FloatElement>(_ x: T) -> T { .erf(x) } }

    /// `1 / (1 + e^-x)`, evaluated so that neither branch overflows: for negative `x`,
    /// `e^x / (1 + e^x)` (e^x underflows gracefully to 0 instead of e^-x overflowing).
    enum Sigmoid: FloatMap {
        static func apply<T: FloatElement>(_ x: T) -> T {
            if x >= 0 { return 1 / (1 + Exp.apply(-x)) }
            let e = Exp.apply(x)
            return e / (1 + e)
        }
    }
}

extension CoreOperators {
    static func registerExponentialOps(_ d: Dispatcher) {
        defineFloatUnary(d, "exp", Pointwise.Exp.self, samples: .real, doc: "e raised to each element.")
        defineFloatUnary(d, "expm1", Pointwise.Expm1.self, samples: .real, doc: "e^x - 1, accurate near zero.")
        defineFloatUnary(d, "log", Pointwise.Log.self, samples: .positive, doc: "The natural logarithm.")
        defineFloatUnary(d, "log2", Pointwise.Log2.self, samples: .positive, doc: "The base-2 logarithm.")
        defineFloatUnary(d, "log10", Pointwise.Log10.self, samples: .positive, doc: "The base-10 logarithm.")
        defineFloatUnary(d, "log1p", Pointwise.Log1p.self, samples: .positive, doc: "log(1 + x), accurate near zero.")
        defineFloatUnary(d, "sqrt", Pointwise.Sqrt.self, samples: .positive, doc: "The square root.")
        defineFloatUnary(d, "rsqrt", Pointwise.Rsqrt.self, samples: .positive, doc: "The reciprocal square root.")
        defineFloatUnary(d, "reciprocal", Pointwise.Reciprocal.self, samples: .positive, doc: "1 / x.")
        defineFloatUnary(d, "sigmoid", Pointwise.Sigmoid.self, samples: .real, doc: "The logistic function 1 / (1 + e^-x).")
        defineFloatUnary(d, "erf", Pointwise.Erf.self, samples: .real, doc: "The error function.")
    }
}

extension Tensor {
    private static let expOp = Dispatcher.shared.handle("exp")
    private static let expm1Op = Dispatcher.shared.handle("expm1")
    private static let logOp = Dispatcher.shared.handle("log")
    private static let log2Op = Dispatcher.shared.handle("log2")
    private static let log10Op = Dispatcher.shared.handle("log10")
    private static let log1pOp = Dispatcher.shared.handle("log1p")
    private static let sqrtOp = Dispatcher.shared.handle("sqrt")
    private static let rsqrtOp = Dispatcher.shared.handle("rsqrt")
    private static let reciprocalOp = Dispatcher.shared.handle("reciprocal")
    private static let sigmoidOp = Dispatcher.shared.handle("sigmoid")
    private static let erfOp = Dispatcher.shared.handle("erf")
    private static let expInPlaceOp = Dispatcher.shared.handle("exp_")
    private static let logInPlaceOp = Dispatcher.shared.handle("log_")
    private static let sqrtInPlaceOp = Dispatcher.shared.handle("sqrt_")
    private static let rsqrtInPlaceOp = Dispatcher.shared.handle("rsqrt_")
    private static let reciprocalInPlaceOp = Dispatcher.shared.handle("reciprocal_")
    private static let sigmoidInPlaceOp = Dispatcher.shared.handle("sigmoid_")

    /// `e^x` elementwise (`torch.exp`); integer tensors give float32.
    public func exp() -> Tensor { callPointwise(Tensor.expOp) }
    /// `e^x - 1`, accurate for small `x` (`torch.expm1`).
    public func expm1() -> Tensor { callPointwise(Tensor.expm1Op) }
    /// The natural logarithm (`torch.log`); `nan` below zero, `-inf` at zero.
    public func log() -> Tensor { callPointwise(Tensor.logOp) }
    /// The base-2 logarithm (`torch.log2`).
    public func log2() -> Tensor { callPointwise(Tensor.log2Op) }
    /// The base-10 logarithm (`torch.log10`).
    public func log10() -> Tensor { callPointwise(Tensor.log10Op) }
    /// `log(1 + x)`, accurate for small `x` (`torch.log1p`).
    public func log1p() -> Tensor { callPointwise(Tensor.log1pOp) }
    /// The square root (`torch.sqrt`); `nan` below zero.
    public func sqrt() -> Tensor { callPointwise(Tensor.sqrtOp) }
    /// `1 / sqrt(x)` (`torch.rsqrt`).
    public func rsqrt() -> Tensor { callPointwise(Tensor.rsqrtOp) }
    /// `1 / x` (`torch.reciprocal`); integer tensors give float32.
    public func reciprocal() -> Tensor { callPointwise(Tensor.reciprocalOp) }
    /// The logistic function `1 / (1 + e^-x)` (`torch.sigmoid`), stable for large `|x|`.
    public func sigmoid() -> Tensor { callPointwise(Tensor.sigmoidOp) }
    /// The error function (`torch.erf`).
    public func erf() -> Tensor { callPointwise(Tensor.erfOp) }

    /// Replaces each element by `e^x` (`tensor.exp_`); `self` must be floating point.
    @discardableResult public func exp_() -> Tensor { callPointwise(Tensor.expInPlaceOp) }
    /// Replaces each element by its natural logarithm (`tensor.log_`).
    @discardableResult public func log_() -> Tensor { callPointwise(Tensor.logInPlaceOp) }
    /// Replaces each element by its square root (`tensor.sqrt_`).
    @discardableResult public func sqrt_() -> Tensor { callPointwise(Tensor.sqrtInPlaceOp) }
    /// Replaces each element by `1 / sqrt(x)` (`tensor.rsqrt_`).
    @discardableResult public func rsqrt_() -> Tensor { callPointwise(Tensor.rsqrtInPlaceOp) }
    /// Replaces each element by `1 / x` (`tensor.reciprocal_`).
    @discardableResult public func reciprocal_() -> Tensor { callPointwise(Tensor.reciprocalInPlaceOp) }
    /// Replaces each element by its sigmoid (`tensor.sigmoid_`).
    @discardableResult public func sigmoid_() -> Tensor { callPointwise(Tensor.sigmoidInPlaceOp) }
}
