// add / sub: `self + alpha * other` and `self - alpha * other`, with broadcasting and type
// promotion; in-place forms `add_` / `sub_` write into `self` (which must hold the
// broadcast shape, and a dtype the promoted result can be cast to, as in PyTorch).
// Integer arithmetic wraps on overflow, as PyTorch's does.

extension CoreOperators {
    static func registerAdd(_ d: Dispatcher) {
        let add = define(d, "add(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor",
                         promotion: .common(["self", "other"]), doc: "Adds other, scaled by alpha, to self.")
        let sub = define(d, "sub(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor",
                         promotion: .common(["self", "other"]), doc: "Subtracts other, scaled by alpha, from self.")
        d.register(add, floating: AddKernel(sign: 1), package: package)
        d.register(add, integer: AddKernel(sign: 1), package: package)
        d.register(sub, floating: AddKernel(sign: -1), package: package)
        d.register(sub, integer: AddKernel(sign: -1), package: package)
        d.register(add, dtypes: [.bool], package: package) { args in
            let alpha = try args.scalar(2).boolValue
            return [.tensor(try Elementwise.zip(try args.tensor(0), try args.tensor(1), Bool.self, Bool.self, to: Bool.self, op: "add") {
                $0 || (alpha && $1)
            })]
        }
        d.register(sub, dtypes: [.bool], package: package) { _ in
            throw EmberError(.invalidDType, op: "sub", "Subtraction, the `-` operator, with two bool tensors is not supported. "
                + "Use the `^` or `logical_xor()` operator instead.")
        }
        let samples = binarySamples((.real, .real), bool: false)
        d.registerSamples(add) { dtype in samples(dtype).map { $0 + [.scalar(1)] } }
        d.registerSamples(sub) { dtype in samples(dtype).map { $0 + [.scalar(dtype.isFloatingPoint ? 0.5 : 2)] } }
        registerAddInPlace(d, add, sign: 1)
        registerAddInPlace(d, sub, sign: -1)
    }

    private static func registerAddInPlace(_ d: Dispatcher, _ op: OperatorHandle, sign: Int) {
        let name = sign > 0 ? "add_" : "sub_"
        let inPlace = define(d, "\(name)(Tensor(a!) self, Tensor other, *, Scalar alpha=1) -> Tensor(a!)",
                             dispatchOn: "self", doc: sign > 0 ? "Adds other, scaled by alpha, to self in place."
                                : "Subtracts other, scaled by alpha, from self in place.")
        var kernel = AddInPlaceKernel(sign: sign)
        kernel.fallback = Pointwise.inPlaceFallback(d, op, name: name)
        Pointwise.registerInPlace(d, inPlace, computing: op,
                                  fast: Pointwise.floatKernels(kernel).merging(Pointwise.integerKernels(kernel)) { a, _ in a })
        d.registerSamples(inPlace) { dtype in
            dtype.isFloatingPoint ? PointwiseSamples.binary(.real, .real, dtype, extra: [.scalar(2)]) : []
        }
    }
}

extension Pointwise {
    /// PyTorch's checks on `alpha`: no floating alpha for integer results, no bool alpha for
    /// non-bool results.
    static func checkAlpha(_ alpha: Scalar, for dtype: DType, op: String) throws {
        if case .double = alpha, !dtype.isFloatingPoint {
            throw EmberError(.invalidArgument, op: op, "For integral input tensors, argument alpha must not be a floating point number.")
        }
        if case .bool = alpha, dtype != .bool {
            throw EmberError(.invalidArgument, op: op, "Boolean alpha only supported for Boolean results.")
        }
    }
}

/// `self + sign * alpha * other` for one element type.
struct AddKernel: FloatKernel, IntegerKernel {
    let sign: Int

    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let a = try args.tensor(0), b = try args.tensor(1), name = sign > 0 ? "add" : "sub"
        try Pointwise.checkAlpha(try args.scalar(2), for: T.dtype, op: name)
        let alpha = T(try args.scalar(2).doubleValue * Double(sign))
        if let (out, po, pa, pb, bIsScalar) = Elementwise.parallelOperands(a, b, T.self, T.self, to: T.self) {
            Parallel.forEachRange(out.count, grain: Elementwise.grain) { r in
                if bIsScalar {
                    let s = alpha * pb[0]
                    for i in r { po[i] = pa[i] + s }
                } else if alpha == 1 {
                    for i in r { po[i] = pa[i] + pb[i] }
                } else {
                    for i in r { po[i] = pa[i] + alpha * pb[i] }
                }
            }
            return [.tensor(out)]
        }
        if alpha == 1 { return [.tensor(try Elementwise.zip(a, b, T.self, T.self, to: T.self, op: name) { $0 + $1 })] }
        return [.tensor(try Elementwise.zip(a, b, T.self, T.self, to: T.self, op: name) { $0 + alpha * $1 })]
    }

    func run<T: IntegerNumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let a = try args.tensor(0), b = try args.tensor(1), name = sign > 0 ? "add" : "sub"
        try Pointwise.checkAlpha(try args.scalar(2), for: T.dtype, op: name)
        let alpha = T(int64Value: try args.scalar(2).intValue &* Int64(sign))
        if alpha == 1 { return [.tensor(try Elementwise.zip(a, b, T.self, T.self, to: T.self, op: name) { $0 &+ $1 })] }
        return [.tensor(try Elementwise.zip(a, b, T.self, T.self, to: T.self, op: name) { $0 &+ alpha &* $1 })]
    }
}

/// `self += sign * alpha * other` when the result dtype is self's; otherwise `fallback`
/// computes out of place, checks the cast and writes back.
struct AddInPlaceKernel: FloatKernel, IntegerKernel {
    let sign: Int
    var fallback: Kernel = { _ in [] }

    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let a = try args.tensor(0), b = try args.tensor(1)
        guard Pointwise.keepsDType(a, b) else { return try fallback(args) }
        try Pointwise.checkAlpha(try args.scalar(2), for: T.dtype, op: sign > 0 ? "add_" : "sub_")
        let alpha = T(try args.scalar(2).doubleValue * Double(sign))
        try Pointwise.update(a, b.to(T.dtype), T.self, op: sign > 0 ? "add_" : "sub_") { $0 + alpha * $1 }
        return [.tensor(a)]
    }

    func run<T: IntegerNumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let a = try args.tensor(0), b = try args.tensor(1)
        guard Pointwise.keepsDType(a, b) else { return try fallback(args) }
        try Pointwise.checkAlpha(try args.scalar(2), for: T.dtype, op: sign > 0 ? "add_" : "sub_")
        let alpha = T(int64Value: try args.scalar(2).intValue &* Int64(sign))
        try Pointwise.update(a, b.to(T.dtype), T.self, op: sign > 0 ? "add_" : "sub_") { $0 &+ alpha &* $1 }
        return [.tensor(a)]
    }
}

extension Tensor {
    private static let addOp = Dispatcher.shared.handle("add")
    private static let subOp = Dispatcher.shared.handle("sub")
    private static let addInPlaceOp = Dispatcher.shared.handle("add_")
    private static let subInPlaceOp = Dispatcher.shared.handle("sub_")

    /// `self + alpha * other`, broadcasting (`torch.add`).
    public func add(_ other: Tensor, alpha: Scalar = 1) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.addOp, [.tensor(self), .tensor(other), .scalar(alpha)])
    }

    /// `self - alpha * other`, broadcasting (`torch.sub`).
    public func sub(_ other: Tensor, alpha: Scalar = 1) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.subOp, [.tensor(self), .tensor(other), .scalar(alpha)])
    }

    /// Adds `alpha * other` to this tensor in place (`tensor.add_`).
    @discardableResult
    public func add_(_ other: Tensor, alpha: Scalar = 1) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.addInPlaceOp, [.tensor(self), .tensor(other), .scalar(alpha)])
    }

    /// Subtracts `alpha * other` from this tensor in place (`tensor.sub_`).
    @discardableResult
    public func sub_(_ other: Tensor, alpha: Scalar = 1) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.subInPlaceOp, [.tensor(self), .tensor(other), .scalar(alpha)])
    }

    /// `lhs + rhs`, broadcasting (`torch.add`).
    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.add(rhs) }
    /// `lhs + rhs` for a Swift number, which keeps the tensor's dtype within its category.
    public static func + (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.add(Tensor(wrapping: rhs)) }
    /// `lhs + rhs` for a Swift number on the left.
    public static func + (lhs: Scalar, rhs: Tensor) -> Tensor { Tensor(wrapping: lhs).add(rhs) }
    /// `lhs - rhs`, broadcasting (`torch.sub`).
    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.sub(rhs) }
    /// `lhs - rhs` for a Swift number.
    public static func - (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.sub(Tensor(wrapping: rhs)) }
    /// `lhs - rhs` for a Swift number on the left.
    public static func - (lhs: Scalar, rhs: Tensor) -> Tensor { Tensor(wrapping: lhs).sub(rhs) }
    /// Adds `rhs` to `lhs` in place (`add_`).
    public static func += (lhs: Tensor, rhs: Tensor) { lhs.add_(rhs) }
    /// Adds a Swift number to `lhs` in place.
    public static func += (lhs: Tensor, rhs: Scalar) { lhs.add_(Tensor(wrapping: rhs)) }
    /// Subtracts `rhs` from `lhs` in place (`sub_`).
    public static func -= (lhs: Tensor, rhs: Tensor) { lhs.sub_(rhs) }
    /// Subtracts a Swift number from `lhs` in place.
    public static func -= (lhs: Tensor, rhs: Scalar) { lhs.sub_(Tensor(wrapping: rhs)) }
}
