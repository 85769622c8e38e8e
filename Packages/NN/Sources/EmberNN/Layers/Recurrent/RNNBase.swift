import EmberAutograd
import EmberCore

/// The shared machinery of ``RNN``, ``LSTM`` and ``GRU`` (`nn.RNNBase`): parameters named and
/// registered as PyTorch's (`weight_ih_l0`, `weight_hh_l0`, `bias_ih_l0`, `bias_hh_l0`, then
/// `…_reverse` for the backward direction, layer by layer), initialised from
/// U(−1/√hiddenSize, 1/√hiddenSize) in that order, and the layer/direction loop.
///
/// Each direction projects the whole input sequence with one matrix product, then runs the
/// recurrence with differentiable operations, so autograd gives every gradient.
open class RNNBase: Module {
    /// The recurrence a layer runs.
    public enum Mode: String, Sendable {
        /// h' = tanh(W_ih x + b_ih + W_hh h + b_hh).
        case rnnTanh = "RNN_TANH"
        /// h' = relu(W_ih x + b_ih + W_hh h + b_hh).
        case rnnReLU = "RNN_RELU"
        /// Long short-term memory, gates i, f, g, o.
        case lstm = "LSTM"
        /// Gated recurrent unit, gates r, z, n.
        case gru = "GRU"

        /// How many hidden-size blocks the gate weights stack.
        var gateCount: Int {
            switch self {
            case .rnnTanh, .rnnReLU: return 1
            case .lstm: return 4
            case .gru: return 3
            }
        }
    }

    /// The recurrence.
    public let mode: Mode
    /// The number of features of each input step.
    public let inputSize: Int
    /// The number of features of the hidden state.
    public let hiddenSize: Int
    /// The number of stacked layers.
    public let numLayers: Int
    /// Whether the layers have `bias_ih` and `bias_hh`.
    public let bias: Bool
    /// Whether inputs and outputs are [batch, seq, feature] rather than [seq, batch, feature].
    public let batchFirst: Bool
    /// The dropout probability applied to each layer's output but the last, in training.
    public let dropout: Double
    /// Whether each layer also runs backwards over the sequence.
    public let bidirectional: Bool

    /// The number of directions (2 when bidirectional).
    public var numDirections: Int { bidirectional ? 2 : 1 }

    /// Declares the parameters of `numLayers` layers and initialises them as PyTorch does.
    public init(mode: Mode, inputSize: Int, hiddenSize: Int, numLayers: Int = 1, bias: Bool = true, batchFirst: Bool = false,
                dropout: Double = 0, bidirectional: Bool = false, dtype: DType = .defaultFloat) {
        precondition(dropout >= 0 && dropout <= 1,
                     "dropout should be a number in range [0, 1] representing the probability of an element being zeroed")
        precondition(hiddenSize > 0, "hidden_size must be greater than zero")
        precondition(numLayers > 0, "num_layers must be greater than zero")
        precondition(inputSize >= 0, "input_size must be non-negative, got \(inputSize)")
        self.mode = mode
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.numLayers = numLayers
        self.bias = bias
        self.batchFirst = batchFirst
        self.dropout = dropout
        self.bidirectional = bidirectional
        super.init()
        let gates = mode.gateCount * hiddenSize
        for layer in 0..<numLayers {
            for direction in 0..<numDirections {
                let suffix = RNNBase.suffix(layer, direction)
                let layerInput = layer == 0 ? inputSize : hiddenSize * numDirections
                registerParameter("weight_ih" + suffix, Tensor(empty: [gates, layerInput], dtype: dtype))
                registerParameter("weight_hh" + suffix, Tensor(empty: [gates, hiddenSize], dtype: dtype))
                if bias {
                    registerParameter("bias_ih" + suffix, Tensor(empty: [gates], dtype: dtype))
                    registerParameter("bias_hh" + suffix, Tensor(empty: [gates], dtype: dtype))
                }
            }
        }
        resetParameters()
    }

    /// `_l0`, `_l1_reverse`...
    static func suffix(_ layer: Int, _ direction: Int) -> String {
        "_l\(layer)" + (direction == 1 ? "_reverse" : "")
    }

    /// Draws every parameter from U(−1/√hiddenSize, 1/√hiddenSize), in registration order
    /// (`reset_parameters`).
    public func resetParameters() {
        let bound = 1 / Double(hiddenSize).squareRoot()
        for p in parameters() { Init.uniform_(p, from: -bound, to: bound) }
    }

    /// Does nothing: Ember keeps no fused weight buffer (`flatten_parameters`, a cuDNN
    /// detail in PyTorch), so code ported from PyTorch that calls it still runs.
    public func flattenParameters() {}

    /// The output of the last layer for `input` with zero initial state (for use in
    /// ``Sequential``); ``RNN``, ``LSTM`` and ``GRU`` also return the final state.
    open override func forward(_ input: Tensor) -> Tensor {
        run(input, initial: []).output
    }

    /// `10, 20, num_layers=2, batch_first=True` (only what differs from the defaults).
    open override var extraDescription: String {
        var s = "\(inputSize), \(hiddenSize)"
        if numLayers != 1 { s += ", num_layers=\(numLayers)" }
        if !bias { s += ", bias=False" }
        if batchFirst { s += ", batch_first=True" }
        if dropout != 0 { s += ", dropout=\(pythonFloat(dropout))" }
        if bidirectional { s += ", bidirectional=True" }
        return s
    }

    /// Runs every layer and direction over `input` from the initial states `initial`
    /// (h₀, and c₀ for LSTM; empty for zeros). Returns the last layer's output and the final
    /// states, shaped as PyTorch returns them.
    func run(_ input: Tensor, initial: [Tensor]) -> (output: Tensor, final: [Tensor]) {
        if let message = validationError(input, initial) { preconditionFailure(message) }
        let batched = input.rank == 3
        var x = batched ? input : input.unsqueeze(batchFirst ? 0 : 1)
        if batchFirst { x = x.transpose(0, 1) }
        let batch = x.shape[1]
        let stateShape = [numLayers * numDirections, batch, hiddenSize]
        let stateCount = mode == .lstm ? 2 : 1
        let states = initial.isEmpty
            ? Array(repeating: Tensor.zeros(stateShape, dtype: x.dtype), count: stateCount)
            : initial.map { batched ? $0 : $0.unsqueeze(1) }
        let weights = Dictionary(namedParameters(recurse: false).map { ($0.name, $0.tensor) }, uniquingKeysWith: { a, _ in a })
        var finals = Array(repeating: [Tensor](), count: stateCount)
        for layer in 0..<numLayers {
            var outputs: [Tensor] = []
            for direction in 0..<numDirections {
                let index = layer * numDirections + direction
                let cell = RecurrentCell(mode: mode, weights: weights, suffix: RNNBase.suffix(layer, direction))
                let result = cell.run(x, initial: states.map { $0.select(dim: 0, index: index) }, reverse: direction == 1)
                outputs.append(result.output)
                for k in 0..<stateCount { finals[k].append(result.final[k]) }
            }
            x = outputs.count == 1 ? outputs[0] : Tensor.cat(outputs, dim: 2)
            if dropout > 0 && training && layer < numLayers - 1 {
                x = Functional.dropout(x, p: dropout, training: true)
            }
        }
        if batchFirst { x = x.transpose(0, 1) }
        if !batched { x = x.squeeze(dim: batchFirst ? 0 : 1) }
        let final = finals.map { Tensor.stack($0, dim: 0) }.map { batched ? $0 : $0.squeeze(dim: 1) }
        return (x, final)
    }
}
