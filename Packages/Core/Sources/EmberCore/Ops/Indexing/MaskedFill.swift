// masked_fill / masked_fill_: `out[i] = mask[i] ? value : self[i]`, with a bool mask that
// broadcasts, and a 0-d value tensor converted to self's dtype (truncated for integers, as in
// PyTorch). The out-of-place form has the broadcast shape; the in-place form keeps self's.

extension CoreOperators {
    static func registerMaskedFill(_ d: Dispatcher) {
        let fill = define(d, "masked_fill(Tensor self, Tensor mask, Tensor value) -> Tensor",
                          doc: "Replaces the elements where mask is true by value.")
        let fillInPlace = define(d, "masked_fill_(Tensor(a!) self, Tensor mask, Tensor value) -> Tensor(a!)",
                                 doc: "Replaces the elements where mask is true by value, in place.")
        registerBitwise(d, fill, MaskedFillKernel(inPlace: false))
        registerBitwise(d, fillInPlace, MaskedFillKernel(inPlace: true))
        for op in [fill, fillInPlace] {
            d.registerSamples(op) { dtype in [
                [.tensor(Indexing.sample([1, 2, 3, 4, 5, 6], [2, 3], dtype)),
                 .tensor(Indexing.sample([1, 0, 1], [3], .bool)), .tensor(Tensor(wrapping: .int(9)))],
                [.tensor(Indexing.transposedSample([1, 2, 3, 4, 5, 6], [2, 3], dtype)),
                 .tensor(Indexing.sample([0, 1, 1, 0, 0, 1], [2, 3], .bool)), .tensor(Indexing.sample([7], [], dtype))],
            ] }
        }
    }
}

/// `masked_fill` / `masked_fill_` for elements of `T`'s size.
struct MaskedFillKernel: Indexing.BitwiseKernel {
    let inPlace: Bool

    func run<T: BitwiseCopyable>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0), mask = try args.tensor(1), value = try args.tensor(2)
        let op = inPlace ? "masked_fill_" : "masked_fill"
        guard mask.dtype == .bool else {
            throw EmberError(.invalidDType, op: op,
                "masked_fill_ only supports boolean masks, but got mask with dtype \(mask.dtype)")
        }
        guard value.rank == 0 else {
            throw EmberError(.invalidArgument, op: op,
                "masked_fill_ only supports a 0-dimensional value tensor, but got tensor with \(value.rank) dimension(s).")
        }
        let converted = castTensor(value, to: x.dtype)
        let fill: T = withExtendedLifetime(converted) { Indexing.Elements<T>(converted)[0] }
        let shape = try broadcastShapes(x.shape, mask.shape, op: op)
        let out: Tensor
        if inPlace {
            guard shape == x.shape else {
                throw EmberError(.shapeMismatch, op: op,
                    "output with shape \(x.shape) doesn't match the broadcast shape \(shape)")
            }
            out = x
        } else {
            out = Tensor(empty: shape, dtype: x.dtype)
        }
        let dst = Indexing.Elements<T>(out), src = Indexing.Elements<T>(x), m = Indexing.Elements<UInt8>(mask)
        let strides = [out.strides, x.broadcastStrides(to: shape), mask.broadcastStrides(to: shape)]
        StridedLoop(shape: shape, strides: strides).forEachRow { off, n, st in
            let o = dst.advanced(by: off[0]), s = src.advanced(by: off[1]), mk = m.advanced(by: off[2])
            let so = st[0], ss = st[1], sm = st[2]
            for i in 0..<n { o[i &* so] = mk[i &* sm] != 0 ? fill : s[i &* ss] }
        }
        if inPlace { x.storage.bumpVersion() }
        return [.tensor(out)]
    }
}

extension Tensor {
    private static let maskedFillOp = Dispatcher.shared.handle("masked_fill")
    private static let maskedFillInPlaceOp = Dispatcher.shared.handle("masked_fill_")

    /// A copy with the elements where the bool `mask` is true replaced by `value`
    /// (`torch.masked_fill`); `mask` broadcasts with this tensor.
    ///
    /// - Complexity: O(elements of the broadcast shape).
    public func maskedFill(_ mask: Tensor, _ value: Scalar) -> Tensor {
        maskedFill(mask, Tensor(wrapping: value))
    }

    /// A copy with the elements where `mask` is true replaced by the 0-d tensor `value`.
    public func maskedFill(_ mask: Tensor, _ value: Tensor) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.maskedFillOp, [.tensor(self), .tensor(mask), .tensor(value)])
    }

    /// Replaces the elements where `mask` is true by `value`, in place (`tensor.masked_fill_`);
    /// `mask` must broadcast to this tensor's shape.
    @discardableResult
    public func maskedFill_(_ mask: Tensor, _ value: Scalar) -> Tensor {
        maskedFill_(mask, Tensor(wrapping: value))
    }

    /// Replaces the elements where `mask` is true by the 0-d tensor `value`, in place.
    @discardableResult
    public func maskedFill_(_ mask: Tensor, _ value: Tensor) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.maskedFillInPlaceOp, [.tensor(self), .tensor(mask), .tensor(value)])
    }
}
