import EmberCore

/// An Elman recurrent network (`nn.RNN`): h' = tanh(W_ih x + b_ih + W_hh h + b_hh), or relu.
///
/// Input [seq, batch, inputSize] ([batch, seq, inputSize] with `batchFirst`, or unbatched
/// [seq, inputSize]); the output holds the last layer's hidden state at every step
/// [seq, batch, numDirections · hiddenSize], and `hN` the final state of every layer and
/// direction [numLayers · numDirections, batch, hiddenSize].
public final class RNN: RNNBase {
    /// The non-linearity of an ``RNN``.
    public enum Nonlinearity: String, Sendable {
        /// The hyperbolic tangent (the default).
        case tanh
        /// The rectified linear unit.
        case relu
    }

    /// The non-linearity.
    public let nonlinearity: Nonlinearity

    /// A network of `numLayers` layers (see ``RNNBase``).
    public init(_ inputSize: Int, _ hiddenSize: Int, numLayers: Int = 1, nonlinearity: Nonlinearity = .tanh,
                bias: Bool = true, batchFirst: Bool = false, dropout: Double = 0, bidirectional: Bool = false,
                dtype: DType = .defaultFloat) {
        self.nonlinearity = nonlinearity
        super.init(mode: nonlinearity == .tanh ? .rnnTanh : .rnnReLU, inputSize: inputSize, hiddenSize: hiddenSize,
                   numLayers: numLayers, bias: bias, batchFirst: batchFirst, dropout: dropout,
                   bidirectional: bidirectional, dtype: dtype)
    }

    /// The output and final hidden state for `input`, starting from `hx` (zeros when `nil`).
    public func forward(_ input: Tensor, hx: Tensor?) -> (output: Tensor, hN: Tensor) {
        let r = run(input, initial: hx.map { [$0] } ?? [])
        return (r.output, r.final[0])
    }

    /// `rnn(x, hx: h0)`: ``forward(_:hx:)``.
    public func callAsFunction(_ input: Tensor, hx: Tensor?) -> (output: Tensor, hN: Tensor) { forward(input, hx: hx) }
}

/// A long short-term memory network (`nn.LSTM`), gates i, f, g, o as PyTorch stacks them:
/// c' = σ(f)·c + σ(i)·tanh(g), h' = σ(o)·tanh(c').
///
/// Shapes as ``RNN``; the state is the pair (h, c), each [numLayers · numDirections, batch, hiddenSize].
public final class LSTM: RNNBase {
    /// A network of `numLayers` layers (see ``RNNBase``).
    public init(_ inputSize: Int, _ hiddenSize: Int, numLayers: Int = 1, bias: Bool = true, batchFirst: Bool = false,
                dropout: Double = 0, bidirectional: Bool = false, dtype: DType = .defaultFloat) {
        super.init(mode: .lstm, inputSize: inputSize, hiddenSize: hiddenSize, numLayers: numLayers, bias: bias,
                   batchFirst: batchFirst, dropout: dropout, bidirectional: bidirectional, dtype: dtype)
    }

    /// The output and final (h, c) for `input`, starting from `hx` (zeros when `nil`).
    public func forward(_ input: Tensor, hx: (h: Tensor, c: Tensor)?) -> (output: Tensor, state: (h: Tensor, c: Tensor)) {
        let r = run(input, initial: hx.map { [$0.h, $0.c] } ?? [])
        return (r.output, (r.final[0], r.final[1]))
    }

    /// `lstm(x, hx: (h0, c0))`: ``forward(_:hx:)``.
    public func callAsFunction(_ input: Tensor, hx: (h: Tensor, c: Tensor)?) -> (output: Tensor, state: (h: Tensor, c: Tensor)) {
        forward(input, hx: hx)
    }
}

/// A gated recurrent unit network (`nn.GRU`), gates r, z, n as PyTorch stacks them:
/// n = tanh(W_in x + b_in + r·(W_hn h + b_hn)), h' = (1 − z)·n + z·h.
///
/// Shapes as ``RNN``.
public final class GRU: RNNBase {
    /// A network of `numLayers` layers (see ``RNNBase``).
    public init(_ inputSize: Int, _ hiddenSize: Int, numLayers: Int = 1, bias: Bool = true, batchFirst: Bool = false,
                dropout: Double = 0, bidirectional: Bool = false, dtype: DType = .defaultFloat) {
        super.init(mode: .gru, inputSize: inputSize, hiddenSize: hiddenSize, numLayers: numLayers, bias: bias,
                   batchFirst: batchFirst, dropout: dropout, bidirectional: bidirectional, dtype: dtype)
    }

    /// The output and final hidden state for `input`, starting from `hx` (zeros when `nil`).
    public func forward(_ input: Tensor, hx: Tensor?) -> (output: Tensor, hN: Tensor) {
        let r = run(input, initial: hx.map { [$0] } ?? [])
        return (r.output, r.final[0])
    }

    /// `gru(x, hx: h0)`: ``forward(_:hx:)``.
    public func callAsFunction(_ input: Tensor, hx: Tensor?) -> (output: Tensor, hN: Tensor) { forward(input, hx: hx) }
}
