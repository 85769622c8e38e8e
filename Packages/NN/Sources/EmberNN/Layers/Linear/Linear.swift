import EmberCore

/// A fully connected layer, y = x · Wᵀ + b (`nn.Linear`).
///
/// `weight` is [outFeatures, inFeatures] and `bias` [outFeatures], both initialised from
/// U(-1/√inFeatures, 1/√inFeatures) as PyTorch does (so `manualSeed(0); Linear(1, 1)` has
/// PyTorch's exact values).
public final class Linear: Module {
    /// The size of each input sample.
    public let inFeatures: Int
    /// The size of each output sample.
    public let outFeatures: Int
    /// The learnable weight, [outFeatures, inFeatures].
    @Parameter public var weight: Tensor
    /// The learnable bias, [outFeatures], or `nil` when created with `bias: false`.
    @Parameter public var bias: Tensor?

    /// A layer mapping `inFeatures` to `outFeatures`, with a bias unless `bias` is false.
    public init(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true, dtype: DType = .defaultFloat) {
        precondition(inFeatures >= 0 && outFeatures >= 0,
                     "Linear: in_features and out_features must be non-negative, got \(inFeatures) and \(outFeatures)")
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        _weight = Parameter(wrappedValue: Tensor(empty: [outFeatures, inFeatures], dtype: dtype))
        _bias = Parameter(wrappedValue: bias ? Tensor(empty: [outFeatures], dtype: dtype) : nil)
        super.init()
        resetParameters()
    }

    /// Draws new weights and bias as at creation (`reset_parameters`).
    public func resetParameters() {
        Init.kaimingUniform_(weight, a: 5.0.squareRoot())
        if let bias {
            let bound = inFeatures > 0 ? 1 / Double(inFeatures).squareRoot() : 0
            Init.uniform_(bias, from: -bound, to: bound)
        }
    }

    /// x · Wᵀ + b over the last dimension of `input`.
    public override func forward(_ input: Tensor) -> Tensor {
        Functional.linear(input, weight: weight, bias: bias)
    }

    /// `in_features=1, out_features=200, bias=True`.
    public override var extraDescription: String {
        "in_features=\(inFeatures), out_features=\(outFeatures), bias=\(bias == nil ? "False" : "True")"
    }
}
