// div: true division (integer and bool tensors give float32), or with
// `rounding_mode="trunc"` (toward zero) or `"floor"` (toward -inf, Python's `//`), which
// keep integer dtypes. An integer zero divisor throws `ZeroDivisionError` as in PyTorch;
// a floating one gives inf or nan.

extension Pointwise {
    enum TrueDivide: FloatZip {
        static func apply<T: FloatElement>(_ a: T, _ b: T) -> T { a / b }
    }

    enum TruncDivide: FloatZip, IntegerZip {
        static var rejectsZeroDivisor: Bool { true }
        static func apply<T: FloatElement>(_ a: T, _ b: T) -> T { (a / b).rounded(.towardZero) }
        static func apply<T: IntegerNumericElement>(_ a: T, _ b: T) -> T {
            a.dividedReportingOverflow(by: b).partialValue  // Int.min / -1 wraps to Int.min
        }
    }

    /// Floor division. The floating version follows Python's `float.__floordiv__`: the
    /// quotient `(a - fmod(a, b)) / b` is exact up to one rounding, corrected by one when
    /// the remainder's sign differs from the divisor's, then snapped to the nearest integer.
    enum FloorDivide: FloatZip, IntegerZip {
        static var rejectsZeroDivisor: Bool { true }
        static func apply<T: FloatElement>(_ a: T, _ b: T) -> T {
            if b == 0 { return a / b }
            let mod = a.truncatingRemainder(dividingBy: b)
            var div = (a - mod) / b
            if mod != 0 && (b < 0) != (mod < 0) { div -= 1 }
            if div == 0 { return T(signOf: a / b, magnitudeOf: 0) }
            var floored = div.rounded(.down)
            if div - floored > T(0.5) { floored += 1 }
            return floored
        }
        static func apply<T: IntegerNumericElement>(_ a: T, _ b: T) -> T {
            let q = a.dividedReportingOverflow(by: b).partialValue
            let r = a.remainderReportingOverflow(dividingBy: b).partialValue
            return r != 0 && (r < 0) != (b < 0) ? q &- 1 : q
        }
    }
}

/// The division rounding modes `div` accepts.
enum DivRoundingMode {
    case none, trunc, floor

    init(_ text: String?, op: String) throws {
        switch text {
        case nil: self = .none
        case "trunc": self = .trunc
        case "floor": self = .floor
        case let other?:
            throw EmberError(.invalidArgument, op: op,
                "div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '\(other)'")
        }
    }
}

/// div and div_ for one element type. Integer true division computes in float32 (the
/// in-place form then fails PyTorch's cast check through `fallback`).
struct DivKernel: FloatKernel, IntegerKernel {
    let name: String
    let inPlace: Bool
    var fallback: Kernel = { _ in [] }

    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        switch try DivRoundingMode(try args.optionalString(2), op: name) {
        case .none: return try float(Pointwise.TrueDivide.self, args, T.self)
        case .trunc: return try float(Pointwise.TruncDivide.self, args, T.self)
        case .floor: return try float(Pointwise.FloorDivide.self, args, T.self)
        }
    }

    func run<T: IntegerNumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        switch try DivRoundingMode(try args.optionalString(2), op: name) {
        case .none:
            if inPlace { return try fallback(args) }
            return try DivKernel.trueDivideAsFloat(args)
        case .trunc: return try integer(Pointwise.TruncDivide.self, args, T.self)
        case .floor: return try integer(Pointwise.FloorDivide.self, args, T.self)
        }
    }

    private func float<F: FloatZip, T: FloatElement>(_ f: F.Type, _ args: Arguments, _ type: T.Type) throws -> [IValue] {
        if inPlace { return try FloatZipInPlaceKernel<F>(name: name, fallback: fallback).run(args, T.self) }
        return try FloatZipKernel<F>(name: name).run(args, T.self)
    }

    private func integer<F: IntegerZip, T: IntegerNumericElement>(_ f: F.Type, _ args: Arguments, _ type: T.Type) throws -> [IValue] {
        if inPlace { return try IntegerZipInPlaceKernel<F>(name: name, fallback: fallback).run(args, T.self) }
        return try IntegerZipKernel<F>(name: name).run(args, T.self)
    }

    /// True division of integer or bool tensors, in the default float type.
    static func trueDivideAsFloat(_ args: Arguments) throws -> [IValue] {
        let a = castTensor(try args.tensor(0), to: .float32), b = castTensor(try args.tensor(1), to: .float32)
        return try FloatZipKernel<Pointwise.TrueDivide>(name: "div").run(Arguments([.tensor(a), .tensor(b)], op: args.op), Float.self)
    }
}

extension CoreOperators {
    static func registerDiv(_ d: Dispatcher) {
        let op = define(d, "div(Tensor self, Tensor other, *, str? rounding_mode=None) -> Tensor",
                        promotion: .common(["self", "other"]),
                        doc: "Divides self by other: true division, or rounded with rounding_mode 'trunc' or 'floor'.")
        d.register(op, floating: DivKernel(name: "div", inPlace: false), package: package)
        d.register(op, integer: DivKernel(name: "div", inPlace: false), package: package)
        d.register(op, dtypes: [.bool], package: package) { args in
            let mode = try DivRoundingMode(try args.optionalString(2), op: "div")
            if mode == .none { return try DivKernel.trueDivideAsFloat(args) }
            throw Pointwise.notImplemented(mode == .trunc ? "div_trunc_cpu" : "div_floor_cpu", .bool, op: "div")
        }
        let samples: SampleInputs = { dtype in
            if dtype == .bool { return [] }
            if !dtype.isFloatingPoint { return PointwiseSamples.binary(.integers, .integers, dtype, extra: [.string("floor")]) }
            return PointwiseSamples.binary(.real, .positive, dtype, extra: [.none])
                + [[.tensor(PointwiseSamples.tensor(.real, [3], dtype)), .tensor(PointwiseSamples.tensor(.positive, [3], dtype)), .string("trunc")]]
        }
        d.registerSamples(op, samples)

        let inPlace = define(d, "div_(Tensor(a!) self, Tensor other, *, str? rounding_mode=None) -> Tensor(a!)",
                             dispatchOn: "self", doc: "In-place div.")
        var fast = DivKernel(name: "div_", inPlace: true)
        fast.fallback = Pointwise.inPlaceFallback(d, op, name: "div_")
        Pointwise.registerInPlace(d, inPlace, computing: op,
                                  fast: Pointwise.floatKernels(fast).merging(Pointwise.integerKernels(fast)) { a, _ in a })
        d.registerSamples(inPlace, { dtype in dtype.isFloatingPoint ? samples(dtype) : [] })
    }
}

extension Tensor {
    private static let divOp = Dispatcher.shared.handle("div")
    private static let divInPlaceOp = Dispatcher.shared.handle("div_")

    /// `self / other`, broadcasting (`torch.div`). Without a rounding mode this is true
    /// division (integer tensors give float32); `roundingMode: "trunc"` rounds toward zero
    /// and `"floor"` toward negative infinity, keeping integer dtypes.
    public func div(_ other: Tensor, roundingMode: String? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.divOp, [.tensor(self), .tensor(other), roundingMode.map { .string($0) } ?? .none])
    }

    /// `self / other` rounded toward negative infinity (`torch.floor_divide`, Python's `//`).
    public func floorDivide(_ other: Tensor) -> Tensor { div(other, roundingMode: "floor") }

    /// Divides in place (`tensor.div_`); true division of an integer tensor is an error,
    /// as its float result cannot be stored in it.
    @discardableResult
    public func div_(_ other: Tensor, roundingMode: String? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.divInPlaceOp, [.tensor(self), .tensor(other), roundingMode.map { .string($0) } ?? .none])
    }
}
