import EmberCore

/// `max(0, x)` (`nn.ReLU`); `inplace` overwrites the input.
public final class ReLU: InplaceActivation {
    /// `max(0, input)`.
    public override func forward(_ input: Tensor) -> Tensor { Functional.relu(input, inplace: inplace) }
}

/// `min(max(0, x), 6)` (`nn.ReLU6`).
public final class ReLU6: InplaceActivation {
    /// `min(max(0, input), 6)`.
    public override func forward(_ input: Tensor) -> Tensor { Functional.relu6(input, inplace: inplace) }
}

/// `x` for `x > 0`, `negativeSlope · x` otherwise (`nn.LeakyReLU`).
public final class LeakyReLU: InplaceActivation {
    /// The slope for negative inputs.
    public let negativeSlope: Double
    /// A leaky ReLU with `negativeSlope` (0.01 by default).
    public init(negativeSlope: Double = 0.01, inplace: Bool = false) {
        self.negativeSlope = negativeSlope
        super.init(inplace: inplace)
    }
    /// The leaky ReLU of `input`.
    public override func forward(_ input: Tensor) -> Tensor {
        Functional.leakyRelu(input, negativeSlope: negativeSlope, inplace: inplace)
    }
    /// `negative_slope=0.01`.
    public override var extraDescription: String { "negative_slope=\(negativeSlope)" + activationInplaceSuffix(inplace) }
}

/// A leaky ReLU whose negative slope is learned (`nn.PReLU`): one slope shared by every
/// channel, or one per channel (dim 1 of the input).
public final class PReLU: Module {
    /// The number of slopes: 1, or the number of input channels.
    public let numParameters: Int
    /// The initial slope.
    public let initialValue: Double
    /// The learnable slopes, [numParameters].
    @Parameter public var weight: Tensor

    /// A PReLU with `numParameters` slopes, all starting at `init` (0.25 by default).
    public init(numParameters: Int = 1, init initialValue: Double = 0.25, dtype: DType = .defaultFloat) {
        self.numParameters = numParameters
        self.initialValue = initialValue
        _weight = Parameter(wrappedValue: Tensor(empty: [numParameters], dtype: dtype))
        super.init()
        resetParameters()
    }
    /// Sets every slope back to the initial value (`reset_parameters`).
    public func resetParameters() { Init.constant_(weight, initialValue) }
    /// The PReLU of `input`.
    public override func forward(_ input: Tensor) -> Tensor { Functional.prelu(input, weight: weight) }
    /// `num_parameters=1`.
    public override var extraDescription: String { "num_parameters=\(numParameters)" }
}

/// `x` for `x > 0`, `alpha · (eˣ - 1)` otherwise (`nn.ELU`).
public final class ELU: InplaceActivation {
    /// The saturation value for negative inputs.
    public let alpha: Double
    /// An ELU layer.
    public init(alpha: Double = 1, inplace: Bool = false) {
        self.alpha = alpha
        super.init(inplace: inplace)
    }
    /// The ELU of `input`.
    public override func forward(_ input: Tensor) -> Tensor { Functional.elu(input, alpha: alpha, inplace: inplace) }
    /// `alpha=1.0`.
    public override var extraDescription: String { "alpha=\(alpha)" + activationInplaceSuffix(inplace) }
}

/// `max(0, x) + min(0, alpha · (e^(x/alpha) - 1))` (`nn.CELU`).
public final class CELU: InplaceActivation {
    /// The alpha of the formula.
    public let alpha: Double
    /// A CELU layer.
    public init(alpha: Double = 1, inplace: Bool = false) {
        self.alpha = alpha
        super.init(inplace: inplace)
    }
    /// The CELU of `input`.
    public override func forward(_ input: Tensor) -> Tensor { Functional.celu(input, alpha: alpha, inplace: inplace) }
    /// `alpha=1.0`.
    public override var extraDescription: String { "alpha=\(alpha)" + activationInplaceSuffix(inplace) }
}

/// The self-normalising ELU with fixed constants (`nn.SELU`).
public final class SELU: InplaceActivation {
    /// The SELU of `input`.
    public override func forward(_ input: Tensor) -> Tensor { Functional.selu(input, inplace: inplace) }
}

/// `", inplace=True"` when `inplace`, as PyTorch's activation reprs append it.
func activationInplaceSuffix(_ inplace: Bool) -> String { inplace ? ", inplace=True" : "" }
