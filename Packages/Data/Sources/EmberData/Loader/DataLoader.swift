import EmberCore

/// Reads a dataset in batches: Ember's `torch.utils.data.DataLoader`.
///
/// ```swift
/// let data = TensorDataset(features, labels)
/// let loader = DataLoader(data, batchSize: 32, shuffle: true, generator: EmberCore.Generator(seed: 0))
/// for (x, y) in loader { ... }              // x: [32, ...], y: [32]
/// ```
///
/// Each pass (each `for` loop) first draws a base seed from ``generator``, then reads the
/// indices of its sampler in batches, loads their samples and collates them. With
/// `shuffle: true` the order is `RandomSampler`'s, so with the same seed a pass visits the
/// samples in PyTorch's order. With ``numWorkers`` > 0, worker threads load batches ahead
/// (``prefetchFactor`` per worker) while batches still arrive in order; worker `w` loads
/// batches `w, w + numWorkers, ...` and sees its ``WorkerInfo``.
///
/// Errors: iterating with `for` stops the program with the error's description when a
/// sample cannot be loaded (as an uncaught exception ends a PyTorch script). To handle
/// errors, use ``forEachBatch(_:)`` or ``Iterator/nextBatch()``, which throw a
/// ``DataLoaderError`` naming the sample's index and the worker.
public struct DataLoader<Batch: Sendable>: Sequence, Sendable {
    /// The number of samples per batch; `nil` when a batch sampler makes the batches.
    public let batchSize: Int?
    /// Whether a last, smaller batch is dropped.
    public let dropLast: Bool
    /// The number of worker threads; 0 loads on the iterating thread.
    public let numWorkers: Int
    /// The number of batches each worker loads ahead.
    public let prefetchFactor: Int
    /// The generator the base seeds (and, with `shuffle`, the orders) are drawn from; `nil`
    /// uses `Generator.default`.
    public let generator: EmberCore.Generator?
    /// The index sampler, for map-style datasets loaded without a batch sampler.
    public let sampler: (any Sampler<Int>)?
    /// The batch sampler, for map-style datasets.
    public let batchSampler: (any Sampler<[Int]>)?
    let source: LoaderSource<Batch>
    let workerInit: (@Sendable (WorkerInfo) -> Void)?

    init(
        source: LoaderSource<Batch>, batchSize: Int?, dropLast: Bool, numWorkers: Int, prefetchFactor: Int,
        generator: EmberCore.Generator?, sampler: (any Sampler<Int>)?, batchSampler: (any Sampler<[Int]>)?,
        workerInit: (@Sendable (WorkerInfo) -> Void)?
    ) {
        precondition(numWorkers >= 0,
            "num_workers option should be non-negative; use num_workers=0 to disable multiprocessing.")
        precondition(prefetchFactor > 0, "prefetch_factor option should be positive, but got prefetch_factor=\(prefetchFactor)")
        self.source = source
        self.batchSize = batchSize
        self.dropLast = dropLast
        self.numWorkers = numWorkers
        self.prefetchFactor = prefetchFactor
        self.generator = generator
        self.sampler = sampler
        self.batchSampler = batchSampler
        self.workerInit = workerInit
    }

    /// The number of batches per pass (`len(loader)`). For an iterable dataset it comes from
    /// the dataset's `expectedCount`, and the program stops when that is unknown.
    public var count: Int {
        guard let count = source.count else {
            preconditionFailure("DataLoader: the number of batches of an IterableDataset without an expectedCount is unknown")
        }
        return count
    }

    /// The number of batches when known, else 0.
    public var underestimatedCount: Int { source.count ?? 0 }

    /// Starts a pass: draws the base seed, starts the workers (if any) and returns the
    /// iterator. Dropping the iterator before the end stops its workers.
    public func makeIterator() -> Iterator {
        let tasks = source.makeTasks()
        let baseSeed = UInt64(drawSeed(from: generator ?? DefaultGenerator.current))
        return Iterator(loader: self, tasks: tasks, baseSeed: baseSeed)
    }

    /// Runs `body` on every batch of a pass, in order.
    /// - Throws: a ``DataLoaderError`` when a sample cannot be loaded or collated, or the
    ///   error `body` throws; the pass stops there (and its workers with it).
    public func forEachBatch(_ body: (Batch) throws -> Void) throws {
        let iterator = makeIterator()
        while let batch = try iterator.nextBatch() { try body(batch) }
    }
}
