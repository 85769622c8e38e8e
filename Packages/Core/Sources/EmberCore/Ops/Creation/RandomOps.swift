// Registration of Core's random operators. Every one of them takes a
// `Generator? generator=None` argument (None means `Generator.default`), which is how the
// registry tells them apart (`Schema.isRandom`): they declare no sample inputs, since two
// calls with the same arguments rightly give different results.
//
// The numbers match PyTorch's CPU generator after the same seed; see Random/ for the rules.
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
