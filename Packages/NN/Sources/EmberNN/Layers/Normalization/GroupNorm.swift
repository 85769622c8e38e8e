import EmberCore

/// Group normalisation (`nn.GroupNorm`): the channels of each sample are split into
/// `numGroups` groups normalised separately, then scaled and shifted per channel (weight
/// ones and bias zeros at creation). The same in training and evaluation.
public final class GroupNorm: Module {
    /// The number of channel groups.
    public let numGroups: Int
    /// The number of channels C of a [N, C, *] input.
    public let numChannels: Int
    /// Added to the variance for stability.
    public let eps: Double
    /// Whether the layer has a learnable weight (and bias).
    public let affine: Bool
    /// The learnable scale, [numChannels] (`nil` unless affine).
    @Parameter public var weight: Tensor?
    /// The learnable shift, [numChannels] (`nil` unless affine with bias).
    @Parameter public var bias: Tensor?

    /// `GroupNorm(2, 4)`: `numChannels` must be divisible by `numGroups`.
    public init(_ numGroups: Int, _ numChannels: Int, eps: Double = 1e-5, affine: Bool = true, bias: Bool = true,
                dtype: DType = .defaultFloat) {
        precondition(numGroups > 0 && numChannels % numGroups == 0,
                     "num_channels (\(numChannels)) must be divisible by num_groups (\(numGroups))")
        self.numGroups = numGroups
        self.numChannels = numChannels
        self.eps = eps
        self.affine = affine
        _weight = Parameter(wrappedValue: affine ? Tensor.ones([numChannels], dtype: dtype) : nil)
        _bias = Parameter(wrappedValue: affine && bias ? Tensor.zeros([numChannels], dtype: dtype) : nil)
        super.init()
    }

    /// The normalised input.
    public override func forward(_ input: Tensor) -> Tensor {
        Functional.groupNorm(input, numGroups: numGroups, weight: weight, bias: bias, eps: eps)
    }

    /// `2, 4, eps=1e-05, affine=True, bias=True`.
    public override var extraDescription: String {
        "\(numGroups), \(numChannels), eps=\(eps), affine=\(affine ? "True" : "False"), bias=\(bias == nil ? "False" : "True")"
    }
}
