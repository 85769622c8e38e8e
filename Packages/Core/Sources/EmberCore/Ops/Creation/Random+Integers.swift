// random_ / randint / randperm: uniform integers and random permutations.
// `random_(from, to)` draws `draw % (to − from) + from` (64-bit draws from a range of 2²⁸
// up); `randint` is `random_` on a new int64 tensor; `randperm` is a forward Fisher–Yates
// shuffle of 0..<n.

extension CoreOperators {
    static func registerRandomIntegers(_ d: Dispatcher) {
        let random = define(d, "random_(Tensor(a!) self, int? from=None, int? to=None, *, Generator? generator=None) -> Tensor(a!)",
                            dispatchOn: "self",
                            doc: "Fills self with integers in [from, to); without bounds, over the dtype's exact integers.")
        let randint = define(d, "randint(int low, int high, int[] size, *, Generator? generator=None, ScalarType? dtype=None, Device? device=None) -> Tensor",
                             doc: "Uniform integers in [low, high) (int64 unless dtype is given).")
        let randperm = define(d, "randperm(int n, *, Generator? generator=None, ScalarType? dtype=None, Device? device=None) -> Tensor",
                              doc: "A random permutation of 0..<n (int64 unless dtype is given).")
        d.register(random, anyDType: { args in
            let t = try args.tensor(0)
            let from = try args.optionalInt(1).map(Int64.init), to = try args.optionalInt(2).map(Int64.init)
            try RandomFill.integers(t, from: from, to: to, try args.generator(3))
            t.storage.bumpVersion()
            return [.tensor(t)]
        }, package: package)
        registerCreation(d, randint) { args in
            let shape = try args.ints(2)
            try checkCreationShape(shape, op: "randint")
            let t = Tensor(empty: shape, dtype: try args.optionalDType(4) ?? .int64)
            try RandomFill.integers(t, from: Int64(try args.int(0)), to: Int64(try args.int(1)), try args.generator(3), op: "randint")
            return [.tensor(t)]
        }
        registerCreation(d, randperm, dtypes: DType.allCases.filter { $0 != .bool }) { args in
            let n = try args.int(0)
            let dtype = try args.optionalDType(2) ?? .int64
            try checkPermutationSize(n, dtype: dtype)
            let values = RandomFill.permutation(n, try args.generator(1))
            return [.tensor(castTensor(Tensor(values, shape: [n]), to: dtype))]
        }
    }

    /// PyTorch's limits on `randperm`'s n: non-negative, and n − 1 exactly representable.
    private static func checkPermutationSize(_ n: Int, dtype: DType) throws {
        try checkCreationShape([n], op: "randperm")
        if dtype == .bool { throw RandomFill.notImplemented("randperm", dtype, op: "randperm") }
        let limit = dtype.integerBounds.upper
        guard Int64(n) - 1 <= limit else {
            let message: String
            switch dtype {
            case .float16: message = "n cannot be greater than 2049 for Half type."
            case .bfloat16: message = "n cannot be greater than 257 for BFloat16 type."
            case .float32: message = "n cannot be greater than 2^24+1 for Float type."
            case .float64: message = "n cannot be greater than 2^53+1 for Double type."
            default: message = "value cannot be converted to type \(dtype)_t without overflow"
            }
            throw EmberError(.invalidArgument, op: "randperm", message)
        }
    }
}

extension Tensor {
    private static let randomOp = Dispatcher.shared.handle("random_")
    private static let randintOp = Dispatcher.shared.handle("randint")
    private static let randpermOp = Dispatcher.shared.handle("randperm")

    /// Uniform integers in [low, high) (`torch.randint(low, high, shape)`), int64 by default.
    public static func randint(
        low: Int = 0, high: Int, shape: [Int], generator: Generator? = nil, dtype: DType = .int64
    ) -> Tensor {
        Dispatcher.shared.callForTensor(
            randintOp, [.int(low), .int(high), .ints(shape), generatorValue(generator), .dtype(dtype), .none])
    }

    /// A random permutation of 0..<n (`torch.randperm(n)`), int64 by default.
    public static func randperm(_ n: Int, generator: Generator? = nil, dtype: DType = .int64) -> Tensor {
        Dispatcher.shared.callForTensor(randpermOp, [.int(n), generatorValue(generator), .dtype(dtype), .none])
    }

    /// Fills this tensor with integers in [from, to) (`tensor.random_(from, to)`); with
    /// `to == nil`, up to the dtype's largest exactly representable integer.
    @discardableResult
    public func random_(from: Int, to: Int?, generator: Generator? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(
            Tensor.randomOp, [.tensor(self), .int(from), to.map(IValue.int) ?? .none, generatorValue(generator)])
    }

    /// Fills this tensor with integers in [0, to) (`tensor.random_(to)`).
    @discardableResult
    public func random_(to: Int, generator: Generator? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.randomOp, [.tensor(self), .none, .int(to), generatorValue(generator)])
    }

    /// Fills this tensor with integers over the dtype's range: [0, max] for integer types,
    /// [0, 2^mantissa bits] for floating types (`tensor.random_()`).
    @discardableResult
    public func random_(generator: Generator? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.randomOp, [.tensor(self), .none, .none, generatorValue(generator)])
    }
}
