// Registration of Core's random operators. Every one of them takes a
// `Generator? generator=None` argument (None means `Generator.default`), which is how the
// registry tells them apart (`Schema.isRandom`): they declare no sample inputs, since two
// calls with the same arguments rightly give different results.
//
// The numbers match PyTorch's CPU generator after the same seed; see Random/ for the rules.
//
// Swift API, with the PyTorch call each one mirrors (`generator:` is optional everywhere):
//   manualSeed(0), Generator(seed: 0)                     torch.manual_seed(0), torch.Generator().manual_seed(0)
//   Tensor.rand(2, 3), Tensor.randn(2, 3)                 torch.rand(2, 3), torch.randn(2, 3)
//   Tensor.rand(like: t), Tensor.randn(like: t)           torch.rand_like(t), torch.randn_like(t)
//   Tensor.randint(low: 0, high: 10, shape: [3])          torch.randint(0, 10, (3,))
//   Tensor.randperm(10)                                   torch.randperm(10)
//   Tensor.normal(mean: m, std: s)                        torch.normal(m, s)
//   t.uniform_(from:to:), t.normal_(mean:std:)            t.uniform_(a, b), t.normal_(m, s)
//   t.bernoulli_(0.5), t.bernoulli_(p), t.bernoulli()     t.bernoulli_(0.5), t.bernoulli_(p), torch.bernoulli(t)
//   t.exponential_(lambd:), t.random_(from:to:)           t.exponential_(l), t.random_(a, b)
//   w.multinomial(numSamples: 5, replacement: true)       torch.multinomial(w, 5, True)
extension CoreOperators {
    static func registerRandomOps(_ d: Dispatcher) {
        registerUniform(d)
        registerNormal(d)
        registerRandomIntegers(d)
        registerBernoulli(d)
        registerExponential(d)
        registerMultinomial(d)
    }

    /// The floating dtypes random fills support.
    static let randomFloatDTypes: [DType] = [.float16, .bfloat16, .float32, .float64]
}

extension Schema {
    /// Whether the operator draws random numbers (it takes a `Generator` argument); such
    /// operators are not deterministic functions of their other arguments.
    public var isRandom: Bool {
        arguments.contains { $0.type.unwrapped == .generator }
    }
}

extension Arguments {
    /// The generator at `i`, or the default generator when it is None.
    func generator(_ i: Int) throws -> Generator {
        try optionalGenerator(i) ?? .default
    }
}
