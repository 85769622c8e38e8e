import EmberCore

/// The base class of the loss modules (PyTorch's `_Loss`): a module called with an input and
/// a target, `loss(input, target)`, reducing by ``reduction``.
open class Loss: Module {
    /// How the per-element losses are reduced.
    public var reduction: Reduction

    /// A loss reducing by `reduction`.
    public init(reduction: Reduction = .mean) {
        self.reduction = reduction
        super.init()
    }

    /// The loss of `input` against `target`. Subclasses override it.
    open func forward(_ input: Tensor, _ target: Tensor) -> Tensor {
        preconditionFailure("Module [\(typeName)] is missing the required \"forward\" function")
    }

    /// Runs ``forward(_:_:)``: `loss(input, target)`.
    public func callAsFunction(_ input: Tensor, _ target: Tensor) -> Tensor { forward(input, target) }
}

/// The mean squared error (`nn.MSELoss`).
public final class MSELoss: Loss {
    /// (input − target)², reduced.
    public override func forward(_ input: Tensor, _ target: Tensor) -> Tensor {
        Functional.mseLoss(input, target, reduction: reduction)
    }
}

/// The mean absolute error (`nn.L1Loss`).
public final class L1Loss: Loss {
    /// |input − target|, reduced.
    public override func forward(_ input: Tensor, _ target: Tensor) -> Tensor {
        Functional.l1Loss(input, target, reduction: reduction)
    }
}

/// Squared error below `beta`, absolute error above (`nn.SmoothL1Loss`).
public final class SmoothL1Loss: Loss {
    /// Where the loss changes from squared to absolute.
    public let beta: Double

    /// A smooth L1 loss with threshold `beta`.
    public init(reduction: Reduction = .mean, beta: Double = 1) {
        self.beta = beta
        super.init(reduction: reduction)
    }

    /// The smooth L1 loss of input against target, reduced.
    public override func forward(_ input: Tensor, _ target: Tensor) -> Tensor {
        Functional.smoothL1Loss(input, target, reduction: reduction, beta: beta)
    }
}

/// Squared error below `delta`, delta-scaled absolute error above (`nn.HuberLoss`).
public final class HuberLoss: Loss {
    /// Where the loss changes from squared to absolute.
    public let delta: Double

    /// A Huber loss with threshold `delta`.
    public init(reduction: Reduction = .mean, delta: Double = 1) {
        self.delta = delta
        super.init(reduction: reduction)
    }

    /// The Huber loss of input against target, reduced.
    public override func forward(_ input: Tensor, _ target: Tensor) -> Tensor {
        Functional.huberLoss(input, target, reduction: reduction, delta: delta)
    }
}

/// The Kullback-Leibler divergence of target from log-probabilities (`nn.KLDivLoss`).
public final class KLDivLoss: Loss {
    /// Whether the target holds log-probabilities.
    public let logTarget: Bool

    /// A KL divergence loss; `reduction` may also be `.batchMean`.
    public init(reduction: Reduction = .mean, logTarget: Bool = false) {
        self.logTarget = logTarget
        super.init(reduction: reduction)
    }

    /// The divergence, reduced.
    public override func forward(_ input: Tensor, _ target: Tensor) -> Tensor {
        Functional.klDiv(input, target, reduction: reduction, logTarget: logTarget)
    }
}
