// zeros / ones / full / empty: new tensors of a given shape, filled with a constant (or
// uninitialised). `full` infers its dtype from the fill value as PyTorch does: bool for a
// bool, int64 for an integer, the default float type for a float.

extension CoreOperators {
    static func registerFilled(_ d: Dispatcher) {
        let zeros = define(d, "zeros(int[] size, *, ScalarType? dtype=None, Device? device=None) -> Tensor",
                           doc: "A tensor of zeros.")
        let ones = define(d, "ones(int[] size, *, ScalarType? dtype=None, Device? device=None) -> Tensor",
                          doc: "A tensor of ones.")
        let full = define(d, "full(int[] size, Scalar fill_value, *, ScalarType? dtype=None, Device? device=None) -> Tensor",
                          doc: "A tensor filled with fill_value; the dtype follows the value unless given.")
        let empty = define(d, "empty(int[] size, *, ScalarType? dtype=None, Device? device=None) -> Tensor",
                           doc: "A tensor with uninitialised contents.")
        registerCreation(d, zeros) { args in [.tensor(try filled(args, value: 0, op: "zeros"))] }
        registerCreation(d, ones) { args in [.tensor(try filled(args, value: 1, op: "ones"))] }
        registerCreation(d, empty) { args in [.tensor(try filled(args, value: nil, op: "empty"))] }
        registerCreation(d, full) { args in
            let value = try args.scalar(1)
            let shape = try args.ints(0)
            try checkCreationShape(shape, op: "full")
            let t = Tensor(empty: shape, dtype: try args.optionalDType(2) ?? value.dtype)
            fillContiguous(t, with: value)
            return [.tensor(t)]
        }
        for op in [zeros, ones, empty] {
            d.registerSamples(op) { dtype in [[.ints([2, 3]), .dtype(dtype), .none], [.ints([]), .dtype(dtype), .none]] }
        }
        d.registerSamples(full) { dtype in [[.ints([2, 3]), .scalar(dtype == .bool ? true : 3), .dtype(dtype), .none]] }
    }

    /// A tensor of `args`' shape (argument 0) and dtype (argument 1), filled with `value`.
    private static func filled(_ args: Arguments, value: Scalar?, op: String) throws -> Tensor {
        let shape = try args.ints(0)
        try checkCreationShape(shape, op: op)
        let t = Tensor(empty: shape, dtype: try args.optionalDType(1) ?? .defaultFloat)
        if let value {
            if value == 0 { t.dataPointer.initializeMemory(as: UInt8.self, repeating: 0, count: t.count * t.dtype.itemSize) }
            else { fillContiguous(t, with: value) }
        }
        return t
    }
}

extension Tensor {
    private static let zerosOp = Dispatcher.shared.handle("zeros")
    private static let onesOp = Dispatcher.shared.handle("ones")
    private static let fullOp = Dispatcher.shared.handle("full")
    private static let emptyOp = Dispatcher.shared.handle("empty")

    /// A tensor of zeros (`torch.zeros(2, 3)`): `Tensor.zeros(2, 3)`.
    public static func zeros(_ shape: Int..., dtype: DType = .defaultFloat) -> Tensor { zeros(shape, dtype: dtype) }

    /// A tensor of zeros with the given shape (`torch.zeros((2, 3))`).
    public static func zeros(_ shape: [Int], dtype: DType = .defaultFloat) -> Tensor {
        Dispatcher.shared.callForTensor(zerosOp, [.ints(shape), .dtype(dtype), .none])
    }

    /// A tensor of ones (`torch.ones(2, 3)`): `Tensor.ones(2, 3)`.
    public static func ones(_ shape: Int..., dtype: DType = .defaultFloat) -> Tensor { ones(shape, dtype: dtype) }

    /// A tensor of ones with the given shape (`torch.ones((2, 3))`).
    public static func ones(_ shape: [Int], dtype: DType = .defaultFloat) -> Tensor {
        Dispatcher.shared.callForTensor(onesOp, [.ints(shape), .dtype(dtype), .none])
    }

    /// A tensor filled with `value` (`torch.full(shape, value)`); the dtype follows the
    /// value (bool, int64 or float32) unless given.
    public static func full(_ shape: [Int], _ value: Scalar, dtype: DType? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(fullOp, [.ints(shape), .scalar(value), dtypeValue(dtype), .none])
    }

    /// A tensor with uninitialised contents (`torch.empty(2, 3)`): `Tensor.empty(2, 3)`.
    public static func empty(_ shape: Int..., dtype: DType = .defaultFloat) -> Tensor { empty(shape, dtype: dtype) }

    /// A tensor with uninitialised contents and the given shape (`torch.empty((2, 3))`).
    public static func empty(_ shape: [Int], dtype: DType = .defaultFloat) -> Tensor {
        Dispatcher.shared.callForTensor(emptyOp, [.ints(shape), .dtype(dtype), .none])
    }
}
