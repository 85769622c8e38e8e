/// Groups the indices of another sampler into batches (`torch.utils.data.BatchSampler`).
///
/// ```swift
/// Array(BatchSampler(SequentialSampler(count: 7), batchSize: 3, dropLast: false))
/// // [[0, 1, 2], [3, 4, 5], [6]]
/// ```
public struct BatchSampler<Base: Sampler<Int>>: Sampler {
    /// The sampler whose indices are grouped.
    public let sampler: Base
    /// The number of indices per batch.
    public let batchSize: Int
    /// Whether a last batch smaller than ``batchSize`` is dropped.
    public let dropLast: Bool

    /// Batches of `batchSize` indices from `sampler`.
    public init(_ sampler: Base, batchSize: Int, dropLast: Bool) {
        precondition(batchSize > 0, "batch_size should be a positive integer value, but got batch_size=\(batchSize)")
        self.sampler = sampler
        self.batchSize = batchSize
        self.dropLast = dropLast
    }

    /// The number of batches a pass yields.
    public var count: Int {
        dropLast ? sampler.count / batchSize : (sampler.count + batchSize - 1) / batchSize
    }

    /// A new pass over the base sampler.
    public func makeIterator() -> Iterator {
        Iterator(base: sampler.makeIterator(), batchSize: batchSize, dropLast: dropLast)
    }

    /// The batches of one pass.
    public struct Iterator: IteratorProtocol {
        var base: Base.Iterator
        let batchSize: Int
        let dropLast: Bool
        var finished = false

        /// The next batch: `batchSize` indices, or fewer at the end unless they are dropped.
        public mutating func next() -> [Int]? {
            var batch: [Int] = []
            batch.reserveCapacity(batchSize)
            while !finished && batch.count < batchSize {
                if let i = base.next() { batch.append(i) } else { finished = true }
            }
            if batch.isEmpty || (dropLast && batch.count < batchSize) { return nil }
            return batch
        }
    }
}
