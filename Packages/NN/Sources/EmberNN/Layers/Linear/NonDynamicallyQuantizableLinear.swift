import EmberCore

/// The output projection of ``MultiheadAttention`` (`NonDynamicallyQuantizableLinear`): a
/// ``Linear`` under the name PyTorch prints, with Linear's initialisation and forward.
public final class NonDynamicallyQuantizableLinear: Module {
    /// The size of each input sample.
    public let inFeatures: Int
    /// The size of each output sample.
    public let outFeatures: Int
    /// The learnable weight, [outFeatures, inFeatures].
    @Parameter public var weight: Tensor
    /// The learnable bias, [outFeatures], or `nil`.
    @Parameter public var bias: Tensor?

    /// A projection from `inFeatures` to `outFeatures`, initialised as ``Linear``.
    public init(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true, dtype: DType = .defaultFloat) {
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        _weight = Parameter(wrappedValue: Tensor(empty: [outFeatures, inFeatures], dtype: dtype))
        _bias = Parameter(wrappedValue: bias ? Tensor(empty: [outFeatures], dtype: dtype) : nil)
        super.init()
        Init.kaimingUniform_(weight, a: 5.0.squareRoot())
        if let b = self.bias {
            let bound = inFeatures > 0 ? 1 / Double(inFeatures).squareRoot() : 0
            Init.uniform_(b, from: -bound, to: bound)
        }
    }

    /// x · Wᵀ + b over the last dimension of `input`.
    public override func forward(_ input: Tensor) -> Tensor {
        Functional.linear(input, weight: weight, bias: bias)
    }

    /// `in_features=8, out_features=8, bias=True`.
    public override var extraDescription: String {
        "in_features=\(inFeatures), out_features=\(outFeatures), bias=\(bias == nil ? "False" : "True")"
    }
}
