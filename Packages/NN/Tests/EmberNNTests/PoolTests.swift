import Testing
import EmberCore
import EmberAutograd
import EmberTestSupport
@testable import EmberNN

@Suite struct PoolTests {
    let fixture = try! Fixture("conv")

    @Test(arguments: [DType.float64, .float32]) func maxPoolWithIndicesCeilModePaddingDilation(_ dtype: DType) throws {
        try replayRecorded(fixture, "maxpool", inputs: 1, dtype: dtype) {
            let r = Functional.maxPool2dWithIndices($0[0], kernelSize: [3, 2], stride: [2], padding: [1], dilation: [1, 2], ceilMode: true)
            return [r.output, r.indices]
        }
    }

    @Test func maxPool1dWithIndices() throws {
        try replayRecorded(fixture, "maxpool1d", inputs: 1) {
            let r = Functional.maxPool1dWithIndices($0[0], kernelSize: [3], stride: [2], padding: [1], ceilMode: true)
            return [r.output, r.indices]
        }
    }

    @Test(arguments: [DType.float64, .float32]) func avgPool(_ dtype: DType) throws {
        try replayRecorded(fixture, "avgpool", inputs: 1, dtype: dtype) {
            [Functional.avgPool2d($0[0], kernelSize: [3], stride: [2], padding: [1], ceilMode: true, countIncludePad: false)]
        }
        try replayRecorded(fixture, "avgpool_div", inputs: 1, dtype: dtype) {
            [Functional.avgPool2d($0[0], kernelSize: [2, 3], stride: [1, 2], padding: [1, 1], divisorOverride: 4)]
        }
    }

    @Test(arguments: [DType.float64, .float32]) func adaptivePools(_ dtype: DType) throws {
        try replayRecorded(fixture, "adaptiveavg", inputs: 1, dtype: dtype) { [Functional.adaptiveAvgPool2d($0[0], outputSize: [3, 4])] }
        try replayRecorded(fixture, "adaptivemax", inputs: 1, dtype: dtype) {
            let r = Functional.adaptiveMaxPool2dWithIndices($0[0], outputSize: [3, 2])
            return [r.output, r.indices]
        }
    }

    @Test func onedimensionalPools() throws {
        try replayRecorded(fixture, "adaptiveavg1d", inputs: 1) { [AdaptiveAvgPool1d(4)($0[0])] }
        try replayRecorded(fixture, "adaptivemax1d", inputs: 1) {
            let r = AdaptiveMaxPool1d(4, returnIndices: true).forwardWithIndices($0[0])
            return [r.output, r.indices]
        }
        try replayRecorded(fixture, "avgpool1d", inputs: 1) {
            [AvgPool1d(kernelSize: [3], stride: [2], padding: [1], ceilMode: true, countIncludePad: false)($0[0])]
        }
        #expect(callMessage("adaptive_avg_pool1d", [.tensor(Tensor.zeros([2, 3, 4, 5])), .ints([2])])
                == "Expected 2 to 3 dimensions, but got 4-dimensional tensor for argument #1 'self' (while checking arguments for adaptive_avg_pool1d)")
    }

    @Test func handComputedMaxPoolAndLayers() {
        let x = Tensor([1.0, 5, 2, 0, 3, 4, 8, 7, 6, -1, 9, 2, 0, 0, 1, 3], shape: [1, 1, 4, 4])
        let pool = MaxPool2d(kernelSize: [2], returnIndices: true)
        let (y, idx) = pool.forwardWithIndices(x)
        #expect(y.doubleScalars == [5, 8, 6, 9])
        #expect(idx.scalars(as: Int64.self) == [1, 6, 8, 10])
        #expect(pool(x).doubleScalars == [5, 8, 6, 9])
        #expect(AvgPool2d(kernelSize: [2])(x).doubleScalars == [3.25, 4.25, 1.25, 3.75])
        #expect(AdaptiveAvgPool2d([1])(x).doubleScalars == [50.0 / 16])
        #expect(AdaptiveMaxPool2d([1])(x).doubleScalars == [9])
        #expect(MaxPool1d(kernelSize: [2])(Tensor([1.0, 3, 2, 0, 5], shape: [1, 5])).doubleScalars == [3, 2])
    }

    @Test func nanWinsAndTheFirstMaximumIsKept() {
        // PyTorch keeps the last NaN of a window (its rule is `v > best || isnan(v)`).
        let nans = Tensor([1.0, .nan, 7, .nan, 3, .nan, .nan, 2], shape: [1, 1, 1, 8])
        #expect(Functional.maxPool2dWithIndices(nans, kernelSize: [1, 4]).indices.scalars(as: Int64.self) == [3, 6])
        #expect(Functional.adaptiveMaxPool2dWithIndices(nans, outputSize: [1, 2]).indices.scalars(as: Int64.self) == [3, 6])
        let x = Tensor([1.0, .nan, 7, 7, -.infinity, -.infinity, 2, .nan, 5], shape: [1, 1, 1, 9])
        let (y, idx) = Functional.maxPool2dWithIndices(x, kernelSize: [1, 3])
        #expect(y.doubleScalars[0].isNaN && y.doubleScalars[1] == 7 && y.doubleScalars[2].isNaN)
        #expect(idx.scalars(as: Int64.self) == [1, 3, 7])
        let (z, at) = Functional.maxPool2dWithIndices(Tensor([-Double.infinity, -.infinity], shape: [1, 1, 1, 2]), kernelSize: [1, 2])
        #expect(z.doubleScalars == [-.infinity] && at.scalars(as: Int64.self) == [0])
    }

    @Test func printsLikePyTorch() {
        let cases: [(String, Module)] = [
            ("pool_a", MaxPool2d(kernelSize: [2])),
            ("pool_b", MaxPool2d(kernelSize: [3, 2], stride: [1], padding: [1], dilation: [2], returnIndices: true, ceilMode: true)),
            ("pool_c", MaxPool1d(kernelSize: [3])),
            ("pool_d", AvgPool2d(kernelSize: [2])),
            ("pool_e", AvgPool2d(kernelSize: [3], stride: [2], padding: [1], ceilMode: true, countIncludePad: false, divisorOverride: 2)),
            ("pool_f", AdaptiveAvgPool2d([5, 7])),
            ("pool_g", AdaptiveAvgPool2d([1])),
            ("pool_h", AdaptiveMaxPool2d([3, 4])),
            ("pool_i", AdaptiveMaxPool2d([2], returnIndices: true)),
            ("pool_j", AvgPool1d(kernelSize: [3], stride: [2], padding: [1], ceilMode: true)),
            ("pool_k", AdaptiveAvgPool1d(5)),
            ("pool_l", AdaptiveMaxPool1d(3, returnIndices: true)),
        ]
        for (key, module) in cases {
            #expect(module.description == fixture.string("repr_\(key)"), "\(key)")
        }
    }

    @Test func errorsUsePyTorchsWording() {
        let message = callMessage
        func t(_ shape: Int...) -> IValue { .tensor(Tensor.zeros(shape, dtype: .float32)) }
        #expect(message("max_pool2d_with_indices", [t(2, 3), .ints([2])]) == "non-empty 3D or 4D (batch mode) tensor expected for input")
        #expect(message("max_pool2d_with_indices", [t(1, 1, 4, 4), .ints([2]), .ints([]), .ints([2])])
                == "pad should be at most half of effective kernel size, but got pad=2, kernel_size=2 and dilation=1")
        #expect(message("max_pool2d_with_indices", [t(1, 1, 1, 1), .ints([3])])
                == "Given input size: (1x1x1). Calculated output size: (1x0x0). Output size is too small")
        #expect(message("avg_pool2d", [t(1, 1, 4, 4), .ints([2]), .ints([]), .ints([2])])
                == "pad should be at most half of effective kernel size, but got pad=2, kernel_size=2 and dilation=1")
        #expect(message("adaptive_avg_pool2d", [t(2, 3), .ints([2])]) == "adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got [2, 3]")
    }
}
