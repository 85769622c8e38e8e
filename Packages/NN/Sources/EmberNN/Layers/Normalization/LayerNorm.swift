import EmberAutograd
import EmberCore

/// Layer normalisation over the trailing `normalizedShape` dimensions (`nn.LayerNorm`):
/// y = (x − E[x]) / √(Var[x] + eps) · weight + bias, with `weight` initialised to ones and
/// `bias` to zeros.
public final class LayerNorm: Module {
    /// The trailing shape normalised over.
    public let normalizedShape: [Int]
    /// Added to the variance for numerical stability.
    public let eps: Double
    /// Whether the layer has a learnable per-element weight (and bias).
    public let elementwiseAffine: Bool
    /// The learnable scale, shaped `normalizedShape`, or `nil` without `elementwiseAffine`.
    @Parameter public var weight: Tensor?
    /// The learnable shift, shaped `normalizedShape`, or `nil` without `elementwiseAffine` or `bias`.
    @Parameter public var bias: Tensor?

    /// A layer normalising over `normalizedShape`; `elementwiseAffine` adds the weight and,
    /// unless `bias` is false, the bias.
    public init(_ normalizedShape: [Int], eps: Double = 1e-5, elementwiseAffine: Bool = true, bias: Bool = true,
                dtype: DType = .defaultFloat) {
        self.normalizedShape = normalizedShape
        self.eps = eps
        self.elementwiseAffine = elementwiseAffine
        _weight = Parameter(wrappedValue: elementwiseAffine ? Tensor.ones(normalizedShape, dtype: dtype) : nil)
        _bias = Parameter(wrappedValue: elementwiseAffine && bias ? Tensor.zeros(normalizedShape, dtype: dtype) : nil)
        super.init()
    }

    /// A layer normalising over the last dimension of size `normalizedShape`.
    public convenience init(_ normalizedShape: Int, eps: Double = 1e-5, elementwiseAffine: Bool = true, bias: Bool = true,
                            dtype: DType = .defaultFloat) {
        self.init([normalizedShape], eps: eps, elementwiseAffine: elementwiseAffine, bias: bias, dtype: dtype)
    }

    /// Sets the weight to ones and the bias to zeros (`reset_parameters`).
    public func resetParameters() {
        noGrad {
            _ = weight?.fill_(1)
            _ = bias?.zero_()
        }
    }

    /// The normalised input.
    public override func forward(_ input: Tensor) -> Tensor {
        Functional.layerNorm(input, normalizedShape: normalizedShape, weight: weight, bias: bias, eps: eps)
    }

    /// `(8,), eps=1e-05, elementwise_affine=True, bias=True`.
    public override var extraDescription: String {
        let shape = normalizedShape.count == 1 ? "(\(normalizedShape[0]),)" : "(" + normalizedShape.map(String.init).joined(separator: ", ") + ")"
        return "\(shape), eps=\(pythonFloat(eps)), elementwise_affine=\(elementwiseAffine ? "True" : "False"), bias=\(bias == nil ? "False" : "True")"
    }
}

/// A Double printed as Python's `repr` prints a float (`1e-05`, `0.1`, `2.0`): Swift's
/// shortest round-trip form, which agrees with Python's.
func pythonFloat(_ value: Double) -> String { "\(value)" }
