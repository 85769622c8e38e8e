import EmberCore

/// One transformer encoder block (`nn.TransformerEncoderLayer`): self-attention then a
/// feed-forward network, each with dropout, a residual connection and layer normalisation
/// (after each block, or before it with `normFirst`).
///
/// Submodules as PyTorch names them: `self_attn`, `linear1`, `dropout`, `linear2`, `norm1`,
/// `norm2`, `dropout1`, `dropout2`, created (and initialised) in that order.
public final class TransformerEncoderLayer: Module {
    /// The feed-forward activation.
    public enum Activation {
        /// max(0, x) (the default).
        case relu
        /// x · Φ(x), with the exact (erf) Gaussian CDF.
        case gelu
        /// Any function of a tensor.
        case custom((Tensor) -> Tensor)

        func callAsFunction(_ x: Tensor) -> Tensor {
            switch self {
            case .relu: return x.relu()
            case .gelu: return x * (x * Scalar.double(0.5.squareRoot())).erf().add(Tensor(wrapping: .double(1))) * Scalar.double(0.5)
            case .custom(let f): return f(x)
            }
        }
    }

    /// Self-attention over the input.
    public let selfAttn: MultiheadAttention
    /// The first feed-forward projection, dModel → dimFeedforward.
    public let linear1: Linear
    /// Dropout inside the feed-forward block.
    public let dropout: Dropout
    /// The second feed-forward projection, dimFeedforward → dModel.
    public let linear2: Linear
    /// The normalisation around the attention block.
    public let norm1: LayerNorm
    /// The normalisation around the feed-forward block.
    public let norm2: LayerNorm
    /// Dropout on the attention block's output.
    public let dropout1: Dropout
    /// Dropout on the feed-forward block's output.
    public let dropout2: Dropout
    /// Whether normalisation comes before each block (pre-norm) rather than after.
    public let normFirst: Bool
    /// The feed-forward activation.
    public let activation: Activation

    /// A block of width `dModel` with `nhead` attention heads.
    public init(dModel: Int, nhead: Int, dimFeedforward: Int = 2048, dropout: Double = 0.1, activation: Activation = .relu,
                layerNormEps: Double = 1e-5, batchFirst: Bool = false, normFirst: Bool = false, bias: Bool = true,
                dtype: DType = .defaultFloat) {
        selfAttn = MultiheadAttention(dModel, nhead, dropout: dropout, bias: bias, batchFirst: batchFirst, dtype: dtype)
        linear1 = Linear(dModel, dimFeedforward, bias: bias, dtype: dtype)
        self.dropout = Dropout(p: dropout)
        linear2 = Linear(dimFeedforward, dModel, bias: bias, dtype: dtype)
        self.normFirst = normFirst
        norm1 = LayerNorm(dModel, eps: layerNormEps, bias: bias, dtype: dtype)
        norm2 = LayerNorm(dModel, eps: layerNormEps, bias: bias, dtype: dtype)
        dropout1 = Dropout(p: dropout)
        dropout2 = Dropout(p: dropout)
        self.activation = activation
        super.init()
    }

    /// The block applied to `src` ([S, N, E], [N, S, E] with batchFirst, or [S, E]) with an
    /// optional attention mask [S, S] and key padding mask [N, S].
    public func forward(_ src: Tensor, srcMask: Tensor?, srcKeyPaddingMask: Tensor? = nil) -> Tensor {
        var x = src
        if normFirst {
            x = x + selfAttentionBlock(norm1(x), srcMask, srcKeyPaddingMask)
            x = x + feedForwardBlock(norm2(x))
        } else {
            x = norm1(x + selfAttentionBlock(x, srcMask, srcKeyPaddingMask))
            x = norm2(x + feedForwardBlock(x))
        }
        return x
    }

    /// The block without masks.
    public override func forward(_ input: Tensor) -> Tensor { forward(input, srcMask: nil) }

    /// `layer(x, srcMask: m)`: ``forward(_:srcMask:srcKeyPaddingMask:)``.
    public func callAsFunction(_ src: Tensor, srcMask: Tensor?, srcKeyPaddingMask: Tensor? = nil) -> Tensor {
        forward(src, srcMask: srcMask, srcKeyPaddingMask: srcKeyPaddingMask)
    }

    private func selfAttentionBlock(_ x: Tensor, _ mask: Tensor?, _ padding: Tensor?) -> Tensor {
        dropout1(selfAttn(query: x, key: x, value: x, keyPaddingMask: padding, needWeights: false, attnMask: mask).output)
    }

    private func feedForwardBlock(_ x: Tensor) -> Tensor {
        dropout2(linear2(dropout(activation(linear1(x)))))
    }
}
