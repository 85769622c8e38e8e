import EmberCore

/// The binary cross entropy of probabilities (`nn.BCELoss`); `weight` is a buffer.
public final class BCELoss: Loss {
    /// Per-element weights broadcast to the input, or `nil`.
    @Buffer public var weight: Tensor?

    /// A binary cross entropy loss with optional `weight`.
    public init(weight: Tensor? = nil, reduction: Reduction = .mean) {
        _weight = Buffer(wrappedValue: weight)
        super.init(reduction: reduction)
    }

    /// The loss of probabilities `input` against `target`.
    public override func forward(_ input: Tensor, _ target: Tensor) -> Tensor {
        Functional.binaryCrossEntropy(input, target, weight: weight, reduction: reduction)
    }
}

/// The binary cross entropy of sigmoid(logits), computed stably (`nn.BCEWithLogitsLoss`);
/// `weight` and `posWeight` are buffers.
public final class BCEWithLogitsLoss: Loss {
    /// Per-element weights broadcast to the input, or `nil`.
    @Buffer public var weight: Tensor?
    /// Weights of the positive examples, per class (broadcast over the last dimension).
    @Buffer public var posWeight: Tensor?

    /// A binary cross entropy loss on logits.
    public init(weight: Tensor? = nil, reduction: Reduction = .mean, posWeight: Tensor? = nil) {
        _weight = Buffer(wrappedValue: weight)
        _posWeight = Buffer(wrappedValue: posWeight)
        super.init(reduction: reduction)
    }

    /// The loss of logits `input` against `target`.
    public override func forward(_ input: Tensor, _ target: Tensor) -> Tensor {
        Functional.binaryCrossEntropyWithLogits(input, target, weight: weight, posWeight: posWeight, reduction: reduction)
    }
}

/// The cross entropy of logits against class indices or probabilities
/// (`nn.CrossEntropyLoss`); `weight` is a buffer.
public final class CrossEntropyLoss: Loss {
    /// Per-class weights, or `nil`.
    @Buffer public var weight: Tensor?
    /// The class index whose targets do not count.
    public let ignoreIndex: Int
    /// The amount of label smoothing, in [0, 1].
    public let labelSmoothing: Double

    /// A cross entropy loss.
    public init(weight: Tensor? = nil, ignoreIndex: Int = -100, reduction: Reduction = .mean, labelSmoothing: Double = 0) {
        _weight = Buffer(wrappedValue: weight)
        self.ignoreIndex = ignoreIndex
        self.labelSmoothing = labelSmoothing
        super.init(reduction: reduction)
    }

    /// The loss of logits `input` against `target`.
    public override func forward(_ input: Tensor, _ target: Tensor) -> Tensor {
        Functional.crossEntropy(input, target, weight: weight, ignoreIndex: ignoreIndex, reduction: reduction,
                                labelSmoothing: labelSmoothing)
    }
}

/// The negative log likelihood of class indices under log-probabilities (`nn.NLLLoss`);
/// `weight` is a buffer.
public final class NLLLoss: Loss {
    /// Per-class weights, or `nil`.
    @Buffer public var weight: Tensor?
    /// The class index whose targets do not count.
    public let ignoreIndex: Int

    /// A negative log likelihood loss.
    public init(weight: Tensor? = nil, ignoreIndex: Int = -100, reduction: Reduction = .mean) {
        _weight = Buffer(wrappedValue: weight)
        self.ignoreIndex = ignoreIndex
        super.init(reduction: reduction)
    }

    /// The loss of log-probabilities `input` against class indices `target`.
    public override func forward(_ input: Tensor, _ target: Tensor) -> Tensor {
        Functional.nllLoss(input, target, weight: weight, ignoreIndex: ignoreIndex, reduction: reduction)
    }
}
