import EmberCore

/// The given indices in random order (`torch.utils.data.SubsetRandomSampler`): each pass
/// yields `indices[p[0]], indices[p[1]], ...` for a new permutation `p = randperm(count)`.
/// Without a generator the permutation comes from `Generator.default`.
public struct SubsetRandomSampler: Sampler {
    /// The indices to shuffle.
    public let indices: [Int]
    /// The generator the permutations come from; `nil` uses `Generator.default`.
    public let generator: EmberCore.Generator?

    /// A sampler over `indices`.
    public init(indices: [Int], generator: EmberCore.Generator? = nil) {
        self.indices = indices
        self.generator = generator
    }

    /// The number of indices.
    public var count: Int { indices.count }

    /// A new pass; the permutation is drawn when the first index is requested.
    public func makeIterator() -> SamplerIterator {
        let indices = indices, generator = generator
        return SamplerIterator(chunks: 1) { _ in
            Tensor.randperm(indices.count, generator: generator ?? DefaultGenerator.current).indexValues.map { indices[$0] }
        }
    }
}
