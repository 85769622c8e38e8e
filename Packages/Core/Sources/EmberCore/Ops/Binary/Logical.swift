// logical_and, logical_or, logical_xor: bool results for any dtypes, treating non-zero
// (NaN included) as true. In-place forms keep self's dtype (writing 0 or 1).

/// A truth function of two bools.
protocol LogicalFunction: Sendable {
    /// The result for `(a, b)`.
    static func apply(_ a: Bool, _ b: Bool) -> Bool
}

extension Pointwise {
    enum And: LogicalFunction { static func apply(_ a: Bool, _ b: Bool) -> Bool { a && b } }
    enum Or: LogicalFunction { static func apply(_ a: Bool, _ b: Bool) -> Bool { a || b } }
    enum Xor: LogicalFunction { static func apply(_ a: Bool, _ b: Bool) -> Bool { a != b } }
}

/// Applies a ``LogicalFunction`` to the truth values of two promoted numeric tensors.
struct LogicalKernel<L: LogicalFunction>: NumericKernel {
    let name: String
    func run<T: NumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        [.tensor(try Elementwise.zip(try args.tensor(0), try args.tensor(1), T.self, T.self, to: Bool.self, op: name) {
            L.apply($0 != T.zeroValue, $1 != T.zeroValue)
        })]
    }
}

extension CoreOperators {
    static func registerLogicalOps(_ d: Dispatcher) {
        defineLogical(d, "logical_and", Pointwise.And.self, doc: "Whether both elements are non-zero.")
        defineLogical(d, "logical_or", Pointwise.Or.self, doc: "Whether either element is non-zero.")
        defineLogical(d, "logical_xor", Pointwise.Xor.self, doc: "Whether exactly one element is non-zero.")
    }

    private static func defineLogical<L: LogicalFunction>(_ d: Dispatcher, _ name: String, _ f: L.Type, doc: String) {
        let op = define(d, "\(name)(Tensor self, Tensor other) -> Tensor", promotion: .common(["self", "other"]), doc: doc)
        d.register(op, numeric: LogicalKernel<L>(name: name), package: package)
        d.register(op, dtypes: [.bool], package: package) { args in
            [.tensor(try Elementwise.zip(try args.tensor(0), try args.tensor(1), Bool.self, Bool.self, to: Bool.self, op: name) {
                L.apply($0, $1)
            })]
        }
        let samples = binarySamples((.real, .real), bool: true)
        d.registerSamples(op, samples)
        defineInPlaceThroughFallback(d, op, samples: samples)
    }
}

extension Tensor {
    private static let logicalAndOp = Dispatcher.shared.handle("logical_and")
    private static let logicalOrOp = Dispatcher.shared.handle("logical_or")
    private static let logicalXorOp = Dispatcher.shared.handle("logical_xor")

    /// A bool tensor: whether both elements are non-zero (`torch.logical_and`), any dtypes.
    public func logicalAnd(_ other: Tensor) -> Tensor { callPointwise(Tensor.logicalAndOp, other) }
    /// A bool tensor: whether either element is non-zero (`torch.logical_or`).
    public func logicalOr(_ other: Tensor) -> Tensor { callPointwise(Tensor.logicalOrOp, other) }
    /// A bool tensor: whether exactly one element is non-zero (`torch.logical_xor`).
    public func logicalXor(_ other: Tensor) -> Tensor { callPointwise(Tensor.logicalXorOp, other) }
}
