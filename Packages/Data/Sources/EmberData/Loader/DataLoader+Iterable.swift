import EmberCore

// The initialisers for iterable datasets (`IterableDataset`): batches are consecutive
// samples of the stream. With workers, each worker reads its own stream (see WorkerInfo to
// split the data) and batches come from the workers in turn, as in PyTorch.

extension DataLoader {
    /// A loader of the iterable `dataset` whose batches `collate` makes from lists of
    /// consecutive samples.
    ///
    /// - Parameters:
    ///   - batchSize: the number of samples per batch.
    ///   - numWorkers: the number of worker threads, each reading its own stream; 0 reads on
    ///     the iterating thread.
    ///   - prefetchFactor: the number of batches each worker loads ahead.
    ///   - dropLast: drop a batch smaller than `batchSize` at the end of a stream.
    ///   - generator: the generator the workers' base seed is drawn from; `nil` uses
    ///     `Generator.default`.
    ///   - workerInit: run on each worker thread before it reads anything.
    ///   - collate: combines the samples of a batch.
    public init<D: IterableDataset>(
        _ dataset: D, batchSize: Int = 1, numWorkers: Int = 0, prefetchFactor: Int = 2, dropLast: Bool = false,
        generator: EmberCore.Generator? = nil, workerInit: (@Sendable (WorkerInfo) -> Void)? = nil,
        collate: @escaping @Sendable ([D.Sample]) throws -> Batch
    ) {
        precondition(batchSize > 0, "batch_size should be a positive integer value, but got batch_size=\(batchSize)")
        self.init(
            source: LoaderSource(dataset, batchSize: batchSize, dropLast: dropLast, collate: collate),
            batchSize: batchSize, dropLast: dropLast, numWorkers: numWorkers, prefetchFactor: prefetchFactor,
            generator: generator, sampler: nil, batchSampler: nil, workerInit: workerInit)
    }

    /// A loader of the iterable `dataset` with the default collate (see ``Collatable``).
    ///
    /// The parameters are those of ``init(_:batchSize:numWorkers:prefetchFactor:dropLast:generator:workerInit:collate:)``.
    public init<D: IterableDataset>(
        _ dataset: D, batchSize: Int = 1, numWorkers: Int = 0, prefetchFactor: Int = 2, dropLast: Bool = false,
        generator: EmberCore.Generator? = nil, workerInit: (@Sendable (WorkerInfo) -> Void)? = nil
    ) where D.Sample: Collatable, Batch == D.Sample.Batch {
        self.init(
            dataset, batchSize: batchSize, numWorkers: numWorkers, prefetchFactor: prefetchFactor, dropLast: dropLast,
            generator: generator, workerInit: workerInit, collate: { try D.Sample.collate($0) })
    }

    /// A loader of an iterable dataset of tuples with the default collate applied to each
    /// element.
    ///
    /// The parameters are those of ``init(_:batchSize:numWorkers:prefetchFactor:dropLast:generator:workerInit:collate:)``.
    public init<D: IterableDataset, T0: Collatable, T1: Collatable, each T: Collatable>(
        _ dataset: D, batchSize: Int = 1, numWorkers: Int = 0, prefetchFactor: Int = 2, dropLast: Bool = false,
        generator: EmberCore.Generator? = nil, workerInit: (@Sendable (WorkerInfo) -> Void)? = nil
    ) where D.Sample == (T0, T1, repeat each T), Batch == (T0.Batch, T1.Batch, repeat (each T).Batch) {
        self.init(
            dataset, batchSize: batchSize, numWorkers: numWorkers, prefetchFactor: prefetchFactor, dropLast: dropLast,
            generator: generator, workerInit: workerInit, collate: { try defaultCollate($0) })
    }
}
