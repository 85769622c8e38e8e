// exponential_: samples of the exponential distribution with rate lambd,
// (−1/λ)·log1p(−u) on a float64 uniform u (the trick behind multinomial sampling without
// replacement).

extension CoreOperators {
    static func registerExponential(_ d: Dispatcher) {
        let op = define(d, "exponential_(Tensor(a!) self, float lambd=1, *, Generator? generator=None) -> Tensor(a!)",
                        dispatchOn: "self", doc: "Fills self with exponential samples of rate lambd.")
        d.register(op, anyDType: { args in
            let t = try args.tensor(0)
            try RandomFill.exponential(t, lambda: try args.double(1), try args.generator(2))
            t.storage.bumpVersion()
            return [.tensor(t)]
        }, package: package)
    }
}

extension Tensor {
    private static let exponentialOp = Dispatcher.shared.handle("exponential_")

    /// Fills this tensor with exponential samples of rate `lambd` (`tensor.exponential_`).
    @discardableResult
    public func exponential_(lambd: Double = 1, generator: Generator? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.exponentialOp, [.tensor(self), .double(lambd), generatorValue(generator)])
    }
}
