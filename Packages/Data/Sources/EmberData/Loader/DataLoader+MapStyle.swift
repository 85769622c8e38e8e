import EmberCore

// The initialisers for map-style datasets (`Dataset`). Their arguments are PyTorch's:
// `shuffle` and `sampler` exclude each other, and `batchSampler` replaces batchSize,
// shuffle, sampler and dropLast; the program stops with PyTorch's message otherwise.

extension DataLoader {
    /// A loader of `dataset` whose batches `collate` makes from lists of samples.
    ///
    /// - Parameters:
    ///   - batchSize: the number of samples per batch.
    ///   - shuffle: visit the samples in a new random order every pass (a ``RandomSampler``
    ///     drawing from `generator`).
    ///   - sampler: the order of the samples, instead of sequential or shuffled.
    ///   - batchSampler: the index lists of the batches, instead of batchSize, shuffle,
    ///     sampler and dropLast.
    ///   - numWorkers: the number of worker threads loading batches; 0 loads on the
    ///     iterating thread.
    ///   - prefetchFactor: the number of batches each worker loads ahead.
    ///   - dropLast: drop a last batch smaller than `batchSize`.
    ///   - generator: the generator for the shuffled order and the workers' base seed;
    ///     `nil` uses `Generator.default`.
    ///   - workerInit: run on each worker thread before it loads anything
    ///     (`worker_init_fn`), with ``WorkerInfo/current`` set.
    ///   - collate: combines the samples of a batch (`collate_fn`).
    public init<D: Dataset>(
        _ dataset: D, batchSize: Int = 1, shuffle: Bool = false,
        sampler: (any Sampler<Int>)? = nil, batchSampler: (any Sampler<[Int]>)? = nil,
        numWorkers: Int = 0, prefetchFactor: Int = 2, dropLast: Bool = false,
        generator: EmberCore.Generator? = nil, workerInit: (@Sendable (WorkerInfo) -> Void)? = nil,
        collate: @escaping @Sendable ([D.Sample]) throws -> Batch
    ) {
        self.init(dataset, batchSize: batchSize, shuffle: shuffle, sampler: sampler, batchSampler: batchSampler,
                  numWorkers: numWorkers, prefetchFactor: prefetchFactor, dropLast: dropLast, generator: generator,
                  workerInit: workerInit, collate: collate, gather: nil)
    }

    /// The map-style loader, with `gather` reading whole batches when the collate is the
    /// default one and the dataset is ``BatchGathering``.
    init<D: Dataset>(
        _ dataset: D, batchSize: Int, shuffle: Bool, sampler: (any Sampler<Int>)?, batchSampler: (any Sampler<[Int]>)?,
        numWorkers: Int, prefetchFactor: Int, dropLast: Bool, generator: EmberCore.Generator?,
        workerInit: (@Sendable (WorkerInfo) -> Void)?, collate: @escaping @Sendable ([D.Sample]) throws -> Batch,
        gather: (@Sendable ([Int]) throws -> Batch)?
    ) {
        precondition(sampler == nil || !shuffle, "sampler option is mutually exclusive with shuffle")
        let batches: any Sampler<[Int]>, indices: (any Sampler<Int>)?
        if let batchSampler {
            precondition(batchSize == 1 && !shuffle && sampler == nil && !dropLast,
                "batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last")
            batches = batchSampler
            indices = nil
        } else {
            let order: any Sampler<Int> = sampler
                ?? (shuffle ? RandomSampler(count: dataset.count, generator: generator) : SequentialSampler(count: dataset.count))
            batches = batched(order, batchSize: batchSize, dropLast: dropLast)
            indices = order
        }
        self.init(
            source: LoaderSource(dataset, batchSampler: batches, collate: collate, gather: gather),
            batchSize: batchSampler == nil ? batchSize : nil, dropLast: dropLast, numWorkers: numWorkers,
            prefetchFactor: prefetchFactor, generator: generator, sampler: indices, batchSampler: batches,
            workerInit: workerInit)
    }

    /// A loader of `dataset` with the default collate: tensors are stacked, numbers become
    /// tensors, arrays and dictionaries are collated element by element (see ``Collatable``).
    ///
    /// The parameters are those of ``init(_:batchSize:shuffle:sampler:batchSampler:numWorkers:prefetchFactor:dropLast:generator:workerInit:collate:)``.
    public init<D: Dataset>(
        _ dataset: D, batchSize: Int = 1, shuffle: Bool = false,
        sampler: (any Sampler<Int>)? = nil, batchSampler: (any Sampler<[Int]>)? = nil,
        numWorkers: Int = 0, prefetchFactor: Int = 2, dropLast: Bool = false,
        generator: EmberCore.Generator? = nil, workerInit: (@Sendable (WorkerInfo) -> Void)? = nil
    ) where D.Sample: Collatable, Batch == D.Sample.Batch {
        self.init(
            dataset, batchSize: batchSize, shuffle: shuffle, sampler: sampler, batchSampler: batchSampler,
            numWorkers: numWorkers, prefetchFactor: prefetchFactor, dropLast: dropLast, generator: generator,
            workerInit: workerInit, collate: { try D.Sample.collate($0) }, gather: gatherer(dataset))
    }

    /// A loader of a dataset of tuples, such as `(features, label)`, with the default collate
    /// applied to each element: batches are tuples of batches.
    ///
    /// The parameters are those of ``init(_:batchSize:shuffle:sampler:batchSampler:numWorkers:prefetchFactor:dropLast:generator:workerInit:collate:)``.
    public init<D: Dataset, T0: Collatable, T1: Collatable, each T: Collatable>(
        _ dataset: D, batchSize: Int = 1, shuffle: Bool = false,
        sampler: (any Sampler<Int>)? = nil, batchSampler: (any Sampler<[Int]>)? = nil,
        numWorkers: Int = 0, prefetchFactor: Int = 2, dropLast: Bool = false,
        generator: EmberCore.Generator? = nil, workerInit: (@Sendable (WorkerInfo) -> Void)? = nil
    ) where D.Sample == (T0, T1, repeat each T), Batch == (T0.Batch, T1.Batch, repeat (each T).Batch) {
        self.init(
            dataset, batchSize: batchSize, shuffle: shuffle, sampler: sampler, batchSampler: batchSampler,
            numWorkers: numWorkers, prefetchFactor: prefetchFactor, dropLast: dropLast, generator: generator,
            workerInit: workerInit, collate: { try defaultCollate($0) }, gather: gatherer(dataset))
    }
}

/// Whole-batch reads for a ``BatchGathering`` dataset whose gathered `Sample` is the batch type.
private func gatherer<D: Dataset, Batch>(_ dataset: D) -> (@Sendable ([Int]) throws -> Batch)? {
    guard let gathering = dataset as? any BatchGathering, D.Sample.self == Batch.self else { return nil }
    return { indices in
        guard let batch = try gathering.gatherBatch(at: indices) as? Batch else {
            preconditionFailure("\(D.self).gatherBatch returned a value that is not a \(Batch.self)")
        }
        return batch
    }
}

/// `sampler`'s indices in batches.
private func batched<S: Sampler<Int>>(_ sampler: S, batchSize: Int, dropLast: Bool) -> any Sampler<[Int]> {
    BatchSampler(sampler, batchSize: batchSize, dropLast: dropLast)
}
