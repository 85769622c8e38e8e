// bitwise_and/or/xor/not and the shifts, for integer tensors (and bool, except shifts).
// Floating operands are an error worded as PyTorch's. A shift by a negative amount or by
// at least the bit width gives 0 (left) or the sign fill (right), as PyTorch does.

extension Pointwise {
    enum BitAnd: IntegerZip { static func apply<T: IntegerNumericElement>(_ a: T, _ b: T) -> T { a & b } }
    enum BitOr: IntegerZip { static func apply<T: IntegerNumericElement>(_ a: T, _ b: T) -> T { a | b } }
    enum BitXor: IntegerZip { static func apply<T: IntegerNumericElement>(_ a: T, _ b: T) -> T { a ^ b } }

    enum LeftShift: IntegerZip {
        static func apply<T: IntegerNumericElement>(_ a: T, _ b: T) -> T {
            b < 0 || b >= T(T.bitWidth) ? 0 : a << b
        }
    }

    enum RightShift: IntegerZip {
        static func apply<T: IntegerNumericElement>(_ a: T, _ b: T) -> T {
            b < 0 || b >= T(T.bitWidth) ? (a < 0 ? 0 &- 1 : 0) : a >> b
        }
    }

    enum BitNot: IntegerMap { static func apply<T: IntegerNumericElement>(_ x: T) -> T { ~x } }
}

extension CoreOperators {
    static func registerBitwiseOps(_ d: Dispatcher) {
        defineBitwise(d, "bitwise_and", Pointwise.BitAnd.self, bool: { $0 && $1 }, kernelName: "bitwise_and_cpu",
                      doc: "The bitwise and (logical and for bool).")
        defineBitwise(d, "bitwise_or", Pointwise.BitOr.self, bool: { $0 || $1 }, kernelName: "bitwise_or_cpu",
                      doc: "The bitwise or (logical or for bool).")
        defineBitwise(d, "bitwise_xor", Pointwise.BitXor.self, bool: { $0 != $1 }, kernelName: "bitwise_xor_cpu",
                      doc: "The bitwise exclusive or (logical xor for bool).")
        defineBitwise(d, "bitwise_left_shift", Pointwise.LeftShift.self, bool: nil, kernelName: "lshift_cpu",
                      doc: "Shifts self's bits left by other.")
        defineBitwise(d, "bitwise_right_shift", Pointwise.RightShift.self, bool: nil, kernelName: "rshift_cpu",
                      doc: "Shifts self's bits right by other, filling with the sign bit.")
        registerBitwiseNot(d)
    }

    private static func defineBitwise<F: IntegerZip>(
        _ d: Dispatcher, _ name: String, _ f: F.Type, bool: (@Sendable (Bool, Bool) -> Bool)?, kernelName: String, doc: String
    ) {
        let op = define(d, "\(name)(Tensor self, Tensor other) -> Tensor", promotion: .common(["self", "other"]), doc: doc)
        d.register(op, integer: IntegerZipKernel<F>(name: name), package: package)
        let floats: [DType] = [.float16, .bfloat16, .float32, .float64]
        Pointwise.registerUnsupported(d, op, bool == nil ? floats + [.bool] : floats, kernelName: kernelName)
        if let bool {
            d.register(op, dtypes: [.bool], package: package) { args in
                [.tensor(try Elementwise.zip(try args.tensor(0), try args.tensor(1), Bool.self, Bool.self, to: Bool.self, op: name, bool))]
            }
        }
        let samples: SampleInputs = { dtype in
            if dtype == .bool { return bool == nil ? [] : PointwiseSamples.binary(.bools, .bools, dtype) }
            return dtype.isIntegral ? PointwiseSamples.binary(.integers, .shifts, dtype) : []
        }
        d.registerSamples(op, samples)
        let inPlace = define(d, "\(name)_(Tensor(a!) self, Tensor other) -> Tensor(a!)", dispatchOn: "self", doc: "In-place \(name).")
        let fallback = Pointwise.inPlaceFallback(d, op, name: name + "_")
        Pointwise.registerInPlace(d, inPlace, computing: op,
                                  fast: Pointwise.integerKernels(IntegerZipInPlaceKernel<F>(name: name + "_", fallback: fallback)))
        d.registerSamples(inPlace, samples)
    }

    private static func registerBitwiseNot(_ d: Dispatcher) {
        let op = define(d, "bitwise_not(Tensor self) -> Tensor", doc: "The bitwise complement (logical not for bool).")
        d.register(op, integer: IntegerMapKernel<Pointwise.BitNot>(), package: package)
        d.register(op, dtypes: [.bool], package: package) { args in
            [.tensor(Elementwise.map(try args.tensor(0), Bool.self, to: Bool.self) { !$0 })]
        }
        Pointwise.registerUnsupported(d, op, [.float16, .bfloat16, .float32, .float64], kernelName: "bitwise_not_cpu")
        let samples: SampleInputs = { dtype in
            dtype.isFloatingPoint ? [] : PointwiseSamples.unary(dtype == .bool ? .bools : .integers, dtype)
        }
        d.registerSamples(op, samples)
        let inPlace = define(d, "bitwise_not_(Tensor(a!) self) -> Tensor(a!)", dispatchOn: "self", doc: "In-place bitwise_not.")
        Pointwise.registerInPlace(d, inPlace, computing: op, fast: Pointwise.integerKernels(IntegerMapInPlaceKernel<Pointwise.BitNot>()))
        d.registerSamples(inPlace, samples)
    }
}

extension Tensor {
    private static let bitwiseAndOp = Dispatcher.shared.handle("bitwise_and")
    private static let bitwiseOrOp = Dispatcher.shared.handle("bitwise_or")
    private static let bitwiseXorOp = Dispatcher.shared.handle("bitwise_xor")
    private static let bitwiseNotOp = Dispatcher.shared.handle("bitwise_not")
    private static let leftShiftOp = Dispatcher.shared.handle("bitwise_left_shift")
    private static let rightShiftOp = Dispatcher.shared.handle("bitwise_right_shift")

    /// The bitwise and of integer or bool tensors (`torch.bitwise_and`, `&`).
    public func bitwiseAnd(_ other: Tensor) -> Tensor { callPointwise(Tensor.bitwiseAndOp, other) }
    /// The bitwise or of integer or bool tensors (`torch.bitwise_or`, `|`).
    public func bitwiseOr(_ other: Tensor) -> Tensor { callPointwise(Tensor.bitwiseOrOp, other) }
    /// The bitwise exclusive or of integer or bool tensors (`torch.bitwise_xor`, `^`).
    public func bitwiseXor(_ other: Tensor) -> Tensor { callPointwise(Tensor.bitwiseXorOp, other) }
    /// The bitwise complement; logical not for bool tensors (`torch.bitwise_not`, `~`).
    public func bitwiseNot() -> Tensor { callPointwise(Tensor.bitwiseNotOp) }
    /// Shifts each element's bits left by `other` (`torch.bitwise_left_shift`, `<<`).
    public func bitwiseLeftShift(_ other: Tensor) -> Tensor { callPointwise(Tensor.leftShiftOp, other) }
    /// Shifts each element's bits right by `other`, filling with the sign bit (`torch.bitwise_right_shift`, `>>`).
    public func bitwiseRightShift(_ other: Tensor) -> Tensor { callPointwise(Tensor.rightShiftOp, other) }
}
