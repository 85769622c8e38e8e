import Testing
import EmberCore
import EmberAutograd
import EmberTestSupport
@testable import EmberNN

@Suite struct ConvTests {
    let fixture = try! Fixture("conv")

    @Test(arguments: [DType.float64, .float32]) func conv2dWithGroupsDilationPaddingStride(_ dtype: DType) throws {
        try replayRecorded(fixture, "conv2d", inputs: 3, dtype: dtype) {
            [Functional.conv2d($0[0], weight: $0[1], bias: $0[2], stride: [2, 1], padding: [1, 2], dilation: [2, 1], groups: 2)]
        }
    }

    @Test(arguments: [DType.float64, .float32]) func conv1d(_ dtype: DType) throws {
        try replayRecorded(fixture, "conv1d", inputs: 3, dtype: dtype) {
            [Functional.conv1d($0[0], weight: $0[1], bias: $0[2], stride: [2], padding: 1, dilation: [2])]
        }
    }

    @Test(arguments: [DType.float64, .float32]) func convTranspose2d(_ dtype: DType) throws {
        try replayRecorded(fixture, "convt2d", inputs: 3, dtype: dtype) {
            [Functional.convTranspose2d($0[0], weight: $0[1], bias: $0[2], stride: [2, 3], padding: [1, 0], outputPadding: [1, 2],
                                        groups: 2, dilation: [1, 2])]
        }
    }

    @Test func convTranspose1d() throws {
        try replayRecorded(fixture, "convt1d", inputs: 3) {
            [Functional.convTranspose1d($0[0], weight: $0[1], bias: $0[2], stride: [2], padding: [1], outputPadding: [1], dilation: [2])]
        }
    }

    @Test func samePaddingIncludingAsymmetricCases() throws {
        try replayRecorded(fixture, "same2d", inputs: 2) { [Functional.conv2d($0[0], weight: $0[1], padding: .same, dilation: [1, 2])] }
        try replayRecorded(fixture, "same1d", inputs: 3) { [Functional.conv1d($0[0], weight: $0[1], bias: $0[2], padding: .same)] }
        let x = Tensor.ones([1, 1, 5, 5], dtype: .float64), w = Tensor.ones([1, 1, 3, 3], dtype: .float64)
        #expect(Functional.conv2d(x, weight: w, padding: .valid).shape == [1, 1, 3, 3])
        #expect(Functional.conv2d(x, weight: w, padding: .same).shape == [1, 1, 5, 5])
    }

    @Test(arguments: [PaddingMode.reflect, .replicate, .circular]) func paddingModes(_ mode: PaddingMode) throws {
        let conv = Conv2d(2, 3, kernelSize: [3], padding: [1, 2], paddingMode: mode, dtype: .float64)
        conv.weight = try fixture.tensor("mode_\(mode.rawValue)_w")
        conv.bias = try fixture.tensor("mode_\(mode.rawValue)_b")
        try replayRecorded(fixture, "mode_\(mode.rawValue)", inputs: 1) { [conv($0[0])] }
        expectClose(conv.weight.grad, try fixture.tensor("mode_\(mode.rawValue)_grad_w"), rtol: 1e-10, atol: 1e-12, "weight grad")
    }

    @Test func samePaddingWithReflection() throws {
        let conv = Conv1d(2, 2, kernelSize: [4], padding: .same, dilation: [2], paddingMode: .reflect, dtype: .float64)
        conv.weight = try fixture.tensor("mode_same_w")
        conv.bias = try fixture.tensor("mode_same_b")
        try replayRecorded(fixture, "mode_same", inputs: 1) { [conv($0[0])] }
        #expect(PaddingMode.reflect.sourceIndices(size: 3, left: 2, right: 2) == [2, 1, 0, 1, 2, 1, 0])
        #expect(PaddingMode.circular.sourceIndices(size: 3, left: 2, right: 1) == [1, 2, 0, 1, 2, 0])
        #expect(PaddingMode.replicate.sourceIndices(size: 2, left: 1, right: 2) == [0, 0, 1, 1, 1])
    }

    @Test func unbatchedInput() throws {
        try replayRecorded(fixture, "unbatched", inputs: 2) { [Functional.conv2d($0[0], weight: $0[1], padding: 1)] }
    }

    @Test func float32ForwardAndGradients() throws {
        let x = try fixture.tensor("f32_x"), w = try fixture.tensor("f32_w"), b = try fixture.tensor("f32_b")
        #expect(x.dtype == .float32)
        x.requiresGrad = true
        w.requiresGrad = true
        let y = Functional.conv2d(x, weight: w, bias: b, stride: [2], padding: 1)
        expectClose(y, try fixture.tensor("f32_y"), rtol: 1e-5, atol: 1e-5)
        try y.square().sum().backward()
        expectClose(x.grad, try fixture.tensor("f32_grad_x"), rtol: 1e-4, atol: 1e-4, "x")
        expectClose(w.grad, try fixture.tensor("f32_grad_w"), rtol: 1e-4, atol: 1e-4, "w")
    }

    @Test func gradgradcheckOfConv2dAndConvTranspose2d() throws {
        let x = SampleData.wave([1, 2, 4, 4], .float64), w = SampleData.wave([2, 1, 2, 3], .float64, seed: 1)
        let b = SampleData.wave([2], .float64, seed: 2)
        for t in [x, w, b] { t.requiresGrad = true }
        #expect(try Autograd.gradgradcheck({ [Functional.conv2d($0[0], weight: $0[1], bias: $0[2], stride: [2, 1], padding: 1, groups: 2)] },
                                           inputs: [x, w, b]))
        #expect(try Autograd.gradgradcheck({ [Functional.convTranspose2d($0[0], weight: $0[1], bias: $0[2], stride: [2], groups: 2)] },
                                           inputs: [x, w, b]))
    }

    @Test func errorsUsePyTorchsWording() {
        let message = callMessage
        func t(_ shape: Int...) -> IValue { .tensor(Tensor.zeros(shape, dtype: .float32)) }
        #expect(message("conv2d", [t(2, 3), t(6, 3, 5, 5), .none]) == "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [2, 3]")
        #expect(message("conv1d", [t(2, 3, 4, 5), t(6, 3, 5), .none]) == "Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of size: [2, 3, 4, 5]")
        #expect(message("conv2d", [t(1, 2, 28, 28), t(6, 3, 5, 5), .none])
                == "Given groups=1, weight of size [6, 3, 5, 5], expected input[1, 2, 28, 28] to have 3 channels, but got 2 channels instead")
        #expect(message("conv2d", [t(2, 28, 28), t(6, 3, 5, 5), .none])
                == "Given groups=1, weight of size [6, 3, 5, 5], expected input[1, 2, 28, 28] to have 3 channels, but got 2 channels instead")
        #expect(message("conv_transpose2d", [t(1, 2, 8, 8), t(3, 6, 5, 5), .none])
                == "Given transposed=1, weight of size [3, 6, 5, 5], expected input[1, 2, 8, 8] to have 3 channels, but got 2 channels instead")
        #expect(message("conv2d", [t(1, 4, 8, 8), t(5, 2, 3, 3), .none, .ints([1]), .ints([0]), .ints([1]), .int(2)])
                == "Given groups=2, expected weight to be divisible by 2 at dimension 0, but got weight of size [[5, 2, 3, 3]] instead")
        #expect(message("conv2d", [t(1, 3, 4, 4), t(6, 3, 5, 5), .none])
                == "Calculated padded input size per channel: (4 x 4). Kernel size: (5 x 5). Kernel size can't be greater than actual input size")
        #expect(message("conv2d", [t(1, 3, 8, 8), t(6, 3, 5, 5), t(5)])
                == "Given weight of size [6, 3, 5, 5], expected bias to be 1-dimensional with 6 elements, but got bias of size [5] instead")
        #expect(message("conv2d", [t(1, 3, 8, 8), t(6, 3, 3, 3), .none, .ints([0])]) == "non-positive stride is not supported")
        #expect(message("conv2d", [t(1, 3, 8, 8), t(6, 3, 3, 3), .none, .ints([1]), .ints([-1])]) == "negative padding is not supported")
        #expect(message("conv2d", [t(1, 3, 8, 8), t(6, 3, 3, 3), .none, .ints([1]), .ints([0]), .ints([0])])
                == "dilation should be greater than zero, but got [0, 0]")
        #expect(message("conv2d", [t(1, 3, 8, 8), t(6, 3, 3, 3), .none, .ints([1]), .ints([0]), .ints([1]), .int(0)])
                == "non-positive groups is not supported")
    }

    @Test func defaultInitialisationEqualsPyTorchAfterManualSeed() throws {
        let layers: [Module] = Generator.withDefault(Generator(seed: 0)) {
            [Conv2d(1, 6, kernelSize: [5]), Conv1d(3, 4, kernelSize: [3], bias: false), ConvTranspose2d(4, 6, kernelSize: [3], groups: 2),
             BatchNorm2d(3), GroupNorm(2, 4)]
        }
        for (i, layer) in layers.enumerated() {
            for (key, t) in layer.stateDict() {
                let expected = try fixture.tensor("init\(i)_\(key)")
                #expect(t.shape == expected.shape && t.doubleScalars == expected.doubleScalars, "layer \(i) \(key)")
            }
        }
    }

    @Test func printsLikePyTorch() {
        let cases: [(String, Module)] = [
            ("conv_a", Conv2d(1, 6, kernelSize: [5])),
            ("conv_b", Conv2d(3, 8, kernelSize: [3, 5], stride: [2, 1], padding: [1, 2], dilation: [2], bias: false)),
            ("conv_c", Conv2d(4, 4, kernelSize: [3], padding: .same, groups: 2)),
            ("conv_d", Conv1d(3, 4, kernelSize: [3], stride: [2], padding: .valid)),
            ("convt_a", ConvTranspose2d(4, 6, kernelSize: [3], stride: [2], outputPadding: [1], groups: 2)),
            ("convt_b", ConvTranspose2d(4, 6, kernelSize: [3, 2], padding: [1], bias: false, dilation: [2])),
            ("mode_a", Conv2d(2, 3, kernelSize: [3], padding: 1, paddingMode: .reflect)),
            ("mode_b", Conv1d(2, 2, kernelSize: [4], padding: .same, paddingMode: .circular)),
            ("lenet", Sequential([Conv2d(1, 6, kernelSize: [5], padding: 2), ReLUForTest(), MaxPool2d(kernelSize: [2]),
                                  Conv2d(6, 16, kernelSize: [5]), BatchNorm2d(16)])),
        ]
        for (key, module) in cases {
            #expect(module.description == fixture.string("repr_\(key)"), "\(key)")
        }
    }

    @Test func layerForwardMatchesFunctional() {
        let conv = Generator.withDefault(Generator(seed: 3)) { Conv2d(2, 3, kernelSize: [3], padding: .same, dtype: .float64) }
        let x = SampleData.wave([2, 2, 5, 5], .float64)
        let y = conv(x)
        #expect(y.shape == [2, 3, 5, 5])
        expectClose(y, Functional.conv2d(x, weight: conv.weight, bias: conv.bias, padding: 1), rtol: 1e-12)
        #expect(Set(conv.stateDict().keys) == ["weight", "bias"])
    }
}


@Suite struct ConvChunkTests {
    /// Splitting the batch into chunks of columns gives the same products as one chunk.
    @Test func chunkedProductsEqualWholeBatchProducts() {
        let x = SampleData.wave([3, 4, 6, 5], .float64), w = SampleData.wave([6, 2, 3, 2], .float64, seed: 1)
        let p = ConvParams(stride: [2, 1], padding: [1, 1], dilation: [1, 2], transposed: false, outputPadding: [0, 0], groups: 2)
        let g = ConvGeometry(input: x.shape, weight: w.shape, p)
        let go = SampleData.wave(g.outputShape, .float64, seed: 2)
        #expect(ConvCompute.chunks(g, budget: 1).count == 3)
        expectClose(ConvCompute.forward(image: x, weight: w, bias: nil, g, Double.self, budget: 1),
                    ConvCompute.forward(image: x, weight: w, bias: nil, g, Double.self), rtol: 1e-12, "forward")
        expectClose(ConvCompute.inputGrad(gout: go, weight: w, g, Double.self, budget: 1),
                    ConvCompute.inputGrad(gout: go, weight: w, g, Double.self), rtol: 1e-12, "input grad")
        expectClose(ConvCompute.weightGrad(image: x, gout: go, g, Double.self, budget: 1),
                    ConvCompute.weightGrad(image: x, gout: go, g, Double.self), rtol: 1e-12, "weight grad")
    }
}
