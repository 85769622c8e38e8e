import EmberAutograd
import EmberCore

// Random initialisers drawing normals or uniforms with scales from the fans, each a single
// draw of the whole tensor in PyTorch's order.

extension Init {
    /// Fills `tensor` with samples from N(mean, std²) (`normal_`).
    @discardableResult
    public static func normal_(_ tensor: Tensor, mean: Double = 0, std: Double = 1, generator: Generator? = nil) -> Tensor {
        noGrad { tensor.normal_(mean: mean, std: std, generator: generator) }
    }

    /// Glorot initialisation with a uniform distribution (`xavier_uniform_`):
    /// U(-a, a) with a = gain · √(6 / (fanIn + fanOut)).
    @discardableResult
    public static func xavierUniform_(_ tensor: Tensor, gain: Double = 1, generator: Generator? = nil) -> Tensor {
        let (fanIn, fanOut) = fans(tensor.shape)
        let std = gain * (2 / Double(fanIn + fanOut)).squareRoot()
        let bound = 3.0.squareRoot() * std
        return uniform_(tensor, from: -bound, to: bound, generator: generator)
    }

    /// Glorot initialisation with a normal distribution (`xavier_normal_`):
    /// N(0, std²) with std = gain · √(2 / (fanIn + fanOut)).
    @discardableResult
    public static func xavierNormal_(_ tensor: Tensor, gain: Double = 1, generator: Generator? = nil) -> Tensor {
        let (fanIn, fanOut) = fans(tensor.shape)
        let std = gain * (2 / Double(fanIn + fanOut)).squareRoot()
        return normal_(tensor, mean: 0, std: std, generator: generator)
    }

    /// He initialisation with a normal distribution (`kaiming_normal_`): N(0, std²) with
    /// std = gain / √fan, gain from `nonlinearity` and `a`. An empty tensor is left as is.
    @discardableResult
    public static func kaimingNormal_(_ tensor: Tensor, a: Double = 0, mode: FanMode = .fanIn,
                                      nonlinearity: Nonlinearity = .leakyReLU, generator: Generator? = nil) -> Tensor {
        if tensor.shape.contains(0) { return tensor }
        let (fanIn, fanOut) = fans(tensor.shape)
        let fan = Double(mode == .fanIn ? fanIn : fanOut)
        let std = calculateGain(nonlinearity, param: a) / fan.squareRoot()
        return normal_(tensor, mean: 0, std: std, generator: generator)
    }
}
