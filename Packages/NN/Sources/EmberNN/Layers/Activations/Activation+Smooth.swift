import EmberCore

/// The Gaussian error linear unit (`nn.GELU`).
public final class GELU: Module {
    /// Exact, or the tanh approximation.
    public let approximate: GELUApproximation
    /// A GELU layer.
    public init(approximate: GELUApproximation = .none) {
        self.approximate = approximate
        super.init()
    }
    /// The GELU of `input`.
    public override func forward(_ input: Tensor) -> Tensor { Functional.gelu(input, approximate: approximate) }
    /// `approximate='none'`.
    public override var extraDescription: String { "approximate='\(approximate.rawValue)'" }
}

/// `x · sigmoid(x)` (`nn.SiLU`).
public final class SiLU: InplaceActivation {
    /// The SiLU of `input`.
    public override func forward(_ input: Tensor) -> Tensor { Functional.silu(input, inplace: inplace) }
}

/// `x · tanh(softplus(x))` (`nn.Mish`).
public final class Mish: InplaceActivation {
    /// The Mish of `input`.
    public override func forward(_ input: Tensor) -> Tensor { Functional.mish(input, inplace: inplace) }
}

/// The logistic function (`nn.Sigmoid`).
public final class Sigmoid: Module {
    /// A sigmoid layer.
    public override init() { super.init() }
    /// `1 / (1 + e^-input)`.
    public override func forward(_ input: Tensor) -> Tensor { input.sigmoid() }
}

/// The hyperbolic tangent (`nn.Tanh`).
public final class Tanh: Module {
    /// A tanh layer.
    public override init() { super.init() }
    /// `tanh(input)`.
    public override func forward(_ input: Tensor) -> Tensor { input.tanh() }
}

/// `log(1 + e^(beta·x)) / beta`, linear above `threshold` (`nn.Softplus`).
public final class Softplus: Module {
    /// The sharpness.
    public let beta: Double
    /// Above `beta · x > threshold` the layer returns `x`.
    public let threshold: Double
    /// A softplus layer.
    public init(beta: Double = 1, threshold: Double = 20) {
        self.beta = beta
        self.threshold = threshold
        super.init()
    }
    /// The softplus of `input`.
    public override func forward(_ input: Tensor) -> Tensor { Functional.softplus(input, beta: beta, threshold: threshold) }
    /// `beta=1.0, threshold=20.0`.
    public override var extraDescription: String { "beta=\(beta), threshold=\(threshold)" }
}
