import EmberAutograd
import EmberCore

/// What the batch-normalisation layers share (PyTorch's `_BatchNorm`): optional affine
/// parameters (weight ones, bias zeros), running statistics with a batch counter, and the
/// choice between batch and running statistics by mode.
///
/// `momentum: nil` makes the running statistics a cumulative average (factor 1/batches).
open class BatchNorm: Module {
    /// The number of channels C of a [N, C, *] input.
    public let numFeatures: Int
    /// Added to the variance for stability.
    public let eps: Double
    /// The running-average factor, or `nil` for a cumulative average.
    public let momentum: Double?
    /// Whether the layer has a learnable weight (and bias).
    public let affine: Bool
    /// Whether the layer keeps running statistics.
    public let trackRunningStats: Bool
    /// The learnable scale, [numFeatures] (`nil` unless affine).
    @Parameter public var weight: Tensor?
    /// The learnable shift, [numFeatures] (`nil` unless affine with bias).
    @Parameter public var bias: Tensor?
    /// The running mean (`nil` unless tracking).
    @Buffer public var runningMean: Tensor?
    /// The running unbiased variance (`nil` unless tracking).
    @Buffer public var runningVar: Tensor?
    /// The number of training batches seen, an int64 scalar (`nil` unless tracking).
    @Buffer public var numBatchesTracked: Tensor?

    /// A batch-normalisation layer over `numFeatures` channels.
    public init(_ numFeatures: Int, eps: Double = 1e-5, momentum: Double? = 0.1, affine: Bool = true,
                trackRunningStats: Bool = true, bias: Bool = true, dtype: DType = .defaultFloat) {
        self.numFeatures = numFeatures
        self.eps = eps
        self.momentum = momentum
        self.affine = affine
        self.trackRunningStats = trackRunningStats
        _weight = Parameter(wrappedValue: affine ? Tensor.ones([numFeatures], dtype: dtype) : nil)
        _bias = Parameter(wrappedValue: affine && bias ? Tensor.zeros([numFeatures], dtype: dtype) : nil)
        _runningMean = Buffer(wrappedValue: trackRunningStats ? Tensor.zeros([numFeatures], dtype: dtype) : nil)
        _runningVar = Buffer(wrappedValue: trackRunningStats ? Tensor.ones([numFeatures], dtype: dtype) : nil)
        _numBatchesTracked = Buffer(wrappedValue: trackRunningStats ? Tensor(scalar: Int64(0)) : nil)
        super.init()
    }

    /// Zeroes the running mean and batch count and sets the running variance to one.
    public func resetRunningStats() {
        noGrad {
            runningMean?.zero_()
            runningVar?.fill_(1)
            numBatchesTracked?.zero_()
        }
    }

    /// Resets the running statistics, the weight to ones and the bias to zeros.
    public func resetParameters() {
        resetRunningStats()
        noGrad {
            weight?.fill_(1)
            bias?.zero_()
        }
    }

    /// The input ranks this layer accepts, and the message for others (PyTorch's).
    open func checkInputDim(_ rank: Int) -> String? { nil }

    /// Normalises `input` with the batch statistics in training mode (updating the running
    /// ones) and with the running statistics in evaluation mode when they are tracked.
    public override func forward(_ input: Tensor) -> Tensor {
        if let message = checkInputDim(input.rank) { preconditionFailure(message) }
        var factor = momentum ?? 0
        if training && trackRunningStats, let count = numBatchesTracked {
            noGrad { _ = count.add_(Tensor(scalar: Int64(1))) }
            factor = momentum ?? 1 / Double(count.item(as: Int64.self))
        }
        let useBatchStatistics = training || (runningMean == nil && runningVar == nil)
        let passStatistics = !training || trackRunningStats
        return Functional.batchNorm(input, runningMean: passStatistics ? runningMean : nil, runningVar: passStatistics ? runningVar : nil,
                                    weight: weight, bias: bias, training: useBatchStatistics, momentum: factor, eps: eps)
    }

    /// `6, eps=1e-05, momentum=0.1, affine=True, bias=True, track_running_stats=True`.
    open override var extraDescription: String {
        "\(numFeatures), eps=\(eps), momentum=\(momentum.map { "\($0)" } ?? "None"), affine=\(affine ? "True" : "False"), "
            + "bias=\(bias == nil ? "False" : "True"), track_running_stats=\(trackRunningStats ? "True" : "False")"
    }
}

/// Batch normalisation of [N, C] or [N, C, L] inputs (`nn.BatchNorm1d`).
public final class BatchNorm1d: BatchNorm {
    /// Accepts 2-D and 3-D inputs.
    public override func checkInputDim(_ rank: Int) -> String? {
        rank == 2 || rank == 3 ? nil : "expected 2D or 3D input (got \(rank)D input)"
    }
}

/// Batch normalisation of [N, C, H, W] inputs (`nn.BatchNorm2d`).
public final class BatchNorm2d: BatchNorm {
    /// Accepts 4-D inputs.
    public override func checkInputDim(_ rank: Int) -> String? {
        rank == 4 ? nil : "expected 4D input (got \(rank)D input)"
    }
}

/// Batch normalisation of [N, C, D, H, W] inputs (`nn.BatchNorm3d`).
public final class BatchNorm3d: BatchNorm {
    /// Accepts 5-D inputs.
    public override func checkInputDim(_ rank: Int) -> String? {
        rank == 5 ? nil : "expected 5D input (got \(rank)D input)"
    }
}
