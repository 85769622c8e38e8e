import EmberCore

/// A lookup table of `numEmbeddings` vectors of size `embeddingDim` (`nn.Embedding`):
/// `embedding(indices)` has shape [*indices.shape, embeddingDim].
///
/// The weight starts as N(0, 1) draws (PyTorch's, under the same seed) with the padding row
/// zeroed; the padding row receives no gradient.
public final class Embedding: Module {
    /// The size of the dictionary.
    public let numEmbeddings: Int
    /// The size of each vector.
    public let embeddingDim: Int
    /// The padding row, counted from the front (a negative argument is normalised), or `nil`.
    public let paddingIdx: Int?
    /// Rows looked up whose norm exceeds this are rescaled in place first, or `nil`.
    public let maxNorm: Double?
    /// The p of the norm compared with `maxNorm`.
    public let normType: Double
    /// Whether gradients are divided by each index's frequency in the batch.
    public let scaleGradByFreq: Bool
    /// Sparse gradients (not supported: always false).
    public let sparse: Bool
    /// The table, [numEmbeddings, embeddingDim].
    @Parameter public var weight: Tensor

    /// A table of `numEmbeddings` × `embeddingDim`, drawn from N(0, 1), the padding row zeroed.
    public init(_ numEmbeddings: Int, _ embeddingDim: Int, paddingIdx: Int? = nil, maxNorm: Double? = nil,
                normType: Double = 2, scaleGradByFreq: Bool = false, sparse: Bool = false, dtype: DType = .defaultFloat) {
        self.numEmbeddings = numEmbeddings
        self.embeddingDim = embeddingDim
        self.paddingIdx = Embedding.normalise(paddingIdx, numEmbeddings)
        self.maxNorm = maxNorm
        self.normType = normType
        self.scaleGradByFreq = scaleGradByFreq
        self.sparse = sparse
        _weight = Parameter(wrappedValue: Tensor(empty: [numEmbeddings, embeddingDim], dtype: dtype))
        super.init()
        resetParameters()
    }

    /// A table holding `embeddings` [rows, dim] itself (`Embedding.from_pretrained`), frozen
    /// (no gradient) unless `freeze` is false. The padding row is not zeroed.
    public static func fromPretrained(_ embeddings: Tensor, freeze: Bool = true, paddingIdx: Int? = nil,
                                      maxNorm: Double? = nil, normType: Double = 2, scaleGradByFreq: Bool = false,
                                      sparse: Bool = false) -> Embedding {
        precondition(embeddings.rank == 2, "Embeddings parameter is expected to be 2-dimensional")
        let layer = Embedding(embeddings, paddingIdx: paddingIdx, maxNorm: maxNorm, normType: normType,
                              scaleGradByFreq: scaleGradByFreq, sparse: sparse)
        layer.weight.requiresGrad = !freeze
        return layer
    }

    private init(_ embeddings: Tensor, paddingIdx: Int?, maxNorm: Double?, normType: Double,
                 scaleGradByFreq: Bool, sparse: Bool) {
        numEmbeddings = embeddings.shape[0]
        embeddingDim = embeddings.shape[1]
        self.paddingIdx = Embedding.normalise(paddingIdx, numEmbeddings)
        self.maxNorm = maxNorm
        self.normType = normType
        self.scaleGradByFreq = scaleGradByFreq
        self.sparse = sparse
        _weight = Parameter(wrappedValue: embeddings)
        super.init()
    }

    private static func normalise(_ paddingIdx: Int?, _ rows: Int) -> Int? {
        guard let paddingIdx else { return nil }
        precondition(paddingIdx < rows && paddingIdx >= -rows, "Padding_idx must be within num_embeddings")
        return paddingIdx < 0 ? paddingIdx + rows : paddingIdx
    }

    /// Draws the table again from N(0, 1) and zeroes the padding row (`reset_parameters`).
    public func resetParameters() {
        Init.normal_(weight)
        if let paddingIdx { Init.zeros_(weight.select(dim: 0, index: paddingIdx)) }
    }

    /// The rows of the table picked by the int64/int32 `input`.
    public override func forward(_ input: Tensor) -> Tensor {
        Functional.embedding(input, weight: weight, paddingIdx: paddingIdx, maxNorm: maxNorm, normType: normType,
                             scaleGradByFreq: scaleGradByFreq, sparse: sparse)
    }

    /// `10, 3, padding_idx=0`.
    public override var extraDescription: String {
        var s = "\(numEmbeddings), \(embeddingDim)"
        if let paddingIdx { s += ", padding_idx=\(paddingIdx)" }
        if let maxNorm { s += ", max_norm=\(maxNorm)" }
        if normType != 2 { s += ", norm_type=\(normType)" }
        if scaleGradByFreq { s += ", scale_grad_by_freq=True" }
        if sparse { s += ", sparse=True" }
        return s
    }
}
