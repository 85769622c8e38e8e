import EmberCore

/// The input clamped to `[minVal, maxVal]` (`nn.Hardtanh`).
public final class Hardtanh: InplaceActivation {
    /// The lower bound.
    public let minVal: Double
    /// The upper bound.
    public let maxVal: Double
    /// A hardtanh layer; `maxVal` must exceed `minVal`.
    public init(minVal: Double = -1, maxVal: Double = 1, inplace: Bool = false) {
        precondition(maxVal > minVal, "Hardtanh: max_val (\(maxVal)) must be greater than min_val (\(minVal))")
        self.minVal = minVal
        self.maxVal = maxVal
        super.init(inplace: inplace)
    }
    /// `input` clamped.
    public override func forward(_ input: Tensor) -> Tensor {
        Functional.hardtanh(input, minVal: minVal, maxVal: maxVal, inplace: inplace)
    }
    /// `min_val=-1.0, max_val=1.0`.
    public override var extraDescription: String { "min_val=\(minVal), max_val=\(maxVal)" + activationInplaceSuffix(inplace) }
}

/// `clamp(x + 3, 0, 6) / 6` (`nn.Hardsigmoid`).
public final class Hardsigmoid: InplaceActivation {
    /// The hard sigmoid of `input`.
    public override func forward(_ input: Tensor) -> Tensor { Functional.hardsigmoid(input, inplace: inplace) }
    /// Nothing: PyTorch prints `Hardsigmoid()` whatever `inplace` is.
    public override var extraDescription: String { "" }
}

/// `x · clamp(x + 3, 0, 6) / 6` (`nn.Hardswish`).
public final class Hardswish: InplaceActivation {
    /// The hard swish of `input`.
    public override func forward(_ input: Tensor) -> Tensor { Functional.hardswish(input, inplace: inplace) }
    /// Nothing: PyTorch prints `Hardswish()` whatever `inplace` is.
    public override var extraDescription: String { "" }
}
