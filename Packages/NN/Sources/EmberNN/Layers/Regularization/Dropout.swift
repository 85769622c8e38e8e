import EmberCore

/// Zeroes each element with probability `p` during training and scales the others by
/// 1/(1 − p) (`nn.Dropout`); the identity in evaluation mode.
public final class Dropout: Module {
    /// The probability of an element being zeroed.
    public let p: Double
    /// Kept for PyTorch's printed form; Ember's dropout always returns a new tensor.
    public let inplace: Bool

    /// A dropout layer zeroing elements with probability `p` (in [0, 1]).
    public init(p: Double = 0.5, inplace: Bool = false) {
        precondition(p >= 0 && p <= 1, DropoutOp.probabilityMessage(p))
        self.p = p
        self.inplace = inplace
        super.init()
    }

    /// `input` with dropout applied when ``Module/training``.
    public override func forward(_ input: Tensor) -> Tensor {
        Functional.dropout(input, p: p, training: training)
    }

    /// `p=0.5, inplace=False`.
    public override var extraDescription: String { "p=\(p), inplace=\(inplace ? "True" : "False")" }
}

/// Zeroes whole channels of [N, C, H, W] inputs with probability `p` during training and
/// scales the others by 1/(1 − p) (`nn.Dropout2d`); the identity in evaluation mode.
/// As in PyTorch, a 3-D input is taken as [N, C, L] (channel-wise 1-D dropout).
public final class Dropout2d: Module {
    /// The probability of a channel being zeroed.
    public let p: Double
    /// Kept for PyTorch's printed form; Ember's dropout always returns a new tensor.
    public let inplace: Bool

    /// A channel dropout layer zeroing channels with probability `p` (in [0, 1]).
    public init(p: Double = 0.5, inplace: Bool = false) {
        precondition(p >= 0 && p <= 1, DropoutOp.probabilityMessage(p))
        self.p = p
        self.inplace = inplace
        super.init()
    }

    /// `input` with channel dropout applied when ``Module/training``.
    public override func forward(_ input: Tensor) -> Tensor {
        Functional.dropout2d(input, p: p, training: training)
    }

    /// `p=0.5, inplace=False`.
    public override var extraDescription: String { "p=\(p), inplace=\(inplace ? "True" : "False")" }
}
