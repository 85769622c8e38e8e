import Synchronization

/// A source of random numbers that reproduces PyTorch's CPU generator (`torch.Generator`):
/// after the same ``manualSeed(_:)`` Ember's random operators (`rand`, `randn`, `randint`,
/// `randperm`, `normal_`, `uniform_`, `bernoulli`, `multinomial`...) give PyTorch's numbers.
///
/// ```swift
/// manualSeed(0)                       // torch.manual_seed(0)
/// let x = Tensor.rand(3)              // [0.4963, 0.7682, 0.0885]
/// let g = Generator(seed: 42)         // g = torch.Generator().manual_seed(42)
/// let y = Tensor.randn(2, 3, generator: g)
/// ```
///
/// A generator is thread-safe: each operator takes its lock once and draws all it needs.
public final class Generator: Sendable {
    /// The seed a new `Generator()` starts with (PyTorch's `default_rng_seed_val`).
    public static let defaultSeed: UInt64 = 67_280_421_310_721

    /// The generator used when an operator is given none (`torch.default_generator`): the
    /// one set by ``withDefault(_:_:)`` for the current task or thread, otherwise the
    /// process-wide generator, seeded non-deterministically at first use as PyTorch does at
    /// import. ``manualSeed(_:)`` makes it reproducible.
    public static var `default`: Generator { scoped ?? processDefault }

    /// The process-wide default generator.
    static let processDefault = Generator(seed: Generator.nondeterministicSeed())

    @TaskLocal static var scoped: Generator?

    /// Runs `body` with `generator` as ``default`` for the current task (or thread, outside
    /// tasks) and the tasks it creates: code that draws from the default generator, such as a
    /// layer's initialisation, becomes reproducible without touching other threads' draws.
    /// ```swift
    /// let layer = Generator.withDefault(Generator(seed: 0)) { Linear(1, 1) }  // as after manualSeed(0)
    /// ```
    public static func withDefault<R>(_ generator: Generator, _ body: () throws -> R) rethrows -> R {
        try $scoped.withValue(generator, operation: body)
    }

    let engine: Mutex<RandomEngine>

    /// A generator seeded with `seed` (PyTorch's `torch.Generator().manual_seed(seed)`).
    public init(seed: UInt64 = Generator.defaultSeed) {
        engine = Mutex(RandomEngine(seed: seed))
    }

    /// A generator seeded with `seed`; negative seeds are taken as their 64-bit pattern,
    /// as in PyTorch (`-1` is `0xFFFF_FFFF_FFFF_FFFF`).
    public convenience init(seed: Int) {
        self.init(seed: UInt64(bitPattern: Int64(seed)))
    }

    /// Re-seeds the generator and clears its cached normal sample (`manual_seed`).
    /// Only the low 32 bits feed the twister; ``initialSeed`` keeps all 64.
    @discardableResult
    public func manualSeed(_ seed: UInt64) -> Generator {
        engine.withLock { $0.reseed(seed) }
        return self
    }

    /// Re-seeds the generator; a negative seed is taken as its 64-bit pattern.
    @discardableResult
    public func manualSeed(_ seed: Int) -> Generator {
        manualSeed(UInt64(bitPattern: Int64(seed)))
    }

    /// Re-seeds the generator from the system's entropy and returns the new seed
    /// (`generator.seed()`).
    @discardableResult
    public func seed() -> UInt64 {
        let s = Generator.nondeterministicSeed()
        manualSeed(s)
        return s
    }

    /// The seed last given to ``manualSeed(_:)`` or ``seed()`` (`initial_seed()`).
    public var initialSeed: UInt64 { engine.withLock { $0.initialSeed } }

    /// Runs `body` with exclusive access to the twister, for code that draws many numbers
    /// (kernels lock once per call, not per number).
    public func withEngine<R>(_ body: (inout RandomEngine) throws -> R) rethrows -> R {
        try engine.withLock { try body(&$0) }
    }

    static func nondeterministicSeed() -> UInt64 {
        var system = SystemRandomNumberGenerator()
        return system.next()
    }
}

/// Seeds the default generator (`torch.manual_seed`); returns it.
@discardableResult
public func manualSeed(_ seed: Int) -> Generator {
    Generator.default.manualSeed(seed)
}

/// Seeds the default generator with a 64-bit seed (`torch.manual_seed`); returns it.
@discardableResult
public func manualSeed(_ seed: UInt64) -> Generator {
    Generator.default.manualSeed(seed)
}

/// The default generator's seed (`torch.initial_seed()`).
public func initialSeed() -> UInt64 {
    Generator.default.initialSeed
}
