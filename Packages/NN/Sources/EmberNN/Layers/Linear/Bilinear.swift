import EmberCore

/// A bilinear layer, y = x1ᵀ A x2 + b per output feature (`nn.Bilinear`).
///
/// `weight` is [outFeatures, in1Features, in2Features] and `bias` [outFeatures], both drawn
/// from U(-1/√in1Features, 1/√in1Features) as PyTorch does. Call ``forward(_:_:)`` (or the
/// two-argument call) with both inputs.
public final class Bilinear: Module {
    /// The size of each first input sample.
    public let in1Features: Int
    /// The size of each second input sample.
    public let in2Features: Int
    /// The size of each output sample.
    public let outFeatures: Int
    /// The learnable weight, [outFeatures, in1Features, in2Features].
    @Parameter public var weight: Tensor
    /// The learnable bias, [outFeatures], or `nil` when created with `bias: false`.
    @Parameter public var bias: Tensor?

    /// A layer mapping inputs of `in1Features` and `in2Features` to `outFeatures`.
    public init(_ in1Features: Int, _ in2Features: Int, _ outFeatures: Int, bias: Bool = true, dtype: DType = .defaultFloat) {
        self.in1Features = in1Features
        self.in2Features = in2Features
        self.outFeatures = outFeatures
        _weight = Parameter(wrappedValue: Tensor(empty: [outFeatures, in1Features, in2Features], dtype: dtype))
        _bias = Parameter(wrappedValue: bias ? Tensor(empty: [outFeatures], dtype: dtype) : nil)
        super.init()
        resetParameters()
    }

    /// Draws new weights and bias as at creation (`reset_parameters`).
    public func resetParameters() {
        let bound = in1Features > 0 ? 1 / Double(in1Features).squareRoot() : 0
        Init.uniform_(weight, from: -bound, to: bound)
        if let bias { Init.uniform_(bias, from: -bound, to: bound) }
    }

    /// x1ᵀ A x2 + b for inputs [*, in1Features] and [*, in2Features].
    public func forward(_ input1: Tensor, _ input2: Tensor) -> Tensor {
        Functional.bilinear(input1, input2, weight: weight, bias: bias)
    }

    /// Runs ``forward(_:_:)``: `bilinear(x1, x2)`.
    public func callAsFunction(_ input1: Tensor, _ input2: Tensor) -> Tensor { forward(input1, input2) }

    /// `in1_features=2, in2_features=3, out_features=4, bias=True`.
    public override var extraDescription: String {
        "in1_features=\(in1Features), in2_features=\(in2Features), out_features=\(outFeatures), bias=\(bias == nil ? "False" : "True")"
    }
}
