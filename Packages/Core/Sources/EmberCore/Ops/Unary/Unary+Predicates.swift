// isnan, isinf, isfinite, logical_not: bool results for tensors of any dtype.

/// A test on one floating-point value; integer and bool elements always give `integerResult`.
protocol FloatTest: Sendable {
    /// The result for a floating-point element.
    static func test<T: FloatElement>(_ x: T) -> Bool
    /// The result for every integer or bool element.
    static var integerResult: Bool { get }
}

extension Pointwise {
    enum IsNaN: FloatTest {
        static func test<T: FloatElement>(_ x: T) -> Bool { x.isNaN }
        static var integerResult: Bool { false }
    }
    enum IsInf: FloatTest {
        static func test<T: FloatElement>(_ x: T) -> Bool { x.isInfinite }
        static var integerResult: Bool { false }
    }
    enum IsFinite: FloatTest {
        static func test<T: FloatElement>(_ x: T) -> Bool { x.isFinite }
        static var integerResult: Bool { true }
    }

    /// A bool tensor of `shape` filled with `value`.
    static func filledBool(_ shape: [Int], _ value: Bool) -> Tensor {
        let out = Tensor(empty: shape, dtype: .bool)
        let p = out.dataPointer.assumingMemoryBound(to: Bool.self)
        for i in 0..<out.count { p[i] = value }
        return out
    }
}

/// Runs a ``FloatTest`` over `self` into a bool tensor.
struct FloatTestKernel<P: FloatTest>: FloatKernel {
    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        [.tensor(Elementwise.map(try args.tensor(0), T.self, to: Bool.self) { P.test($0) })]
    }
}

/// `x == 0` for every numeric element type.
struct LogicalNotKernel: NumericKernel {
    func run<T: NumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        [.tensor(Elementwise.map(try args.tensor(0), T.self, to: Bool.self) { $0 == T.zeroValue })]
    }
}

extension CoreOperators {
    static func registerPredicateOps(_ d: Dispatcher) {
        definePredicate(d, "isnan", Pointwise.IsNaN.self, doc: "Whether each element is NaN.")
        definePredicate(d, "isinf", Pointwise.IsInf.self, doc: "Whether each element is positive or negative infinity.")
        definePredicate(d, "isfinite", Pointwise.IsFinite.self, doc: "Whether each element is neither infinite nor NaN.")

        let not = define(d, "logical_not(Tensor self) -> Tensor", doc: "Whether each element is zero (false).")
        d.register(not, numeric: LogicalNotKernel(), package: package)
        d.register(not, dtypes: [.bool], package: package) { args in
            [.tensor(Elementwise.map(try args.tensor(0), Bool.self, to: Bool.self) { !$0 })]
        }
        let samples: SampleInputs = { dtype in
            PointwiseSamples.unary(dtype == .bool ? .bools : dtype.isFloatingPoint ? .real : .integers, dtype)
        }
        d.registerSamples(not, samples)
        let notInPlace = define(d, "logical_not_(Tensor(a!) self) -> Tensor(a!)", dispatchOn: "self",
                                doc: "In-place logical_not: writes 1 where self is zero, 0 elsewhere.")
        Pointwise.registerInPlace(d, notInPlace, computing: not, fast: [:])
        d.registerSamples(notInPlace, samples)
    }

    private static func definePredicate<P: FloatTest>(_ d: Dispatcher, _ name: String, _ test: P.Type, doc: String) {
        let op = define(d, "\(name)(Tensor self) -> Tensor", doc: doc)
        d.register(op, floating: FloatTestKernel<P>(), package: package)
        d.register(op, dtypes: [.bool] + Dispatcher.integerDTypes, package: package) { args in
            [.tensor(Pointwise.filledBool(try args.tensor(0).shape, P.integerResult))]
        }
        d.registerSamples(op) { dtype in
            PointwiseSamples.unary(dtype == .bool ? .bools : dtype.isFloatingPoint ? .real : .integers, dtype)
        }
    }
}

extension Tensor {
    private static let isnanOp = Dispatcher.shared.handle("isnan")
    private static let isinfOp = Dispatcher.shared.handle("isinf")
    private static let isfiniteOp = Dispatcher.shared.handle("isfinite")
    private static let logicalNotOp = Dispatcher.shared.handle("logical_not")
    private static let logicalNotInPlaceOp = Dispatcher.shared.handle("logical_not_")

    /// A bool tensor: whether each element is NaN (`torch.isnan`).
    public func isnan() -> Tensor { callPointwise(Tensor.isnanOp) }
    /// A bool tensor: whether each element is `inf` or `-inf` (`torch.isinf`).
    public func isinf() -> Tensor { callPointwise(Tensor.isinfOp) }
    /// A bool tensor: whether each element is finite (`torch.isfinite`).
    public func isfinite() -> Tensor { callPointwise(Tensor.isfiniteOp) }
    /// A bool tensor: whether each element is zero (`torch.logical_not`).
    public func logicalNot() -> Tensor { callPointwise(Tensor.logicalNotOp) }
    /// Replaces each element by 1 where it is zero and 0 elsewhere, keeping the dtype
    /// (`tensor.logical_not_`).
    @discardableResult public func logicalNot_() -> Tensor { callPointwise(Tensor.logicalNotInPlaceOp) }
}
