// add / sub: `self + alpha * other` and `self - alpha * other`, with broadcasting and type
// promotion; in-place forms `add_` / `sub_` write into `self` (which must hold the
// broadcast shape and the promoted dtype, as in PyTorch).

extension CoreOperators {
    static func registerAdd(_ d: Dispatcher) {
        let add = define(d, "add(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor",
                         promotion: .common(["self", "other"]), doc: "Adds other, scaled by alpha, to self.")
        let sub = define(d, "sub(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor",
                         promotion: .common(["self", "other"]), doc: "Subtracts other, scaled by alpha, from self.")
        d.register(add, numeric: AddKernel(sign: 1), package: package)
        d.register(sub, numeric: AddKernel(sign: -1), package: package)
        d.register(add, dtypes: [.bool], package: package) { args in
            [.tensor(try Elementwise.zip(try args.tensor(0), try args.tensor(1), Bool.self, Bool.self, to: Bool.self, op: "add") { $0 || $1 })]
        }
        let addInPlace = define(d, "add_(Tensor(a!) self, Tensor other, *, Scalar alpha=1) -> Tensor(a!)",
                                dispatchOn: "self", doc: "Adds other, scaled by alpha, to self in place.")
        let subInPlace = define(d, "sub_(Tensor(a!) self, Tensor other, *, Scalar alpha=1) -> Tensor(a!)",
                                dispatchOn: "self", doc: "Subtracts other, scaled by alpha, from self in place.")
        d.register(addInPlace, numeric: AddInPlaceKernel(sign: 1), package: package)
        d.register(subInPlace, numeric: AddInPlaceKernel(sign: -1), package: package)
        for op in [add, sub] { d.registerSamples(op, binarySamples) }
    }

    /// Samples for broadcasting binary arithmetic: same shape, row broadcast, scalar operand.
    static func binarySamples(_ dtype: DType) -> [[IValue]] {
        guard dtype != .bool else { return [] }
        let a = sampleTensor([0.5, -1.25, 2.0, 3.5, -0.75, 1.0], [2, 3], dtype)
        let b = sampleTensor([1.5, 0.25, -2.0, 0.5, 1.75, -1.0], [2, 3], dtype)
        let row = sampleTensor([2.0, -0.5, 1.25], [3], dtype)
        return [
            [.tensor(a), .tensor(b), .scalar(1)],
            [.tensor(a), .tensor(row), .scalar(2)],
            [.tensor(a), .tensor(Tensor(wrapping: 0.5)), .scalar(1)],
        ]
    }

    /// A small tensor of `values` (rounded toward zero for integer dtypes) for sample inputs.
    static func sampleTensor(_ values: [Double], _ shape: [Int], _ dtype: DType) -> Tensor {
        castTensor(Tensor(values, shape: shape), to: dtype)    }
}

/// `self + sign * alpha * other` for one element type.
struct AddKernel: NumericKernel {
    let sign: Int
    func run<T: NumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let a = try args.tensor(0), b = try args.tensor(1)
        let alpha = T(doubleValue: try args.scalar(2).doubleValue * Double(sign))
        let name = sign > 0 ? "add" : "sub"
        if alpha == T.oneValue {
            return [.tensor(try Elementwise.zip(a, b, T.self, T.self, to: T.self, op: name) { T.wrappingAdd($0, $1) })]
        }
        return [.tensor(try Elementwise.zip(a, b, T.self, T.self, to: T.self, op: name) { T.wrappingAdd($0, T.wrappingMultiply(alpha, $1)) })]
    }
}

/// `self += sign * alpha * other` for one element type; `other` is converted to self's type.
struct AddInPlaceKernel: NumericKernel {
    let sign: Int
    func run<T: NumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let a = try args.tensor(0)
        let b = try args.tensor(1).to(T.dtype)
        let alpha = T(doubleValue: try args.scalar(2).doubleValue * Double(sign))
        try Elementwise.update(a, b, T.self, T.self, op: sign > 0 ? "add_" : "sub_") { T.wrappingAdd($0, T.wrappingMultiply(alpha, $1)) }
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

    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.add(rhs) }
    public static func + (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.add(Tensor(wrapping: rhs)) }
    public static func + (lhs: Scalar, rhs: Tensor) -> Tensor { Tensor(wrapping: lhs).add(rhs) }
    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.sub(rhs) }
    public static func - (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.sub(Tensor(wrapping: rhs)) }
    public static func - (lhs: Scalar, rhs: Tensor) -> Tensor { Tensor(wrapping: lhs).sub(rhs) }
    public static func += (lhs: Tensor, rhs: Tensor) { lhs.add_(rhs) }
    public static func += (lhs: Tensor, rhs: Scalar) { lhs.add_(Tensor(wrapping: rhs)) }
    public static func -= (lhs: Tensor, rhs: Tensor) { lhs.sub_(rhs) }
    public static func -= (lhs: Tensor, rhs: Scalar) { lhs.sub_(Tensor(wrapping: rhs)) }
}
