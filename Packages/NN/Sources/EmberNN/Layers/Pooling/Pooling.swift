import EmberCore

/// A size as PyTorch prints it: one value as an int (`2`), several as a tuple (`(3, 2)`).
func pythonSize(_ values: [Int]) -> String {
    values.count == 1 ? "\(values[0])" : "(" + values.map(String.init).joined(separator: ", ") + ")"
}

/// 2-D max pooling (`nn.MaxPool2d`). `stride` defaults to `kernelSize`; with
/// `returnIndices`, ``forwardWithIndices(_:)`` also gives each maximum's flat position.
public final class MaxPool2d: Module {
    /// The window size, as given (one value for a square window).
    public let kernelSize: [Int]
    /// The window step, as given (the kernel size by default).
    public let stride: [Int]
    /// The implicit −∞ padding on both sides.
    public let padding: [Int]
    /// The spacing between window elements.
    public let dilation: [Int]
    /// Whether ``forwardWithIndices(_:)`` is the layer's intended use (printing ignores it).
    public let returnIndices: Bool
    /// Whether output sizes round up.
    public let ceilMode: Bool

    /// `MaxPool2d(kernelSize: [2])`.
    public init(kernelSize: [Int], stride: [Int]? = nil, padding: [Int] = [0], dilation: [Int] = [1],
                returnIndices: Bool = false, ceilMode: Bool = false) {
        self.kernelSize = kernelSize
        self.stride = stride ?? kernelSize
        self.padding = padding
        self.dilation = dilation
        self.returnIndices = returnIndices
        self.ceilMode = ceilMode
        super.init()
    }

    /// The pooled input.
    public override func forward(_ input: Tensor) -> Tensor {
        Functional.maxPool2d(input, kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation, ceilMode: ceilMode)
    }

    /// The pooled input and the flat index of each maximum in its input plane.
    public func forwardWithIndices(_ input: Tensor) -> (output: Tensor, indices: Tensor) {
        Functional.maxPool2dWithIndices(input, kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation, ceilMode: ceilMode)
    }

    /// `kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False`.
    public override var extraDescription: String {
        "kernel_size=\(pythonSize(kernelSize)), stride=\(pythonSize(stride)), padding=\(pythonSize(padding)), "
            + "dilation=\(pythonSize(dilation)), ceil_mode=\(ceilMode ? "True" : "False")"
    }
}

/// 1-D max pooling (`nn.MaxPool1d`) over [N, C, L] or [C, L].
public final class MaxPool1d: Module {
    /// The window size.
    public let kernelSize: [Int]
    /// The window step (the kernel size by default).
    public let stride: [Int]
    /// The implicit −∞ padding on both sides.
    public let padding: [Int]
    /// The spacing between window elements.
    public let dilation: [Int]
    /// Whether ``forwardWithIndices(_:)`` is the layer's intended use.
    public let returnIndices: Bool
    /// Whether output sizes round up.
    public let ceilMode: Bool

    /// `MaxPool1d(kernelSize: [3])`.
    public init(kernelSize: [Int], stride: [Int]? = nil, padding: [Int] = [0], dilation: [Int] = [1],
                returnIndices: Bool = false, ceilMode: Bool = false) {
        self.kernelSize = kernelSize
        self.stride = stride ?? kernelSize
        self.padding = padding
        self.dilation = dilation
        self.returnIndices = returnIndices
        self.ceilMode = ceilMode
        super.init()
    }

    /// The pooled input.
    public override func forward(_ input: Tensor) -> Tensor {
        Functional.maxPool1d(input, kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation, ceilMode: ceilMode)
    }

    /// The pooled input and the index of each maximum along L.
    public func forwardWithIndices(_ input: Tensor) -> (output: Tensor, indices: Tensor) {
        Functional.maxPool1dWithIndices(input, kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation, ceilMode: ceilMode)
    }

    /// `kernel_size=3, stride=3, padding=0, dilation=1, ceil_mode=False`.
    public override var extraDescription: String {
        "kernel_size=\(pythonSize(kernelSize)), stride=\(pythonSize(stride)), padding=\(pythonSize(padding)), "
            + "dilation=\(pythonSize(dilation)), ceil_mode=\(ceilMode ? "True" : "False")"
    }
}

/// 2-D average pooling (`nn.AvgPool2d`).
public final class AvgPool2d: Module {
    /// The window size.
    public let kernelSize: [Int]
    /// The window step (the kernel size by default).
    public let stride: [Int]
    /// The implicit zero padding on both sides.
    public let padding: [Int]
    /// Whether output sizes round up.
    public let ceilMode: Bool
    /// Whether padded positions count in the divisor.
    public let countIncludePad: Bool
    /// A fixed divisor replacing the window size.
    public let divisorOverride: Int?

    /// `AvgPool2d(kernelSize: [2])`.
    public init(kernelSize: [Int], stride: [Int]? = nil, padding: [Int] = [0], ceilMode: Bool = false,
                countIncludePad: Bool = true, divisorOverride: Int? = nil) {
        self.kernelSize = kernelSize
        self.stride = stride ?? kernelSize
        self.padding = padding
        self.ceilMode = ceilMode
        self.countIncludePad = countIncludePad
        self.divisorOverride = divisorOverride
        super.init()
    }

    /// The pooled input.
    public override func forward(_ input: Tensor) -> Tensor {
        Functional.avgPool2d(input, kernelSize: kernelSize, stride: stride, padding: padding, ceilMode: ceilMode,
                             countIncludePad: countIncludePad, divisorOverride: divisorOverride)
    }

    /// `kernel_size=2, stride=2, padding=0`.
    public override var extraDescription: String {
        "kernel_size=\(pythonSize(kernelSize)), stride=\(pythonSize(stride)), padding=\(pythonSize(padding))"
    }
}

/// 2-D adaptive average pooling to a fixed output size (`nn.AdaptiveAvgPool2d`).
public final class AdaptiveAvgPool2d: Module {
    /// The output height and width (one value for a square).
    public let outputSize: [Int]

    /// `AdaptiveAvgPool2d([1])`.
    public init(_ outputSize: [Int]) {
        self.outputSize = outputSize
        super.init()
    }

    /// The pooled input.
    public override func forward(_ input: Tensor) -> Tensor { Functional.adaptiveAvgPool2d(input, outputSize: outputSize) }

    /// `output_size=(5, 7)`.
    public override var extraDescription: String { "output_size=\(pythonSize(outputSize))" }
}

/// 2-D adaptive max pooling to a fixed output size (`nn.AdaptiveMaxPool2d`).
public final class AdaptiveMaxPool2d: Module {
    /// The output height and width (one value for a square).
    public let outputSize: [Int]
    /// Whether ``forwardWithIndices(_:)`` is the layer's intended use.
    public let returnIndices: Bool

    /// `AdaptiveMaxPool2d([3, 4])`.
    public init(_ outputSize: [Int], returnIndices: Bool = false) {
        self.outputSize = outputSize
        self.returnIndices = returnIndices
        super.init()
    }

    /// The pooled input.
    public override func forward(_ input: Tensor) -> Tensor { Functional.adaptiveMaxPool2d(input, outputSize: outputSize) }

    /// The pooled input and the flat index of each maximum in its input plane.
    public func forwardWithIndices(_ input: Tensor) -> (output: Tensor, indices: Tensor) {
        Functional.adaptiveMaxPool2dWithIndices(input, outputSize: outputSize)
    }

    /// `output_size=(3, 4)`.
    public override var extraDescription: String { "output_size=\(pythonSize(outputSize))" }
}
