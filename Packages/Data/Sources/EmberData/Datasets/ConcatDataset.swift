import EmberCore

/// Several datasets read one after another as one (`torch.utils.data.ConcatDataset`).
///
/// ```swift
/// let all = ConcatDataset([train, extra])                         // same dataset type
/// let mixed = ConcatDataset<(Tensor, Tensor)>([tensorData, csvData])  // different types
/// ```
public struct ConcatDataset<Sample: Sendable>: Dataset {
    /// The datasets, in order.
    public let datasets: [any Dataset<Sample>]
    /// The running totals of the datasets' counts (PyTorch's `cumulative_sizes`).
    public let cumulativeSizes: [Int]

    /// The concatenation of `datasets`, which must not be empty.
    public init(_ datasets: [any Dataset<Sample>]) {
        precondition(!datasets.isEmpty, "datasets should not be an empty iterable")
        self.datasets = datasets
        var total = 0
        cumulativeSizes = datasets.map { total += $0.count; return total }
    }

    /// The concatenation of datasets of one type.
    public init<D: Dataset>(_ datasets: [D]) where D.Sample == Sample {
        self.init(datasets.map { $0 as any Dataset<Sample> })
    }

    /// The total number of samples.
    public var count: Int { cumulativeSizes.last ?? 0 }

    /// The sample `index` of the concatenation: found by bisection over ``cumulativeSizes``.
    /// - Throws: `EmberError.indexOutOfRange` outside `0..<count`, or the dataset's error.
    public func sample(at index: Int) throws -> Sample {
        guard index >= 0 && index < count else { throw indexError(index, count: count, in: "ConcatDataset") }
        // The first dataset whose running total exceeds index (Python's bisect_right).
        var lo = 0, hi = cumulativeSizes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulativeSizes[mid] <= index { lo = mid + 1 } else { hi = mid }
        }
        let start = lo == 0 ? 0 : cumulativeSizes[lo - 1]
        return try datasets[lo].sample(at: index - start)
    }
}
