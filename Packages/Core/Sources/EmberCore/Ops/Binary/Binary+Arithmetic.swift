// mul, remainder (Python's sign convention: the result takes the divisor's sign), fmod
// (C's: the dividend's sign) and atan2, with broadcasting and PyTorch's type promotion.
// Integer overflow wraps; an integer zero divisor throws `ZeroDivisionError` like PyTorch.

extension Pointwise {
    enum Mul: FloatZip, IntegerZip {
        static func apply<T: FloatElement>(_ a: T, _ b: T) -> T { a * b }
        static func apply<T: IntegerNumericElement>(_ a: T, _ b: T) -> T { a &* b }
    }

    /// `a - b * floor(a / b)`: the remainder with the divisor's sign (Python's `%`).
    enum Remainder: FloatZip, IntegerZip {
        static var rejectsZeroDivisor: Bool { true }
        static func apply<T: FloatElement>(_ a: T, _ b: T) -> T {
            var r = a.truncatingRemainder(dividingBy: b)
            if r != 0 && (b < 0) != (r < 0) { r += b }
            return r
        }
        static func apply<T: IntegerNumericElement>(_ a: T, _ b: T) -> T {
            var r = a.remainderReportingOverflow(dividingBy: b).partialValue  // Int.min % -1 → 0
            if r != 0 && (b < 0) != (r < 0) { r = r &+ b }
            return r
        }
    }

    /// The remainder of truncated division, with the dividend's sign (C's `fmod`).
    enum Fmod: FloatZip, IntegerZip {
        static var rejectsZeroDivisor: Bool { true }
        static func apply<T: FloatElement>(_ a: T, _ b: T) -> T { a.truncatingRemainder(dividingBy: b) }
        static func apply<T: IntegerNumericElement>(_ a: T, _ b: T) -> T {
            a.remainderReportingOverflow(dividingBy: b).partialValue
        }
    }

    enum Atan2: FloatZip {
        static func apply<T: FloatElement>(_ a: T, _ b: T) -> T { .atan2(y: a, x: b) }
    }
}

extension CoreOperators {
    static func registerArithmeticBinaryOps(_ d: Dispatcher) {
        defineBinary(d, "mul", Pointwise.Mul.self, bool: { args in
            [.tensor(try Elementwise.zip(try args.tensor(0), try args.tensor(1), Bool.self, Bool.self, to: Bool.self, op: "mul") {
                $0 && $1
            })]
        }, doc: "Multiplies self by other.")
        defineBinary(d, "remainder", Pointwise.Remainder.self, bool: nil, boolKernelName: "remainder_cpu",
                     samples: (.real, .positive), doc: "The remainder with the divisor's sign (Python's %).")
        defineBinary(d, "fmod", Pointwise.Fmod.self, bool: nil, boolKernelName: "fmod_cpu",
                     samples: (.real, .positive), doc: "The remainder with the dividend's sign (C's fmod).")
        registerAtan2(d)
    }

    private static func registerAtan2(_ d: Dispatcher) {
        let op = define(d, "atan2(Tensor self, Tensor other) -> Tensor", promotion: .commonIntToFloat(["self", "other"]),
                        doc: "The angle of the point (other, self), in (-pi, pi].")
        d.register(op, floating: FloatZipKernel<Pointwise.Atan2>(name: "atan2"), package: package)
        let samples: SampleInputs = { dtype in
            dtype.isFloatingPoint ? PointwiseSamples.binary(.real, .positive, dtype) : []
        }
        d.registerSamples(op, samples)
        let inPlace = define(d, "atan2_(Tensor(a!) self, Tensor other) -> Tensor(a!)", dispatchOn: "self", doc: "In-place atan2.")
        let fallback = Pointwise.inPlaceFallback(d, op, name: "atan2_")
        Pointwise.registerInPlace(d, inPlace, computing: op, fast: Pointwise.floatKernels(
            FloatZipInPlaceKernel<Pointwise.Atan2>(name: "atan2_", fallback: fallback)))
        d.registerSamples(inPlace, samples)
    }
}

extension Tensor {
    private static let mulOp = Dispatcher.shared.handle("mul")
    private static let remainderOp = Dispatcher.shared.handle("remainder")
    private static let fmodOp = Dispatcher.shared.handle("fmod")
    private static let atan2Op = Dispatcher.shared.handle("atan2")
    private static let mulInPlaceOp = Dispatcher.shared.handle("mul_")
    private static let remainderInPlaceOp = Dispatcher.shared.handle("remainder_")
    private static let fmodInPlaceOp = Dispatcher.shared.handle("fmod_")
    private static let atan2InPlaceOp = Dispatcher.shared.handle("atan2_")

    /// `self * other`, broadcasting (`torch.mul`); bool tensors give logical and.
    public func mul(_ other: Tensor) -> Tensor { callPointwise(Tensor.mulOp, other) }
    /// The remainder of floor division, with the divisor's sign (`torch.remainder`, Python's `%`).
    public func remainder(_ other: Tensor) -> Tensor { callPointwise(Tensor.remainderOp, other) }
    /// The remainder of truncated division, with the dividend's sign (`torch.fmod`).
    public func fmod(_ other: Tensor) -> Tensor { callPointwise(Tensor.fmodOp, other) }
    /// The angle of the point `(x: other, y: self)` in radians, in `(-pi, pi]` (`torch.atan2`).
    public func atan2(_ other: Tensor) -> Tensor { callPointwise(Tensor.atan2Op, other) }

    /// Multiplies by `other` in place (`tensor.mul_`); the result must be castable to self's dtype.
    @discardableResult public func mul_(_ other: Tensor) -> Tensor { callPointwise(Tensor.mulInPlaceOp, other) }
    /// Replaces self by `self.remainder(other)` (`tensor.remainder_`).
    @discardableResult public func remainder_(_ other: Tensor) -> Tensor { callPointwise(Tensor.remainderInPlaceOp, other) }
    /// Replaces self by `self.fmod(other)` (`tensor.fmod_`).
    @discardableResult public func fmod_(_ other: Tensor) -> Tensor { callPointwise(Tensor.fmodInPlaceOp, other) }
    /// Replaces self by `self.atan2(other)` (`tensor.atan2_`); self must be floating point.
    @discardableResult public func atan2_(_ other: Tensor) -> Tensor { callPointwise(Tensor.atan2InPlaceOp, other) }
}
