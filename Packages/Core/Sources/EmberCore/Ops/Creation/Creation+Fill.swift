// fill_ / zero_: overwrite every element of self with one value (`tensor.fill_(v)`,
// `tensor.zero_()`), whatever its layout. The value is cast with PyTorch's rules.

extension CoreOperators {
    static func registerFill(_ d: Dispatcher) {
        let fill = define(d, "fill_(Tensor(a!) self, Scalar value) -> Tensor(a!)",
                          dispatchOn: "self", doc: "Sets every element of self to value.")
        let zero = define(d, "zero_(Tensor(a!) self) -> Tensor(a!)",
                          dispatchOn: "self", doc: "Sets every element of self to zero.")
        registerCreation(d, fill) { args in [.tensor(try fillInPlace(try args.tensor(0), with: try args.scalar(1)))] }
        registerCreation(d, zero) { args in [.tensor(try fillInPlace(try args.tensor(0), with: .int(0)))] }
        for op in [fill, zero] {
            d.registerSamples(op) { dtype in
                let t = sampleTensor([0.5, -1, 2, 3, -4, 1.5], [2, 3], dtype)
                return op == fill ? [[.tensor(t), .scalar(.double(1.5))]] : [[.tensor(t)]]
            }
        }
    }

    /// Fills `t` in place: contiguous views directly, others through a broadcast copy.
    static func fillInPlace(_ t: Tensor, with value: Scalar) throws -> Tensor {
        if t.isContiguous {
            fillContiguous(t, with: value)
            t.storage.bumpVersion()
        } else {
            let element = castTensor(Tensor(wrapping: value), to: t.dtype)
            _ = t.copy_(element.expand(t.shape))
        }
        return t
    }
}

extension Tensor {
    private static let fillOp = Dispatcher.shared.handle("fill_")
    private static let zeroOp = Dispatcher.shared.handle("zero_")

    /// Sets every element to `value` (`tensor.fill_(value)`).
    @discardableResult
    public func fill_(_ value: Scalar) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.fillOp, [.tensor(self), .scalar(value)])
    }

    /// Sets every element to zero (`tensor.zero_()`).
    @discardableResult
    public func zero_() -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.zeroOp, [.tensor(self)])
    }
}
