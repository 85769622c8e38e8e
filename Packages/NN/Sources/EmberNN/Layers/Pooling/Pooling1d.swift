import EmberCore

/// 1-D average pooling (`nn.AvgPool1d`) over [N, C, L] or [C, L].
public final class AvgPool1d: Module {
    /// The window size (one value).
    public let kernelSize: [Int]
    /// The window step (the kernel size by default).
    public let stride: [Int]
    /// The implicit zero padding on both sides.
    public let padding: [Int]
    /// Whether output sizes round up.
    public let ceilMode: Bool
    /// Whether padded positions count in the divisor.
    public let countIncludePad: Bool

    /// `AvgPool1d(kernelSize: [3])`.
    public init(kernelSize: [Int], stride: [Int]? = nil, padding: [Int] = [0], ceilMode: Bool = false, countIncludePad: Bool = true) {
        self.kernelSize = kernelSize
        self.stride = stride ?? kernelSize
        self.padding = padding
        self.ceilMode = ceilMode
        self.countIncludePad = countIncludePad
        super.init()
    }

    /// The pooled input.
    public override func forward(_ input: Tensor) -> Tensor {
        Functional.avgPool1d(input, kernelSize: kernelSize, stride: stride, padding: padding, ceilMode: ceilMode,
                             countIncludePad: countIncludePad)
    }

    /// `kernel_size=(3,), stride=(3,), padding=(0,)` (PyTorch keeps these as 1-tuples).
    public override var extraDescription: String {
        "kernel_size=\(pythonTuple(kernelSize)), stride=\(pythonTuple(stride)), padding=\(pythonTuple(padding))"
    }
}

/// 1-D adaptive average pooling to a fixed length (`nn.AdaptiveAvgPool1d`).
public final class AdaptiveAvgPool1d: Module {
    /// The output length.
    public let outputSize: Int

    /// `AdaptiveAvgPool1d(5)`.
    public init(_ outputSize: Int) {
        self.outputSize = outputSize
        super.init()
    }

    /// The pooled input.
    public override func forward(_ input: Tensor) -> Tensor { Functional.adaptiveAvgPool1d(input, outputSize: outputSize) }

    /// `output_size=5`.
    public override var extraDescription: String { "output_size=\(outputSize)" }
}

/// 1-D adaptive max pooling to a fixed length (`nn.AdaptiveMaxPool1d`).
public final class AdaptiveMaxPool1d: Module {
    /// The output length.
    public let outputSize: Int
    /// Whether ``forwardWithIndices(_:)`` is the layer's intended use.
    public let returnIndices: Bool

    /// `AdaptiveMaxPool1d(3)`.
    public init(_ outputSize: Int, returnIndices: Bool = false) {
        self.outputSize = outputSize
        self.returnIndices = returnIndices
        super.init()
    }

    /// The pooled input.
    public override func forward(_ input: Tensor) -> Tensor { forwardWithIndices(input).output }

    /// The pooled input and the index of each maximum along L.
    public func forwardWithIndices(_ input: Tensor) -> (output: Tensor, indices: Tensor) {
        Functional.adaptiveMaxPool1dWithIndices(input, outputSize: outputSize)
    }

    /// `output_size=3`.
    public override var extraDescription: String { "output_size=\(outputSize)" }
}
