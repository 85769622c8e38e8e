// maximum, minimum: the elementwise larger or smaller of two tensors, broadcasting and
// promoting. NaN in either operand gives NaN (unlike C's fmax). For bool tensors they are
// logical or and logical and.

extension Pointwise {
    enum Maximum: FloatZip, IntegerZip {
        static func apply<T: FloatElement>(_ a: T, _ b: T) -> T { a.isNaN ? a : b.isNaN ? b : a < b ? b : a }
        static func apply<T: IntegerNumericElement>(_ a: T, _ b: T) -> T { a < b ? b : a }
    }

    enum Minimum: FloatZip, IntegerZip {
        static func apply<T: FloatElement>(_ a: T, _ b: T) -> T { a.isNaN ? a : b.isNaN ? b : b < a ? b : a }
        static func apply<T: IntegerNumericElement>(_ a: T, _ b: T) -> T { b < a ? b : a }
    }
}

extension CoreOperators {
    static func registerMinMax(_ d: Dispatcher) {
        defineBinary(d, "maximum", Pointwise.Maximum.self, bool: { args in
            [.tensor(try Elementwise.zip(try args.tensor(0), try args.tensor(1), Bool.self, Bool.self, to: Bool.self, op: "maximum") {
                $0 || $1
            })]
        }, inPlace: false, doc: "The elementwise maximum; NaN propagates.")
        defineBinary(d, "minimum", Pointwise.Minimum.self, bool: { args in
            [.tensor(try Elementwise.zip(try args.tensor(0), try args.tensor(1), Bool.self, Bool.self, to: Bool.self, op: "minimum") {
                $0 && $1
            })]
        }, inPlace: false, doc: "The elementwise minimum; NaN propagates.")
    }
}

extension Tensor {
    private static let maximumOp = Dispatcher.shared.handle("maximum")
    private static let minimumOp = Dispatcher.shared.handle("minimum")

    /// The larger of `self` and `other` at each position, broadcasting (`torch.maximum`);
    /// NaN in either gives NaN.
    public func maximum(_ other: Tensor) -> Tensor { callPointwise(Tensor.maximumOp, other) }
    /// The smaller of `self` and `other` at each position (`torch.minimum`); NaN propagates.
    public func minimum(_ other: Tensor) -> Tensor { callPointwise(Tensor.minimumOp, other) }
}
