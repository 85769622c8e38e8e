// normal_ / randn / randn_like / normal: normal samples. Two sampling paths, as in PyTorch:
// blocks of 16 for contiguous tensors of 16 or more elements, a scalar Box–Muller sampler
// (whose spare value the generator keeps for the next call) otherwise.
// `normal(mean, std)` draws standard normals, then computes z·std + mean with broadcasting.

extension CoreOperators {
    static func registerNormal(_ d: Dispatcher) {
        let normalInPlace = define(d, "normal_(Tensor(a!) self, float mean=0, float std=1, *, Generator? generator=None) -> Tensor(a!)",
                                   dispatchOn: "self", doc: "Fills self with normal samples.")
        let randn = define(d, "randn(int[] size, *, Generator? generator=None, ScalarType? dtype=None, Device? device=None) -> Tensor",
                           doc: "Standard normal samples.")
        let randnLike = define(d, "randn_like(Tensor self, *, Generator? generator=None, ScalarType? dtype=None) -> Tensor",
                               doc: "Standard normal samples shaped like self.")
        let normal = define(d, "normal(Tensor mean, Tensor std, *, Generator? generator=None) -> Tensor",
                            promotion: .common(["mean", "std"]),
                            doc: "Normal samples with elementwise mean and std (broadcast).")
        d.register(normalInPlace, dtypes: randomFloatDTypes, package: package) { args in
            let t = try args.tensor(0)
            try RandomFill.normal(t, mean: try args.double(1), std: try args.double(2), try args.generator(3))
            t.storage.bumpVersion()
            return [.tensor(t)]
        }
        registerCreation(d, randn, dtypes: randomFloatDTypes) { args in
            let shape = try args.ints(0)
            try checkCreationShape(shape, op: "randn")
            let t = Tensor(empty: shape, dtype: try args.optionalDType(2) ?? .defaultFloat)
            try RandomFill.normal(t, mean: 0, std: 1, try args.generator(1), op: "randn")
            return [.tensor(t)]
        }
        d.registerComposite(randnLike, package: package) { args in
            let t = try args.tensor(0)
            let out = emptyPreservingLayout(t, dtype: try args.optionalDType(2) ?? t.dtype)
            try RandomFill.normal(out, mean: 0, std: 1, try args.generator(1), op: "randn_like")
            return [.tensor(out)]
        }
        d.register(normal, floating: NormalKernel(), package: package)
    }
}

/// `normal(mean, std)`: standard normals of the broadcast shape, then z·std + mean.
struct NormalKernel: FloatKernel {
    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let mean = try args.tensor(0), std = try args.tensor(1)
        let shape = try broadcastShapes(mean.shape, std.shape, op: "normal")
        let spread = std.scalars(as: T.self)
        if let bad = spread.first(where: { !($0 >= 0) }) {
            throw EmberError(.invalidArgument, op: "normal", std.isWrappedNumber
                ? "normal expects std >= 0.0, but found std \(cFormat(bad.doubleValue))"
                : "normal expects all elements of std >= 0.0")
        }
        let z = Tensor(empty: shape, dtype: T.dtype)
        try RandomFill.normal(z, mean: 0, std: 1, try args.generator(2), op: "normal")
        let scaled = try Elementwise.zip(z, std, T.self, T.self, to: T.self, op: "normal") { $0 * $1 }
        return [.tensor(try Elementwise.zip(scaled, mean, T.self, T.self, to: T.self, op: "normal") { $0 + $1 })]
    }
}

extension Tensor {
    private static let normalInPlaceOp = Dispatcher.shared.handle("normal_")
    private static let randnOp = Dispatcher.shared.handle("randn")
    private static let randnLikeOp = Dispatcher.shared.handle("randn_like")
    private static let normalOp = Dispatcher.shared.handle("normal")

    /// Standard normal samples (`torch.randn(2, 3)`): `Tensor.randn(2, 3)`.
    public static func randn(_ shape: Int..., generator: Generator? = nil, dtype: DType = .defaultFloat) -> Tensor {
        randn(shape, generator: generator, dtype: dtype)
    }

    /// Standard normal samples with the given shape (`torch.randn((2, 3))`).
    public static func randn(_ shape: [Int], generator: Generator? = nil, dtype: DType = .defaultFloat) -> Tensor {
        Dispatcher.shared.callForTensor(randnOp, [.ints(shape), generatorValue(generator), .dtype(dtype), .none])
    }

    /// Standard normal samples shaped like `other` (`torch.randn_like`).
    public static func randn(like other: Tensor, generator: Generator? = nil, dtype: DType? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(randnLikeOp, [.tensor(other), generatorValue(generator), dtypeValue(dtype)])
    }

    /// Normal samples with elementwise `mean` and `std`, broadcast together
    /// (`torch.normal(mean, std)`).
    public static func normal(mean: Tensor, std: Tensor, generator: Generator? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(normalOp, [.tensor(mean), .tensor(std), generatorValue(generator)])
    }

    /// Normal samples with elementwise `mean` and one `std` (`torch.normal(mean, 2.0)`).
    public static func normal(mean: Tensor, std: Double, generator: Generator? = nil) -> Tensor {
        normal(mean: mean, std: Tensor(wrapping: .double(std)), generator: generator)
    }

    /// Normal samples with one `mean` and elementwise `std` (`torch.normal(0.0, std)`).
    public static func normal(mean: Double, std: Tensor, generator: Generator? = nil) -> Tensor {
        normal(mean: Tensor(wrapping: .double(mean)), std: std, generator: generator)
    }

    /// Normal samples of the given shape (`torch.normal(mean, std, size)`).
    public static func normal(
        mean: Double, std: Double, shape: [Int], generator: Generator? = nil, dtype: DType = .defaultFloat
    ) -> Tensor {
        Tensor.empty(shape, dtype: dtype).normal_(mean: mean, std: std, generator: generator)
    }

    /// Fills this tensor with normal samples (`tensor.normal_(mean, std)`).
    @discardableResult
    public func normal_(mean: Double = 0, std: Double = 1, generator: Generator? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.normalInPlaceOp, [.tensor(self), .double(mean), .double(std), generatorValue(generator)])
    }
}
