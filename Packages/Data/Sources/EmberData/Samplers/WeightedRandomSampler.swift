import EmberCore

/// Indices `0..<weights.count` drawn with probabilities proportional to `weights`
/// (`torch.utils.data.WeightedRandomSampler`): each pass is one
/// `multinomial(weights, numSamples, replacement)` over float64 weights, which gives
/// PyTorch's indices for the same seed.
public struct WeightedRandomSampler: Sampler {
    /// The non-negative weights, one per index.
    public let weights: [Double]
    /// The number of indices a pass yields.
    public let numSamples: Int
    /// Whether an index may be drawn more than once.
    public let replacement: Bool
    /// The generator the draws come from; `nil` uses `Generator.default`.
    public let generator: EmberCore.Generator?

    /// A sampler drawing `numSamples` indices per pass.
    public init(weights: [Double], numSamples: Int, replacement: Bool = true, generator: EmberCore.Generator? = nil) {
        precondition(numSamples > 0, "num_samples should be a positive integer value, but got num_samples=\(numSamples)")
        precondition(replacement || numSamples <= weights.count,
            "cannot sample n_sample > prob_dist.size(-1) samples without replacement")
        self.weights = weights
        self.numSamples = numSamples
        self.replacement = replacement
        self.generator = generator
    }

    /// A sampler whose weights are the elements of a 1-d tensor.
    public init(weights: Tensor, numSamples: Int, replacement: Bool = true, generator: EmberCore.Generator? = nil) {
        precondition(weights.rank == 1,
            "weights should be a 1d sequence but given weights have shape \(weights.shape)")
        self.init(weights: weights.doubleScalars, numSamples: numSamples, replacement: replacement, generator: generator)
    }

    /// The number of indices a pass yields: ``numSamples``.
    public var count: Int { numSamples }

    /// A new pass; the indices are drawn when the first one is requested.
    public func makeIterator() -> SamplerIterator {
        let weights = Tensor(weights, shape: [weights.count])
        let numSamples = numSamples, replacement = replacement, generator = generator
        return SamplerIterator(chunks: 1) { _ in
            weights.multinomial(numSamples: numSamples, replacement: replacement, generator: generator ?? DefaultGenerator.current).indexValues
        }
    }
}
