// bernoulli_ / bernoulli: 0/1 samples, 1 with probability p. A float64 p (a Swift `Double`
// is passed as a wrapped float64 0-d tensor) is compared with a float64 uniform, any
// other floating p with a float32 uniform, as PyTorch does.

extension CoreOperators {
    static func registerBernoulli(_ d: Dispatcher) {
        let inPlace = define(d, "bernoulli_(Tensor(a!) self, Tensor p, *, Generator? generator=None) -> Tensor(a!)",
                             dispatchOn: "self",
                             doc: "Fills self with 1 with probability p (broadcast to self), 0 otherwise.")
        let outOfPlace = define(d, "bernoulli(Tensor self, float? p=None, *, Generator? generator=None) -> Tensor",
                                doc: "0/1 samples with probabilities self, or with probability p when given.")
        d.register(inPlace, anyDType: { args in
            let t = try args.tensor(0)
            try RandomFill.bernoulli(t, p: try args.tensor(1), try args.generator(2))
            t.storage.bumpVersion()
            return [.tensor(t)]
        }, package: package)
        d.register(outOfPlace, anyDType: { args in
            let t = try args.tensor(0)
            let out = emptyPreservingLayout(t, dtype: t.dtype)
            let p = try args.optionalDouble(1).map { Tensor(wrapping: .double($0)) } ?? t
            try RandomFill.bernoulli(out, p: p, try args.generator(2), op: "bernoulli")
            return [.tensor(out)]
        }, package: package)
    }
}

extension Tensor {
    private static let bernoulliInPlaceOp = Dispatcher.shared.handle("bernoulli_")
    private static let bernoulliOp = Dispatcher.shared.handle("bernoulli")

    /// Fills this tensor with 1 with probability `p`, 0 otherwise (`tensor.bernoulli_(p)`).
    @discardableResult
    public func bernoulli_(_ p: Double = 0.5, generator: Generator? = nil) -> Tensor {
        bernoulli_(Tensor(wrapping: .double(p)), generator: generator)
    }

    /// Fills this tensor with 1 with the elementwise probabilities `p` (broadcast to this
    /// tensor's shape), 0 otherwise (`tensor.bernoulli_(p_tensor)`).
    @discardableResult
    public func bernoulli_(_ p: Tensor, generator: Generator? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.bernoulliInPlaceOp, [.tensor(self), .tensor(p), generatorValue(generator)])
    }

    /// 0/1 samples with this tensor's elements as probabilities (`torch.bernoulli(probs)`).
    public func bernoulli(generator: Generator? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.bernoulliOp, [.tensor(self), .none, generatorValue(generator)])
    }

    /// 0/1 samples shaped like this tensor, 1 with probability `p` (`torch.bernoulli(t, p)`).
    public func bernoulli(p: Double, generator: Generator? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.bernoulliOp, [.tensor(self), .double(p), generatorValue(generator)])
    }
}
