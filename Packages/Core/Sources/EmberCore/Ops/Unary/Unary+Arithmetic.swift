// neg, abs, sign, square, relu: defined on floats and integers, keeping the dtype (integer
// overflow wraps, as in PyTorch: `-UInt8(200) == 56`, `abs(Int8(-128)) == -128`).

extension Pointwise {
    enum Neg: FloatMap, IntegerMap {
        static func apply<T: FloatElement>(_ x: T) -> T { -x }
        static func apply<T: IntegerNumericElement>(_ x: T) -> T { 0 &- x }
    }

    enum Abs: FloatMap, IntegerMap {
        static func apply<T: FloatElement>(_ x: T) -> T { x.magnitude }
        static func apply<T: IntegerNumericElement>(_ x: T) -> T { x < 0 ? 0 &- x : x }
    }

    /// -1, 0 or 1; `sign(nan) == 0` and `sign(-0.0) == 0`, as in PyTorch.
    enum Sign: FloatMap, IntegerMap {
        static func apply<T: FloatElement>(_ x: T) -> T { x > 0 ? 1 : x < 0 ? -1 : 0 }
        static func apply<T: IntegerNumericElement>(_ x: T) -> T { x > 0 ? 1 : x < 0 ? 0 &- 1 : 0 }
    }

    enum Square: FloatMap, IntegerMap {
        static func apply<T: FloatElement>(_ x: T) -> T { x * x }
        static func apply<T: IntegerNumericElement>(_ x: T) -> T { x &* x }
    }

    /// `max(x, 0)`; keeps `nan` and `-0.0` as PyTorch does.
    enum Relu: FloatMap, IntegerMap {
        static func apply<T: FloatElement>(_ x: T) -> T { x < 0 ? 0 : x }
        static func apply<T: IntegerNumericElement>(_ x: T) -> T { x < 0 ? 0 : x }
    }
}

extension CoreOperators {
    static func registerArithmeticUnaryOps(_ d: Dispatcher) {
        defineNumericUnary(d, "neg", Pointwise.Neg.self, samples: .real,
            boolError: "Negation, the `-` operator, on a bool tensor is not supported. "
                + "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.",
            doc: "The negation -x.")
        defineNumericUnary(d, "abs", Pointwise.Abs.self, samples: .real,
            boolError: "\"abs_cpu\" not implemented for 'Bool'", doc: "The absolute value.")
        defineNumericUnary(d, "sign", Pointwise.Sign.self, samples: .real,
            bool: { args in [.tensor(castTensor(try args.tensor(0), to: .bool))] },
            doc: "The sign: -1, 0 or 1.")
        // PyTorch computes square as pow(self, 2): a bool tensor gives int64.
        defineNumericUnary(d, "square", Pointwise.Square.self, samples: .real,
            bool: { args in [.tensor(castTensor(try args.tensor(0), to: .int64))] },
            doc: "The square x * x.")
        defineNumericUnary(d, "relu", Pointwise.Relu.self, samples: .real,
            boolError: "Boolean inputs not supported for relu", doc: "The rectifier max(x, 0).")
    }
}

extension Tensor {
    private static let negOp = Dispatcher.shared.handle("neg")
    private static let absOp = Dispatcher.shared.handle("abs")
    private static let signOp = Dispatcher.shared.handle("sign")
    private static let squareOp = Dispatcher.shared.handle("square")
    private static let reluOp = Dispatcher.shared.handle("relu")
    private static let negInPlaceOp = Dispatcher.shared.handle("neg_")
    private static let absInPlaceOp = Dispatcher.shared.handle("abs_")
    private static let signInPlaceOp = Dispatcher.shared.handle("sign_")
    private static let squareInPlaceOp = Dispatcher.shared.handle("square_")
    private static let reluInPlaceOp = Dispatcher.shared.handle("relu_")

    /// `-x` elementwise (`torch.neg`); integers wrap, bool tensors are rejected.
    public func neg() -> Tensor { callPointwise(Tensor.negOp) }
    /// The absolute value (`torch.abs`).
    public func abs() -> Tensor { callPointwise(Tensor.absOp) }
    /// -1, 0 or 1 by the sign of each element (`torch.sign`); `nan` gives 0.
    public func sign() -> Tensor { callPointwise(Tensor.signOp) }
    /// `x * x` (`torch.square`); bool tensors give int64.
    public func square() -> Tensor { callPointwise(Tensor.squareOp) }
    /// `max(x, 0)` (`torch.relu`), for floats and integers.
    public func relu() -> Tensor { callPointwise(Tensor.reluOp) }

    /// Negates each element in place (`tensor.neg_`).
    @discardableResult public func neg_() -> Tensor { callPointwise(Tensor.negInPlaceOp) }
    /// Replaces each element by its absolute value (`tensor.abs_`).
    @discardableResult public func abs_() -> Tensor { callPointwise(Tensor.absInPlaceOp) }
    /// Replaces each element by its sign (`tensor.sign_`).
    @discardableResult public func sign_() -> Tensor { callPointwise(Tensor.signInPlaceOp) }
    /// Squares each element in place (`tensor.square_`).
    @discardableResult public func square_() -> Tensor { callPointwise(Tensor.squareInPlaceOp) }
    /// Replaces each element by `max(x, 0)` (`tensor.relu_`).
    @discardableResult public func relu_() -> Tensor { callPointwise(Tensor.reluInPlaceOp) }

    /// `-x` (`torch.neg`).
    public static prefix func - (operand: Tensor) -> Tensor { operand.neg() }
}
