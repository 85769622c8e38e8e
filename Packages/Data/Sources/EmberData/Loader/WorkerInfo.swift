import EmberCore

/// What a dataset running in a ``DataLoader`` worker thread knows about its worker
/// (`torch.utils.data.get_worker_info()`): read it with ``current``.
///
/// Each worker gets the seed `baseSeed + id`, where the loader draws `baseSeed` from its
/// generator at the start of every iteration, as PyTorch does; ``generator`` is seeded with
/// it. Threads share `Generator.default`, so a dataset that draws random numbers (random
/// augmentation) should use ``currentGenerator``: in worker `w` it then draws what PyTorch's
/// worker process `w` draws from its default generator.
public struct WorkerInfo: Sendable {
    /// The worker's number, in `0..<numWorkers`.
    public let id: Int
    /// The number of workers of the loader.
    public let numWorkers: Int
    /// The worker's seed: the iteration's base seed plus ``id``.
    public let seed: UInt64
    /// A generator for this worker, seeded with ``seed``.
    public let generator: Generator

    /// Creates the description of worker `id` of `numWorkers` with `seed`.
    public init(id: Int, numWorkers: Int, seed: UInt64) {
        self.id = id
        self.numWorkers = numWorkers
        self.seed = seed
        self.generator = Generator(seed: seed)
    }

    /// The worker the calling thread runs, or `nil` outside loader workers.
    @TaskLocal public static var current: WorkerInfo?

    /// The current worker's ``generator``, or `Generator.default` outside workers.
    public static var currentGenerator: Generator { current?.generator ?? DefaultGenerator.current }
}
