// `_to_copy`: a contiguous copy, optionally converted to another dtype. The dispatcher's
// type promotion casts through it, so autograd sees every cast.

extension CoreOperators {
    static func registerToCopy(_ d: Dispatcher) {
        let op = define(d, "_to_copy(Tensor self, *, ScalarType? dtype=None) -> Tensor",
                        doc: "Copies a tensor, converting it to another dtype.")
        d.register(op, anyDType: { args in
            let t = try args.tensor(0)
            return [.tensor(castTensor(t, to: try args.optionalDType(1) ?? t.dtype))]
        }, package: package)
        d.registerSamples(op) { dtype in
            let t = sampleTensor([0.5, -1.5, 2.0, 0.0, 3.25, -0.75], [2, 3], dtype)
            return [[.tensor(t), .dtype(.float64)], [.tensor(t), .dtype(.int32)], [.tensor(t), .none]]
        }
    }
}

extension Tensor {
    private static let toCopyOp = Dispatcher.shared.handle("_to_copy")

    /// This tensor converted to `dtype`; `self` when it already has that dtype (`tensor.to(dtype)`).
    public func to(_ dtype: DType) -> Tensor {
        dtype == self.dtype ? self : Dispatcher.shared.callForTensor(Tensor.toCopyOp, [.tensor(self), .dtype(dtype)])
    }

    /// This tensor converted to `dtype` (PyTorch's `to(dtype=)` spelled with a label).
    public func to(dtype: DType) -> Tensor { to(dtype) }
}
