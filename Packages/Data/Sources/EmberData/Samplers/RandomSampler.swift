import EmberCore

/// Dataset indices in random order (`torch.utils.data.RandomSampler`): a random permutation
/// per pass, or, with replacement, `numSamples` independent uniform indices.
///
/// With the same seed a pass gives PyTorch's indices:
/// - without a generator, each pass draws a seed from the default generator
///   (`torch.empty((), dtype=torch.int64).random_()`) and permutes with a new generator
///   seeded with it;
/// - without replacement, `numSamples / count` permutations (`randperm`) followed by the start
///   of one more (drawn in full even when `numSamples` is a multiple of `count`);
/// - with replacement, `randint(0, count)` in chunks of 32.
public struct RandomSampler: Sampler {
    /// The number of samples in the dataset.
    public let datasetCount: Int
    /// Whether indices are drawn with replacement.
    public let replacement: Bool
    /// The number of indices a pass yields.
    public let numSamples: Int
    /// The generator the draws come from; `nil` draws a fresh seed from `Generator.default`
    /// for every pass.
    public let generator: EmberCore.Generator?

    /// A sampler over a dataset of `count` samples.
    /// - Parameters:
    ///   - numSamples: the number of indices per pass; `count` by default.
    public init(count: Int, replacement: Bool = false, numSamples: Int? = nil, generator: EmberCore.Generator? = nil) {
        let n = numSamples ?? count
        precondition(n > 0, "num_samples should be a positive integer value, but got num_samples=\(n)")
        precondition(count > 0, "RandomSampler: cannot sample from an empty dataset")
        self.datasetCount = count
        self.replacement = replacement
        self.numSamples = n
        self.generator = generator
    }

    /// A sampler over the indices of `dataset`.
    public init(_ dataset: some Dataset, replacement: Bool = false, numSamples: Int? = nil, generator: EmberCore.Generator? = nil) {
        self.init(count: dataset.count, replacement: replacement, numSamples: numSamples, generator: generator)
    }

    /// The number of indices a pass yields: ``numSamples``.
    public var count: Int { numSamples }

    /// A new pass; its numbers are drawn when the first index is requested.
    public func makeIterator() -> SamplerIterator {
        let n = datasetCount, total = numSamples, replacement = replacement
        var source = generator
        let chunks = replacement ? total / 32 + 1 : total / n + 1
        return SamplerIterator(chunks: chunks) { k in
            let g = source ?? EmberCore.Generator(seed: UInt64(drawSeed(from: DefaultGenerator.current)))
            source = g
            if replacement {
                let size = k < chunks - 1 ? 32 : total % 32
                return Tensor.randint(low: 0, high: n, shape: [size], generator: g).indexValues
            }
            let permutation = Tensor.randperm(n, generator: g).indexValues
            return k < chunks - 1 ? permutation : Array(permutation.prefix(total % n))
        }
    }
}
