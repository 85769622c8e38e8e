// pow: `self ** exponent` with broadcasting and PyTorch's type promotion. Floats use the C
// library's pow (a negative base with an integral exponent is defined, unlike
// `Real.pow`); integers use exact repeated squaring with wrapping, where a negative exponent
// gives 1 for base 1, ±1 for base -1 and 0 otherwise — except that a negative Swift-number
// exponent on an integer tensor is an error, as in PyTorch. (The kernel sees the exponent
// after promotion; for a uint8 tensor a wrapped -1 has become 255, so that case is caught
// only by the Swift API, which checks the number before converting it.)

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Pointwise {
    enum Pow: FloatZip, IntegerZip {
        static func apply<T: FloatElement>(_ a: T, _ b: T) -> T {
            if T.self == Float.self {
                return unsafeBitCast(powf(unsafeBitCast(a, to: Float.self), unsafeBitCast(b, to: Float.self)), to: T.self)
            }
            return T(pow(Double(a), Double(b)))
        }

        static func apply<T: IntegerNumericElement>(_ a: T, _ b: T) -> T {
            if b < 0 {
                if a == 1 { return 1 }
                if a == 0 &- 1 { return b & 1 == 0 ? 1 : a }
                return 0
            }
            var result: T = 1, base = a, e = b
            while e > 0 {
                if e & 1 == 1 { result = result &* base }
                e >>= 1
                if e > 0 { base = base &* base }
            }
            return result
        }
    }

    /// Throws PyTorch's error for an integer tensor raised to a negative Swift number.
    static func checkIntegerExponent(_ exponent: Tensor) throws {
        guard exponent.isWrappedNumber, exponent.dtype.isIntegral, exponent.item().intValue < 0 else { return }
        throw EmberError(.invalidArgument, op: "pow", "Integers to negative integer powers are not allowed.")
    }
}

/// Integer pow and pow_, checking for a negative Swift-number exponent first.
struct PowIntegerKernel: IntegerKernel {
    let inPlace: Bool
    var fallback: Kernel = { _ in [] }

    func run<T: IntegerNumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let exponent = try args.tensor(1)
        try Pointwise.checkIntegerExponent(exponent)
        if inPlace { return try IntegerZipInPlaceKernel<Pointwise.Pow>(name: "pow_", fallback: fallback).run(args, T.self) }
        return try IntegerZipKernel<Pointwise.Pow>(name: "pow").run(args, T.self)
    }
}

extension CoreOperators {
    static func registerPow(_ d: Dispatcher) {
        let op = define(d, "pow(Tensor self, Tensor exponent) -> Tensor", promotion: .common(["self", "exponent"]),
                        doc: "Raises self to the power exponent.")
        d.register(op, floating: FloatZipKernel<Pointwise.Pow>(name: "pow"), package: package)
        d.register(op, integer: PowIntegerKernel(inPlace: false), package: package)
        Pointwise.registerUnsupported(d, op, [.bool], kernelName: "pow")
        let samples: SampleInputs = { dtype in
            if dtype == .bool { return [] }
            if !dtype.isFloatingPoint { return PointwiseSamples.binary(.integers, .shifts, dtype) }
            return PointwiseSamples.binary(.positive, .real, dtype)
        }
        d.registerSamples(op, samples)

        let inPlace = define(d, "pow_(Tensor(a!) self, Tensor exponent) -> Tensor(a!)", dispatchOn: "self", doc: "In-place pow.")
        let fallback = Pointwise.inPlaceFallback(d, op, name: "pow_")
        var integer = PowIntegerKernel(inPlace: true)
        integer.fallback = fallback
        let fast = Pointwise.floatKernels(FloatZipInPlaceKernel<Pointwise.Pow>(name: "pow_", fallback: fallback))
            .merging(Pointwise.integerKernels(integer)) { a, _ in a }
        Pointwise.registerInPlace(d, inPlace, computing: op, fast: fast)
        d.registerSamples(inPlace, samples)
    }
}

extension Tensor {
    private static let powOp = Dispatcher.shared.handle("pow")
    private static let powInPlaceOp = Dispatcher.shared.handle("pow_")

    /// `self ** exponent`, broadcasting (`torch.pow`).
    public func pow(_ exponent: Tensor) -> Tensor { callPointwise(Tensor.powOp, exponent) }
    /// `self ** exponent` for a Swift number: `intTensor.pow(2)` stays integral,
    /// `intTensor.pow(0.5)` is float32, and a negative integer exponent of an integer tensor is an error.
    public func pow(_ exponent: Scalar) -> Tensor {
        checkIntegerExponent(exponent)
        return callPointwise(Tensor.powOp, Tensor(wrapping: exponent))
    }
    /// Raises self to `exponent` in place (`tensor.pow_`).
    @discardableResult public func pow_(_ exponent: Tensor) -> Tensor { callPointwise(Tensor.powInPlaceOp, exponent) }
    /// Raises self to the Swift number `exponent` in place (`tensor.pow_`).
    @discardableResult public func pow_(_ exponent: Scalar) -> Tensor {
        checkIntegerExponent(exponent)
        return callPointwise(Tensor.powInPlaceOp, Tensor(wrapping: exponent))
    }

    /// Traps for a negative integer exponent of an integer or bool tensor before the number
    /// is converted to the tensor's dtype (where a uint8 tensor would see -1 as 255).
    private func checkIntegerExponent(_ exponent: Scalar) {
        if !dtype.isFloatingPoint, case .int(let e) = exponent, e < 0 {
            fatalError("pow: Integers to negative integer powers are not allowed.")
        }
    }
}
