import EmberCore

/// The samples of a dataset at chosen indices, in the order given (`torch.utils.data.Subset`).
public struct Subset<Base: Dataset>: Dataset {
    /// The dataset the indices refer to.
    public let dataset: Base
    /// The base dataset's indices, one per sample of the subset.
    public let indices: [Int]

    /// The samples of `dataset` at `indices`. Indices are checked when a sample is read.
    public init(_ dataset: Base, indices: [Int]) {
        self.dataset = dataset
        self.indices = indices
    }

    /// The number of indices.
    public var count: Int { indices.count }

    /// The base dataset's sample at `indices[index]`.
    /// - Throws: `EmberError.indexOutOfRange` for an index outside `0..<count`, or the base
    ///   dataset's error.
    public func sample(at index: Int) throws -> Base.Sample {
        guard index >= 0 && index < indices.count else { throw indexError(index, count: count, in: "Subset") }
        return try dataset.sample(at: indices[index])
    }
}
