import EmberCore

extension Functional {
    private static let batchNormOp = EmberNN.handle("batch_norm")
    private static let groupNormOp = EmberNN.handle("group_norm")

    /// Batch normalisation over dimension 1 of [N, C, *] (`F.batch_norm`). In training the
    /// batch statistics are used and, when given, `runningMean`/`runningVar` are updated in
    /// place (the variance unbiased) with `momentum`; otherwise the running statistics are used.
    public static func batchNorm(_ input: Tensor, runningMean: Tensor?, runningVar: Tensor?, weight: Tensor? = nil,
                                 bias: Tensor? = nil, training: Bool = false, momentum: Double = 0.1, eps: Double = 1e-5) -> Tensor {
        Dispatcher.shared.callForTensor(batchNormOp, [.tensor(input), weight.map(IValue.tensor) ?? .none, bias.map(IValue.tensor) ?? .none,
            runningMean.map(IValue.tensor) ?? .none, runningVar.map(IValue.tensor) ?? .none,
            .bool(training), .double(momentum), .double(eps), .bool(true)])
    }

    /// Group normalisation (`F.group_norm`): the channels of each sample split into
    /// `numGroups` groups, each normalised to zero mean and unit (biased) variance, then
    /// scaled by `weight` and shifted by `bias` per channel.
    public static func groupNorm(_ input: Tensor, numGroups: Int, weight: Tensor? = nil, bias: Tensor? = nil, eps: Double = 1e-5) -> Tensor {
        Dispatcher.shared.callForTensor(groupNormOp, [.tensor(input), .int(numGroups), weight.map(IValue.tensor) ?? .none,
            bias.map(IValue.tensor) ?? .none, .double(eps), .bool(true)])
    }
}
