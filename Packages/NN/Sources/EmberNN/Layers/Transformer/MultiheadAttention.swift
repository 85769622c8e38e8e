import EmberCore

/// Multi-head attention (`nn.MultiheadAttention`): softmax(Q Kᵀ / √d + mask) V per head,
/// over learned projections of query, key and value, then an output projection.
///
/// Parameters as PyTorch's: `in_proj_weight` [3E, E] (or `q_proj_weight`, `k_proj_weight`,
/// `v_proj_weight` when `kdim`/`vdim` differ from E), `in_proj_bias` [3E], optional `bias_k`,
/// `bias_v` [1, 1, E], and `out_proj`. Initialised in PyTorch's order: out_proj as a Linear,
/// then Xavier-uniform input weights, zero biases, Xavier-normal `bias_k`/`bias_v`.
public final class MultiheadAttention: Module {
    /// The model dimension E.
    public let embedDim: Int
    /// The key and value feature sizes.
    public let kdim: Int, vdim: Int
    /// The number of heads (E must be divisible by it).
    public let numHeads: Int
    /// Dropout on the attention weights, in training.
    public let dropout: Double
    /// Whether inputs are [batch, seq, feature].
    public let batchFirst: Bool
    /// E / numHeads.
    public let headDim: Int
    /// Whether a zero key and value are appended to every sequence.
    public let addZeroAttn: Bool

    /// The query projection when key/value sizes differ from E.
    @Parameter public var qProjWeight: Tensor?
    /// The key projection when key/value sizes differ from E.
    @Parameter public var kProjWeight: Tensor?
    /// The value projection when key/value sizes differ from E.
    @Parameter public var vProjWeight: Tensor?
    /// The packed query/key/value projection [3E, E].
    @Parameter public var inProjWeight: Tensor?
    /// The packed projection bias [3E].
    @Parameter public var inProjBias: Tensor?
    /// The bias appended to the keys, [1, 1, E].
    @Parameter public var biasK: Tensor?
    /// The bias appended to the values, [1, 1, E].
    @Parameter public var biasV: Tensor?
    /// The output projection.
    public let outProj: NonDynamicallyQuantizableLinear

    /// Attention with `numHeads` heads over `embedDim` features.
    public init(_ embedDim: Int, _ numHeads: Int, dropout: Double = 0, bias: Bool = true, addBiasKV: Bool = false,
                addZeroAttn: Bool = false, kdim: Int? = nil, vdim: Int? = nil, batchFirst: Bool = false,
                dtype: DType = .defaultFloat) {
        precondition(embedDim > 0 && numHeads > 0,
                     "embed_dim and num_heads must be greater than 0, got embed_dim=\(embedDim) and num_heads=\(numHeads) instead")
        precondition(embedDim % numHeads == 0, "embed_dim must be divisible by num_heads")
        self.embedDim = embedDim
        self.kdim = kdim ?? embedDim
        self.vdim = vdim ?? embedDim
        self.numHeads = numHeads
        self.dropout = dropout
        self.batchFirst = batchFirst
        self.headDim = embedDim / numHeads
        self.addZeroAttn = addZeroAttn
        let packed = self.kdim == embedDim && self.vdim == embedDim
        _qProjWeight = Parameter(wrappedValue: packed ? nil : Tensor(empty: [embedDim, embedDim], dtype: dtype))
        _kProjWeight = Parameter(wrappedValue: packed ? nil : Tensor(empty: [embedDim, self.kdim], dtype: dtype))
        _vProjWeight = Parameter(wrappedValue: packed ? nil : Tensor(empty: [embedDim, self.vdim], dtype: dtype))
        _inProjWeight = Parameter(wrappedValue: packed ? Tensor(empty: [3 * embedDim, embedDim], dtype: dtype) : nil)
        _inProjBias = Parameter(wrappedValue: bias ? Tensor(empty: [3 * embedDim], dtype: dtype) : nil)
        _biasK = Parameter(wrappedValue: addBiasKV ? Tensor(empty: [1, 1, embedDim], dtype: dtype) : nil)
        _biasV = Parameter(wrappedValue: addBiasKV ? Tensor(empty: [1, 1, embedDim], dtype: dtype) : nil)
        outProj = NonDynamicallyQuantizableLinear(embedDim, embedDim, bias: bias, dtype: dtype)
        super.init()
        resetParameters()
    }

    /// Xavier-uniform input weights, zero biases, Xavier-normal `bias_k`/`bias_v`
    /// (`_reset_parameters`; out_proj's weight keeps its Linear initialisation).
    public func resetParameters() {
        if let w = inProjWeight { Init.xavierUniform_(w) }
        for w in [qProjWeight, kProjWeight, vProjWeight].compactMap({ $0 }) { Init.xavierUniform_(w) }
        if let b = inProjBias {
            Init.constant_(b, 0)
            if let ob = outProj.bias { Init.constant_(ob, 0) }
        }
        if let k = biasK { Init.xavierNormal_(k) }
        if let v = biasV { Init.xavierNormal_(v) }
    }

    /// Attention of `query` over `key`/`value`: [L, N, E] ([N, L, E] with `batchFirst`, or
    /// unbatched [L, E]). Returns the output and, when `needWeights`, the weights [N, L, S]
    /// (averaged over heads unless `averageAttnWeights` is false: [N, heads, L, S]).
    /// Masks: `keyPaddingMask` [N, S], `attnMask` [L, S] or [N·heads, L, S]; boolean (true
    /// = not attended) or float (added to the scores).
    public func forward(query: Tensor, key: Tensor, value: Tensor, keyPaddingMask: Tensor? = nil, needWeights: Bool = true,
                        attnMask: Tensor? = nil, averageAttnWeights: Bool = true) -> (output: Tensor, weights: Tensor?) {
        var (q, k, v) = (query, key, value)
        let transpose = batchFirst && query.rank == 3
        if transpose {
            q = query.transpose(0, 1)
            k = key === query ? q : key.transpose(0, 1)
            v = value === key ? k : value.transpose(0, 1)
        }
        let weights = AttentionWeights(
            inProjWeight: inProjWeight, qProjWeight: qProjWeight, kProjWeight: kProjWeight, vProjWeight: vProjWeight,
            inProjBias: inProjBias, biasK: biasK, biasV: biasV, outProjWeight: outProj.weight, outProjBias: outProj.bias)
        let result = Functional.multiHeadAttention(
            query: q, key: k, value: v, numHeads: numHeads, weights: weights, addZeroAttn: addZeroAttn,
            dropout: dropout, training: training, keyPaddingMask: keyPaddingMask, needWeights: needWeights,
            attnMask: attnMask, averageAttnWeights: averageAttnWeights)
        return (transpose ? result.output.transpose(0, 1) : result.output, result.weights)
    }

    /// `mha(query: q, key: k, value: v)`: ``forward(query:key:value:keyPaddingMask:needWeights:attnMask:averageAttnWeights:)``.
    public func callAsFunction(query: Tensor, key: Tensor, value: Tensor, keyPaddingMask: Tensor? = nil, needWeights: Bool = true,
                               attnMask: Tensor? = nil, averageAttnWeights: Bool = true) -> (output: Tensor, weights: Tensor?) {
        forward(query: query, key: key, value: value, keyPaddingMask: keyPaddingMask, needWeights: needWeights,
                attnMask: attnMask, averageAttnWeights: averageAttnWeights)
    }

    /// Self-attention of `input` (query, key and value alike), output only.
    public override func forward(_ input: Tensor) -> Tensor {
        forward(query: input, key: input, value: input, needWeights: false).output
    }
}
