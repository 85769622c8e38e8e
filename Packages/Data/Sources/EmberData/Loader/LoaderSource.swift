// What one DataLoader iteration does, with the dataset's type erased: a stream of tasks
// (the batches' index lists) read on the iterating thread, and per-worker fetchers that turn
// a task into a batch. Map-style fetchers are stateless; an iterable dataset's fetcher owns
// the worker's stream.

/// One batch to load: its number in the iteration and, for map-style datasets, its indices.
struct LoaderTask: Sendable {
    let number: Int
    let indices: [Int]
}

/// Loads the batch for a task; `nil` means the worker's stream is exhausted.
typealias BatchFetcher<Batch> = (LoaderTask) throws(DataLoaderError) -> Batch?

/// A dataset and collate function, ready to be iterated.
struct LoaderSource<Batch: Sendable>: Sendable {
    /// Starts a pass: the index lists of its batches (endless for iterable datasets).
    let makeTasks: @Sendable () -> AnyIterator<[Int]>
    /// Makes the fetcher of one worker, on that worker's thread.
    let makeFetcher: @Sendable () -> BatchFetcher<Batch>
    /// The number of batches per pass, when known.
    let count: Int?

    /// Batches of a map-style dataset at the index lists of `batchSampler`; `gather`, when
    /// given, reads a whole batch at once (the default collate of a ``BatchGathering`` dataset).
    init<D: Dataset>(
        _ dataset: D, batchSampler: any Sampler<[Int]>,
        collate: @escaping @Sendable ([D.Sample]) throws -> Batch,
        gather: (@Sendable ([Int]) throws -> Batch)? = nil
    ) {
        makeTasks = {
            var batches = batchSampler.makeIterator()
            return AnyIterator { batches.next() }
        }
        count = batchSampler.count
        makeFetcher = {
            { task throws(DataLoaderError) in
                let worker = WorkerInfo.current?.id
                if let gather {
                    do { return try gather(task.indices) } catch {
                        let bad = task.indices.first { $0 < 0 || $0 >= dataset.count }
                        throw DataLoaderError(bad.map { .sample(index: $0) } ?? .collate(indices: task.indices),
                                              worker: worker, underlying: error)
                    }
                }
                var samples: [D.Sample] = []
                samples.reserveCapacity(task.indices.count)
                for i in task.indices {
                    do { samples.append(try dataset.sample(at: i)) } catch {
                        throw DataLoaderError(.sample(index: i), worker: worker, underlying: error)
                    }
                }
                do { return try collate(samples) } catch {
                    throw DataLoaderError(.collate(indices: task.indices), worker: worker, underlying: error)
                }
            }
        }
    }

    /// Batches of `batchSize` consecutive samples of an iterable dataset's stream.
    init<D: IterableDataset>(
        _ dataset: D, batchSize: Int, dropLast: Bool,
        collate: @escaping @Sendable ([D.Sample]) throws -> Batch
    ) {
        makeTasks = { AnyIterator { [] } }
        count = dataset.expectedCount.map { dropLast ? $0 / batchSize : ($0 + batchSize - 1) / batchSize }
        makeFetcher = {
            let reader = StreamReader(dataset)
            return { _ throws(DataLoaderError) in
                let samples = try reader.read(batchSize)
                if samples.isEmpty || (dropLast && samples.count < batchSize) { return nil }
                do { return try collate(samples) } catch {
                    throw DataLoaderError(.collate(indices: Array(reader.position - samples.count..<reader.position)),
                                          worker: WorkerInfo.current?.id, underlying: error)
                }
            }
        }
    }
}

/// One worker's stream over an iterable dataset, opened on first use.
private final class StreamReader<D: IterableDataset> {
    let dataset: D
    var stream: D.Stream?
    var finished = false
    /// The number of samples read (or failed) so far.
    var position = 0

    init(_ dataset: D) { self.dataset = dataset }

    /// Up to `count` next samples; fewer only at the end of the stream.
    func read(_ count: Int) throws(DataLoaderError) -> [D.Sample] {
        let worker = WorkerInfo.current?.id
        if stream == nil && !finished {
            do { stream = try dataset.makeStream() } catch {
                finished = true
                throw DataLoaderError(.openStream, worker: worker, underlying: error)
            }
        }
        var samples: [D.Sample] = []
        while !finished && samples.count < count {
            do {
                if let sample = try stream?.next() { samples.append(sample) } else { finished = true; break }
            } catch {
                position += 1
                throw DataLoaderError(.stream(position: position - 1), worker: worker, underlying: error)
            }
            position += 1
        }
        return samples
    }
}
