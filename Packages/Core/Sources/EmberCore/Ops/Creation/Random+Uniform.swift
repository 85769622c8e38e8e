// uniform_ / rand / rand_like: uniform samples in [from, to) (rand: [0, 1)).
// float32 takes 24 bits of one 32-bit draw, float64 53 bits of a 64-bit draw.

extension CoreOperators {
    static func registerUniform(_ d: Dispatcher) {
        let uniform = define(d, "uniform_(Tensor(a!) self, float from=0, float to=1, *, Generator? generator=None) -> Tensor(a!)",
                             dispatchOn: "self", doc: "Fills self with uniform samples in [from, to).")
        let rand = define(d, "rand(int[] size, *, Generator? generator=None, ScalarType? dtype=None, Device? device=None) -> Tensor",
                          doc: "Uniform samples in [0, 1).")
        let randLike = define(d, "rand_like(Tensor self, *, Generator? generator=None, ScalarType? dtype=None) -> Tensor",
                              doc: "Uniform samples in [0, 1) shaped like self.")
        d.register(uniform, dtypes: randomFloatDTypes, package: package) { args in
            let t = try args.tensor(0)
            try RandomFill.uniform(t, from: try args.double(1), to: try args.double(2), try args.generator(3))
            t.storage.bumpVersion()
            return [.tensor(t)]
        }
        registerCreation(d, rand, dtypes: randomFloatDTypes) { args in
            let shape = try args.ints(0)
            try checkCreationShape(shape, op: "rand")
            let t = Tensor(empty: shape, dtype: try args.optionalDType(2) ?? .defaultFloat)
            try RandomFill.uniform(t, from: 0, to: 1, try args.generator(1), op: "rand")
            return [.tensor(t)]
        }
        d.registerComposite(randLike, package: package) { args in
            let t = try args.tensor(0)
            let out = emptyPreservingLayout(t, dtype: try args.optionalDType(2) ?? t.dtype)
            try RandomFill.uniform(out, from: 0, to: 1, try args.generator(1), op: "rand_like")
            return [.tensor(out)]
        }
    }
}

extension Tensor {
    private static let uniformOp = Dispatcher.shared.handle("uniform_")
    private static let randOp = Dispatcher.shared.handle("rand")
    private static let randLikeOp = Dispatcher.shared.handle("rand_like")

    /// Uniform samples in [0, 1) (`torch.rand(2, 3)`): `Tensor.rand(2, 3)`.
    public static func rand(_ shape: Int..., generator: Generator? = nil, dtype: DType = .defaultFloat) -> Tensor {
        rand(shape, generator: generator, dtype: dtype)
    }

    /// Uniform samples in [0, 1) with the given shape (`torch.rand((2, 3))`).
    public static func rand(_ shape: [Int], generator: Generator? = nil, dtype: DType = .defaultFloat) -> Tensor {
        Dispatcher.shared.callForTensor(randOp, [.ints(shape), generatorValue(generator), .dtype(dtype), .none])
    }

    /// Uniform samples in [0, 1) shaped like `other` (`torch.rand_like`).
    public static func rand(like other: Tensor, generator: Generator? = nil, dtype: DType? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(randLikeOp, [.tensor(other), generatorValue(generator), dtypeValue(dtype)])
    }

    /// Fills this tensor with uniform samples in [from, to) (`tensor.uniform_`).
    @discardableResult
    public func uniform_(from: Double = 0, to: Double = 1, generator: Generator? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.uniformOp, [.tensor(self), .double(from), .double(to), generatorValue(generator)])
    }
}
