import EmberCore

extension Functional {
    private static let maxPool2dOp = EmberNN.handle("max_pool2d")
    private static let maxPool2dIndicesOp = EmberNN.handle("max_pool2d_with_indices")
    private static let maxPool1dOp = EmberNN.handle("max_pool1d")
    private static let maxPool1dIndicesOp = EmberNN.handle("max_pool1d_with_indices")
    private static let avgPool2dOp = EmberNN.handle("avg_pool2d")
    private static let avgPool1dOp = EmberNN.handle("avg_pool1d")
    private static let adaptiveAvgPool2dOp = EmberNN.handle("adaptive_avg_pool2d")
    private static let adaptiveMaxPool2dOp = EmberNN.handle("adaptive_max_pool2d")

    /// 2-D max pooling (`F.max_pool2d`) over [N, C, H, W] or [C, H, W]; `stride` defaults to
    /// `kernelSize`; single-element lists repeat.
    public static func maxPool2d(_ input: Tensor, kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0],
                                 dilation: [Int] = [1], ceilMode: Bool = false) -> Tensor {
        Dispatcher.shared.callForTensor(maxPool2dOp, [.tensor(input), .ints(kernelSize), .ints(stride), .ints(padding),
                                                      .ints(dilation), .bool(ceilMode)])
    }

    /// 2-D max pooling with the flat index (row · W + column) of each maximum in its input
    /// plane (`F.max_pool2d(..., return_indices=True)`).
    public static func maxPool2dWithIndices(_ input: Tensor, kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0],
                                            dilation: [Int] = [1], ceilMode: Bool = false) -> (output: Tensor, indices: Tensor) {
        let r = Dispatcher.shared.callForResults(maxPool2dIndicesOp, [.tensor(input), .ints(kernelSize), .ints(stride),
                                                                      .ints(padding), .ints(dilation), .bool(ceilMode)]).tensors
        return (r[0], r[1])
    }

    /// 1-D max pooling (`F.max_pool1d`) over [N, C, L] or [C, L].
    public static func maxPool1d(_ input: Tensor, kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0],
                                 dilation: [Int] = [1], ceilMode: Bool = false) -> Tensor {
        Dispatcher.shared.callForTensor(maxPool1dOp, [.tensor(input), .ints(kernelSize), .ints(stride), .ints(padding),
                                                      .ints(dilation), .bool(ceilMode)])
    }

    /// 1-D max pooling with the index of each maximum along L.
    public static func maxPool1dWithIndices(_ input: Tensor, kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0],
                                            dilation: [Int] = [1], ceilMode: Bool = false) -> (output: Tensor, indices: Tensor) {
        let r = Dispatcher.shared.callForResults(maxPool1dIndicesOp, [.tensor(input), .ints(kernelSize), .ints(stride),
                                                                      .ints(padding), .ints(dilation), .bool(ceilMode)]).tensors
        return (r[0], r[1])
    }

    /// 2-D average pooling (`F.avg_pool2d`): each window's sum divided by its size with
    /// padding (`countIncludePad`), without, or by `divisorOverride`.
    public static func avgPool2d(_ input: Tensor, kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0],
                                 ceilMode: Bool = false, countIncludePad: Bool = true, divisorOverride: Int? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(avgPool2dOp, [.tensor(input), .ints(kernelSize), .ints(stride), .ints(padding),
                                                      .bool(ceilMode), .bool(countIncludePad), divisorOverride.map(IValue.int) ?? .none])
    }

    /// 1-D average pooling (`F.avg_pool1d`).
    public static func avgPool1d(_ input: Tensor, kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0],
                                 ceilMode: Bool = false, countIncludePad: Bool = true) -> Tensor {
        Dispatcher.shared.callForTensor(avgPool1dOp, [.tensor(input), .ints(kernelSize), .ints(stride), .ints(padding),
                                                      .bool(ceilMode), .bool(countIncludePad)])
    }

    /// 2-D adaptive average pooling to `outputSize` (`F.adaptive_avg_pool2d`).
    public static func adaptiveAvgPool2d(_ input: Tensor, outputSize: [Int]) -> Tensor {
        Dispatcher.shared.callForTensor(adaptiveAvgPool2dOp, [.tensor(input), .ints(outputSize)])
    }

    /// 2-D adaptive max pooling to `outputSize` (`F.adaptive_max_pool2d`).
    public static func adaptiveMaxPool2d(_ input: Tensor, outputSize: [Int]) -> Tensor {
        adaptiveMaxPool2dWithIndices(input, outputSize: outputSize).output
    }

    /// 2-D adaptive max pooling with the flat index of each maximum in its input plane.
    public static func adaptiveMaxPool2dWithIndices(_ input: Tensor, outputSize: [Int]) -> (output: Tensor, indices: Tensor) {
        let r = Dispatcher.shared.callForResults(adaptiveMaxPool2dOp, [.tensor(input), .ints(outputSize)]).tensors
        return (r[0], r[1])
    }
}

extension Functional {
    private static let adaptiveAvgPool1dOp = EmberNN.handle("adaptive_avg_pool1d")
    private static let adaptiveMaxPool1dOp = EmberNN.handle("adaptive_max_pool1d")

    /// 1-D adaptive average pooling to `outputSize` (`F.adaptive_avg_pool1d`) over [N, C, L] or [C, L].
    public static func adaptiveAvgPool1d(_ input: Tensor, outputSize: Int) -> Tensor {
        Dispatcher.shared.callForTensor(adaptiveAvgPool1dOp, [.tensor(input), .ints([outputSize])])
    }

    /// 1-D adaptive max pooling to `outputSize` with the index of each maximum along L.
    public static func adaptiveMaxPool1dWithIndices(_ input: Tensor, outputSize: Int) -> (output: Tensor, indices: Tensor) {
        let r = Dispatcher.shared.callForResults(adaptiveMaxPool1dOp, [.tensor(input), .ints([outputSize])]).tensors
        return (r[0], r[1])
    }
}
