import EmberAutograd
import EmberCore

/// Parameter initialisers (`torch.nn.init`). Each fills a tensor in place without recording
/// history and returns it; random ones draw from `generator` or the default generator, in
/// PyTorch's order, so `manualSeed(0)` gives PyTorch's values.
public enum Init {
    /// Which fan ``kaimingUniform_(_:a:mode:nonlinearity:generator:)`` scales by.
    public enum FanMode: String, Sendable {
        /// Preserves the variance of activations in the forward pass.
        case fanIn = "fan_in"
        /// Preserves the variance of gradients in the backward pass.
        case fanOut = "fan_out"
    }

    /// The non-linearities ``calculateGain(_:param:)`` knows (PyTorch's names).
    public enum Nonlinearity: String, Sendable {
        case linear, conv1d, conv2d, conv3d, convTranspose1d = "conv_transpose1d"
        case convTranspose2d = "conv_transpose2d", convTranspose3d = "conv_transpose3d"
        case sigmoid, tanh, relu, leakyReLU = "leaky_relu", selu
    }

    /// The recommended gain for `nonlinearity` (`calculate_gain`); `param` is leaky ReLU's
    /// negative slope (default 0.01).
    public static func calculateGain(_ nonlinearity: Nonlinearity, param: Double? = nil) -> Double {
        switch nonlinearity {
        case .linear, .conv1d, .conv2d, .conv3d, .convTranspose1d, .convTranspose2d, .convTranspose3d, .sigmoid: return 1
        case .tanh: return 5.0 / 3
        case .relu: return 2.0.squareRoot()
        case .leakyReLU:
            let slope = param ?? 0.01
            return (2.0 / (1 + slope * slope)).squareRoot()
        case .selu: return 3.0 / 4
        }
    }

    /// The fan-in and fan-out of a weight of `shape`: [out, in, *kernel] (at least 2 dims).
    public static func fans(_ shape: [Int]) -> (fanIn: Int, fanOut: Int) {
        precondition(shape.count >= 2, "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
        let receptive = shape.dropFirst(2).reduce(1, *)
        return (shape[1] * receptive, shape[0] * receptive)
    }

    /// Fills `tensor` with samples from U(from, to) (`uniform_`).
    @discardableResult
    public static func uniform_(_ tensor: Tensor, from: Double = 0, to: Double = 1, generator: Generator? = nil) -> Tensor {
        noGrad { tensor.uniform_(from: from, to: to, generator: generator) }
    }

    /// He initialisation with a uniform distribution (`kaiming_uniform_`): U(-b, b) with
    /// b = gain · √(3 / fan), gain from `nonlinearity` and `a`.
    @discardableResult
    public static func kaimingUniform_(_ tensor: Tensor, a: Double = 0, mode: FanMode = .fanIn,
                                       nonlinearity: Nonlinearity = .leakyReLU, generator: Generator? = nil) -> Tensor {
        if tensor.shape.contains(0) { return tensor }
        let (fanIn, fanOut) = fans(tensor.shape)
        let fan = Double(mode == .fanIn ? fanIn : fanOut)
        let bound = calculateGain(nonlinearity, param: a) * (3 / fan).squareRoot()
        return uniform_(tensor, from: -bound, to: bound, generator: generator)
    }
}
