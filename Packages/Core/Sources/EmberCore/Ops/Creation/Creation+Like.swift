// zeros_like / ones_like / full_like / empty_like: a tensor with another tensor's shape and
// (unless given) dtype. Like PyTorch's `preserve_format`, the result keeps the input's
// layout when the input is dense (a transposed input gives a transposed result).
// Registered as composites: one implementation for every dtype (the result's dtype may
// differ from the input's) and no layer runs for them (their results need no gradient).

extension CoreOperators {
    static func registerLike(_ d: Dispatcher) {
        let zerosLike = define(d, "zeros_like(Tensor self, *, ScalarType? dtype=None) -> Tensor",
                               doc: "Zeros with the shape (and by default the dtype) of self.")
        let onesLike = define(d, "ones_like(Tensor self, *, ScalarType? dtype=None) -> Tensor",
                              doc: "Ones with the shape (and by default the dtype) of self.")
        let fullLike = define(d, "full_like(Tensor self, Scalar fill_value, *, ScalarType? dtype=None) -> Tensor",
                              doc: "fill_value with the shape (and by default the dtype) of self.")
        let emptyLike = define(d, "empty_like(Tensor self, *, ScalarType? dtype=None) -> Tensor",
                               doc: "An uninitialised tensor with the shape (and by default the dtype) of self.")
        d.registerComposite(zerosLike, package: package) { args in
            [.tensor(try like(args, dtypeAt: 1, value: 0))]
        }
        d.registerComposite(onesLike, package: package) { args in
            [.tensor(try like(args, dtypeAt: 1, value: 1))]
        }
        d.registerComposite(fullLike, package: package) { args in
            [.tensor(try like(args, dtypeAt: 2, value: try args.scalar(1)))]
        }
        d.registerComposite(emptyLike, package: package) { args in
            [.tensor(try like(args, dtypeAt: 1, value: nil))]
        }
        for op in [zerosLike, onesLike, emptyLike] {
            d.registerSamples(op) { dtype in [[.tensor(Tensor.zeros([2, 3], dtype: dtype)), .none]] }
        }
        d.registerSamples(fullLike) { dtype in [[.tensor(Tensor.zeros([2, 3], dtype: dtype)), .scalar(dtype == .bool ? true : 2), .none]] }
    }

    /// A tensor laid out like `args`' tensor 0, of the dtype at `dtypeAt` (or its dtype).
    private static func like(_ args: Arguments, dtypeAt i: Int, value: Scalar?) throws -> Tensor {
        let t = try args.tensor(0)
        let out = emptyPreservingLayout(t, dtype: try args.optionalDType(i) ?? t.dtype)
        if let value {
            // The result is dense: fill its storage as one contiguous run.
            let flat = Tensor(storage: out.storage, shape: [out.count], strides: [1], dtype: out.dtype)
            fillContiguous(flat, with: value)
        }
        return out
    }
}

extension Tensor {
    private static let zerosLikeOp = Dispatcher.shared.handle("zeros_like")
    private static let onesLikeOp = Dispatcher.shared.handle("ones_like")
    private static let fullLikeOp = Dispatcher.shared.handle("full_like")
    private static let emptyLikeOp = Dispatcher.shared.handle("empty_like")

    /// Zeros shaped like `other` (`torch.zeros_like`), of its dtype unless `dtype` is given.
    public static func zeros(like other: Tensor, dtype: DType? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(zerosLikeOp, [.tensor(other), dtypeValue(dtype)])
    }

    /// Ones shaped like `other` (`torch.ones_like`), of its dtype unless `dtype` is given.
    public static func ones(like other: Tensor, dtype: DType? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(onesLikeOp, [.tensor(other), dtypeValue(dtype)])
    }

    /// `value` shaped like `other` (`torch.full_like`), of its dtype unless `dtype` is given.
    public static func full(like other: Tensor, _ value: Scalar, dtype: DType? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(fullLikeOp, [.tensor(other), .scalar(value), dtypeValue(dtype)])
    }

    /// An uninitialised tensor shaped like `other` (`torch.empty_like`).
    public static func empty(like other: Tensor, dtype: DType? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(emptyLikeOp, [.tensor(other), dtypeValue(dtype)])
    }
}
