// eq, ne, lt, le, gt, ge: bool results after promoting both operands to their common dtype
// (so `uint8Tensor .< -1` compares against 255, as in PyTorch, while `intTensor .== 2.5`
// compares in float32). NaN compares unequal to everything, itself included.

extension Pointwise {
    enum Equal: ComparisonPredicate { static func test<T: Comparable>(_ a: T, _ b: T) -> Bool { a == b } }
    enum NotEqual: ComparisonPredicate { static func test<T: Comparable>(_ a: T, _ b: T) -> Bool { a != b } }
    enum Less: ComparisonPredicate { static func test<T: Comparable>(_ a: T, _ b: T) -> Bool { a < b } }
    enum LessEqual: ComparisonPredicate { static func test<T: Comparable>(_ a: T, _ b: T) -> Bool { a <= b } }
    enum Greater: ComparisonPredicate { static func test<T: Comparable>(_ a: T, _ b: T) -> Bool { a > b } }
    enum GreaterEqual: ComparisonPredicate { static func test<T: Comparable>(_ a: T, _ b: T) -> Bool { a >= b } }
}

extension CoreOperators {
    static func registerRelationalOps(_ d: Dispatcher) {
        defineComparison(d, "eq", Pointwise.Equal.self, doc: "Whether self == other, elementwise.")
        defineComparison(d, "ne", Pointwise.NotEqual.self, doc: "Whether self != other, elementwise.")
        defineComparison(d, "lt", Pointwise.Less.self, doc: "Whether self < other, elementwise.")
        defineComparison(d, "le", Pointwise.LessEqual.self, doc: "Whether self <= other, elementwise.")
        defineComparison(d, "gt", Pointwise.Greater.self, doc: "Whether self > other, elementwise.")
        defineComparison(d, "ge", Pointwise.GreaterEqual.self, doc: "Whether self >= other, elementwise.")
    }

    private static func defineComparison<P: ComparisonPredicate>(_ d: Dispatcher, _ name: String, _ p: P.Type, doc: String) {
        let op = define(d, "\(name)(Tensor self, Tensor other) -> Tensor", promotion: .common(["self", "other"]), doc: doc)
        d.register(op, numeric: ComparisonKernel<P>(name: name), package: package)
        d.register(op, dtypes: [.bool], package: package) { args in
            [.tensor(try Elementwise.zip(try args.tensor(0), try args.tensor(1), Bool.self, Bool.self, to: Bool.self, op: name) {
                P.test($0 ? 1 as UInt8 : 0, $1 ? 1 : 0)
            })]
        }
        let samples = binarySamples((.real, .real), bool: true)
        d.registerSamples(op, samples)
        defineInPlaceThroughFallback(d, op, samples: samples)
    }
}

extension Tensor {
    private static let eqOp = Dispatcher.shared.handle("eq")
    private static let neOp = Dispatcher.shared.handle("ne")
    private static let ltOp = Dispatcher.shared.handle("lt")
    private static let leOp = Dispatcher.shared.handle("le")
    private static let gtOp = Dispatcher.shared.handle("gt")
    private static let geOp = Dispatcher.shared.handle("ge")

    /// A bool tensor: whether `self == other`, broadcasting (`torch.eq`).
    public func eq(_ other: Tensor) -> Tensor { callPointwise(Tensor.eqOp, other) }
    /// A bool tensor: whether `self != other` (`torch.ne`); true where either is NaN.
    public func ne(_ other: Tensor) -> Tensor { callPointwise(Tensor.neOp, other) }
    /// A bool tensor: whether `self < other` (`torch.lt`).
    public func lt(_ other: Tensor) -> Tensor { callPointwise(Tensor.ltOp, other) }
    /// A bool tensor: whether `self <= other` (`torch.le`).
    public func le(_ other: Tensor) -> Tensor { callPointwise(Tensor.leOp, other) }
    /// A bool tensor: whether `self > other` (`torch.gt`).
    public func gt(_ other: Tensor) -> Tensor { callPointwise(Tensor.gtOp, other) }
    /// A bool tensor: whether `self >= other` (`torch.ge`).
    public func ge(_ other: Tensor) -> Tensor { callPointwise(Tensor.geOp, other) }
}
