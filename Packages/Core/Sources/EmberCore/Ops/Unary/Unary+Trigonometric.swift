// Trigonometric and hyperbolic functions. All compute in floating point: integer and bool
// tensors give float32, as in PyTorch.

extension Pointwise {
    enum Sin: FloatMap { static func apply<T: FloatElement>(_ x: T) -> T { .sin(x) } }
    enum Cos: FloatMap { static func apply<T: FloatElement>(_ x: T) -> T { .cos(x) } }
    enum Tan: FloatMap { static func apply<T: FloatElement>(_ x: T) -> T { .tan(x) } }
    enum Asin: FloatMap { static func apply<T: FloatElement>(_ x: T) -> T { .asin(x) } }
    enum Acos: FloatMap { static func apply<T: FloatElement>(_ x: T) -> T { .acos(x) } }
    enum Atan: FloatMap { static func apply<T: FloatElement>(_ x: T) -> T { .atan(x) } }
    enum Sinh: FloatMap { static func apply<T: FloatElement>(_ x: T) -> T { .sinh(x) } }
    enum Cosh: FloatMap { static func apply<T: FloatElement>(_ x: T) -> T { .cosh(x) } }
    enum Tanh: FloatMap { static func apply<T: FloatElement>(_ x: T) -> T { .tanh(x) } }
}

extension CoreOperators {
    static func registerTrigonometricOps(_ d: Dispatcher) {
        defineFloatUnary(d, "sin", Pointwise.Sin.self, samples: .real, doc: "The sine (radians).")
        defineFloatUnary(d, "cos", Pointwise.Cos.self, samples: .real, doc: "The cosine (radians).")
        defineFloatUnary(d, "tan", Pointwise.Tan.self, samples: .unit, doc: "The tangent (radians).")
        defineFloatUnary(d, "asin", Pointwise.Asin.self, samples: .unit, doc: "The arcsine, in [-pi/2, pi/2].")
        defineFloatUnary(d, "acos", Pointwise.Acos.self, samples: .unit, doc: "The arccosine, in [0, pi].")
        defineFloatUnary(d, "atan", Pointwise.Atan.self, samples: .real, doc: "The arctangent, in (-pi/2, pi/2).")
        defineFloatUnary(d, "sinh", Pointwise.Sinh.self, samples: .real, doc: "The hyperbolic sine.")
        defineFloatUnary(d, "cosh", Pointwise.Cosh.self, samples: .real, doc: "The hyperbolic cosine.")
        defineFloatUnary(d, "tanh", Pointwise.Tanh.self, samples: .real, doc: "The hyperbolic tangent.")
    }
}

extension Tensor {
    private static let sinOp = Dispatcher.shared.handle("sin")
    private static let cosOp = Dispatcher.shared.handle("cos")
    private static let tanOp = Dispatcher.shared.handle("tan")
    private static let asinOp = Dispatcher.shared.handle("asin")
    private static let acosOp = Dispatcher.shared.handle("acos")
    private static let atanOp = Dispatcher.shared.handle("atan")
    private static let sinhOp = Dispatcher.shared.handle("sinh")
    private static let coshOp = Dispatcher.shared.handle("cosh")
    private static let tanhOp = Dispatcher.shared.handle("tanh")
    private static let tanhInPlaceOp = Dispatcher.shared.handle("tanh_")

    /// The sine of each element, in radians (`torch.sin`); integer tensors give float32.
    public func sin() -> Tensor { callPointwise(Tensor.sinOp) }
    /// The cosine of each element, in radians (`torch.cos`).
    public func cos() -> Tensor { callPointwise(Tensor.cosOp) }
    /// The tangent of each element, in radians (`torch.tan`).
    public func tan() -> Tensor { callPointwise(Tensor.tanOp) }
    /// The arcsine, in `[-pi/2, pi/2]`; `nan` outside `[-1, 1]` (`torch.asin`).
    public func asin() -> Tensor { callPointwise(Tensor.asinOp) }
    /// The arccosine, in `[0, pi]`; `nan` outside `[-1, 1]` (`torch.acos`).
    public func acos() -> Tensor { callPointwise(Tensor.acosOp) }
    /// The arctangent, in `(-pi/2, pi/2)` (`torch.atan`).
    public func atan() -> Tensor { callPointwise(Tensor.atanOp) }
    /// The hyperbolic sine (`torch.sinh`).
    public func sinh() -> Tensor { callPointwise(Tensor.sinhOp) }
    /// The hyperbolic cosine (`torch.cosh`).
    public func cosh() -> Tensor { callPointwise(Tensor.coshOp) }
    /// The hyperbolic tangent (`torch.tanh`).
    public func tanh() -> Tensor { callPointwise(Tensor.tanhOp) }
    /// Replaces each element by its hyperbolic tangent (`tensor.tanh_`).
    @discardableResult public func tanh_() -> Tensor { callPointwise(Tensor.tanhInPlaceOp) }
}
