import Testing
import EmberCore
import EmberAutograd
import EmberTestSupport
@testable import EmberNN

@Suite struct ActivationTests {
    let fixture = try! Fixture("activation")

    /// The fixture's case names and the Swift calls computing them.
    static let cases: [(String, @Sendable (Tensor) -> Tensor)] = [
        ("relu", { Functional.relu($0) }),
        ("sigmoid", { Functional.sigmoid($0) }),
        ("tanh", { Functional.tanh($0) }),
        ("softmax1", { Functional.softmax($0, dim: 1) }),
        ("log_softmax2", { Functional.logSoftmax($0, dim: -1) }),
        ("leaky_relu", { Functional.leakyRelu($0) }),
        ("leaky_relu_0.2", { Functional.leakyRelu($0, negativeSlope: 0.2) }),
        ("elu", { Functional.elu($0) }),
        ("elu_0.5", { Functional.elu($0, alpha: 0.5) }),
        ("selu", { Functional.selu($0) }),
        ("celu_2", { Functional.celu($0, alpha: 2) }),
        ("gelu", { Functional.gelu($0) }),
        ("gelu_tanh", { Functional.gelu($0, approximate: .tanh) }),
        ("silu", { Functional.silu($0) }),
        ("mish", { Functional.mish($0) }),
        ("hardtanh", { Functional.hardtanh($0) }),
        ("hardtanh_-2_3", { Functional.hardtanh($0, minVal: -2, maxVal: 3) }),
        ("relu6", { Functional.relu6($0) }),
        ("hardsigmoid", { Functional.hardsigmoid($0) }),
        ("hardswish", { Functional.hardswish($0) }),
        ("softplus", { Functional.softplus($0) }),
        ("softplus_2_1", { Functional.softplus($0, beta: 2, threshold: 1) }),
    ]

    @Test(arguments: [DType.float64, .float32])
    func forwardAndGradientsMatchPyTorch(_ dtype: DType) throws {
        let tag = dtype == .float64 ? "64" : "32"
        let rtol = dtype == .float64 ? 1e-12 : 1e-5, atol = dtype == .float64 ? 1e-14 : 1e-6
        let x0 = try fixture.tensor("x").to(dtype), g = try fixture.tensor("g").to(dtype)
        for (name, f) in Self.cases {
            let x = x0.clone()
            x.requiresGrad = true
            let y = f(x)
            #expect(y.dtype == dtype, "\(name)")
            expectClose(y, try fixture.tensor("\(name)_y\(tag)"), rtol: rtol, atol: atol, "\(name) forward")
            try y.backward(gradient: g)
            expectClose(x.grad, try fixture.tensor("\(name)_gx\(tag)"), rtol: rtol, atol: atol, "\(name) gradient")
        }
    }

    @Test(arguments: [DType.float64, .float32])
    func preluMatchesPyTorchPerChannelAndShared(_ dtype: DType) throws {
        let tag = dtype == .float64 ? "64" : "32"
        let rtol = dtype == .float64 ? 1e-12 : 1e-5
        for name in ["prelu3", "prelu1"] {
            let x = try fixture.tensor("x").to(dtype), w = try fixture.tensor("\(name)_w").to(dtype)
            x.requiresGrad = true
            w.requiresGrad = true
            let y = Functional.prelu(x, weight: w)
            expectClose(y, try fixture.tensor("\(name)_y\(tag)"), rtol: rtol, "\(name) forward")
            try y.backward(gradient: try fixture.tensor("g").to(dtype))
            expectClose(x.grad, try fixture.tensor("\(name)_gx\(tag)"), rtol: rtol, "\(name) input gradient")
            expectClose(w.grad, try fixture.tensor("\(name)_gw\(tag)"), rtol: rtol, atol: 1e-5, "\(name) weight gradient")
        }
    }

    @Test func inPlaceFormsOverwriteTheInputWithTheSameValues() throws {
        let x = try fixture.tensor("x").clone()
        let result = Functional.hardswish(x, inplace: true)
        #expect(result === x || result.storage === x.storage)
        expectClose(x, try fixture.tensor("hardswish_inplace"), rtol: 1e-12)
        let y = try fixture.tensor("x").clone()
        _ = ReLU6(inplace: true)(y)
        expectClose(y, try fixture.tensor("relu6_y64"), rtol: 1e-12)
        // In-place on a non-leaf keeps gradients right (history rebased).
        let leaf = try fixture.tensor("x").clone()
        leaf.requiresGrad = true
        let z = leaf * Scalar.double(1)
        Functional.leakyRelu(z, negativeSlope: 0.2, inplace: true)
        try z.backward(gradient: try fixture.tensor("g"))
        expectClose(leaf.grad, try fixture.tensor("leaky_relu_0.2_gx64"), rtol: 1e-12)
    }

    @Test func layersPrintAsPyTorch() throws {
        let layers: [(String, Module)] = [
            ("ReLU", ReLU()), ("ReLU_inplace", ReLU(inplace: true)), ("ReLU6", ReLU6()), ("ReLU6_inplace", ReLU6(inplace: true)),
            ("LeakyReLU", LeakyReLU()), ("LeakyReLU_0.2_inplace", LeakyReLU(negativeSlope: 0.2, inplace: true)),
            ("PReLU", PReLU()), ("PReLU_3", PReLU(numParameters: 3)), ("ELU", ELU()),
            ("ELU_0.5_inplace", ELU(alpha: 0.5, inplace: true)), ("CELU", CELU()), ("SELU", SELU()),
            ("SELU_inplace", SELU(inplace: true)), ("GELU", GELU()), ("GELU_tanh", GELU(approximate: .tanh)),
            ("SiLU", SiLU()), ("Mish", Mish()), ("Sigmoid", Sigmoid()), ("Tanh", Tanh()), ("Hardtanh", Hardtanh()),
            ("Hardtanh_-2_3", Hardtanh(minVal: -2, maxVal: 3)), ("Hardsigmoid", Hardsigmoid()),
            ("Hardswish_inplace", Hardswish(inplace: true)), ("Softplus", Softplus()),
            ("Softplus_2_1", Softplus(beta: 2, threshold: 1)), ("Softmax_1", Softmax(dim: 1)), ("Softmax", Softmax()),
            ("LogSoftmax_-1", LogSoftmax(dim: -1)),
            ("Sequential", Sequential(Linear(4, 8), GELU(), Linear(8, 3), LogSoftmax(dim: 1))),
        ]
        for (key, layer) in layers {
            #expect(layer.description == fixture.string("repr_\(key)"), "\(key)")
        }
    }

    @Test func layersComputeTheirFunctionsAndPReLUHasItsParameter() throws {
        let x = try fixture.tensor("x")
        expectClose(GELU(approximate: .tanh)(x), try fixture.tensor("gelu_tanh_y64"), rtol: 1e-12)
        expectClose(Softplus(beta: 2, threshold: 1)(x), try fixture.tensor("softplus_2_1_y64"), rtol: 1e-12)
        expectClose(Softmax(dim: 1)(x), try fixture.tensor("softmax1_y64"), rtol: 1e-12)
        let prelu = PReLU(numParameters: 3, dtype: .float64)
        #expect(prelu.weight.doubleScalars == (try fixture.tensor("prelu_3_weight")).doubleScalars)
        #expect(Array(prelu.stateDict().keys) == ["weight"])
        #expect(prelu.weight.requiresGrad)
        // Softmax without dim: PyTorch's legacy choice (dim 0 for 3-D input).
        expectClose(Softmax()(x), x.softmax(dim: 0), rtol: 0)
    }

    @Test func errorsUsePyTorchMessages() throws {
        let x = try fixture.tensor("x")
        #expect(errorText { _ = try Dispatcher.shared.call("gelu", [.tensor(x), .string("fast")]) } == fixture.string("err_gelu"))
        #expect(errorText { _ = try Dispatcher.shared.call("prelu", [.tensor(x), .tensor(Tensor.ones([2], dtype: .float64))]) }
                == fixture.string("err_prelu_channels"))
        #expect(errorText { _ = try Dispatcher.shared.call("prelu", [.tensor(Tensor(scalar: 1.0)), .tensor(Tensor.ones([2], dtype: .float64))]) }
                == fixture.string("err_prelu_zero_dim"))
        #expect(errorText { _ = try Dispatcher.shared.call("celu", [.tensor(x), .double(0)]) } == fixture.string("err_celu_zero"))
        let ints = Tensor([1, -2, 3] as [Int64], shape: [3])
        #expect(errorText { _ = try Dispatcher.shared.call("leaky_relu", [.tensor(ints), .double(0.01)]) }?.contains("no kernel") == true)
    }

    @Test func backwardNodesAreNamedAfterTheOperators() throws {
        let x = Tensor([-1.5, 0.5, 2.0], shape: [3])
        x.requiresGrad = true
        #expect(Functional.gelu(x).gradFn?.name == "GeluBackward0")
        #expect(Functional.leakyRelu(x).gradFn?.name == "LeakyReluBackward0")
        #expect(Functional.selu(x).gradFn?.name == "EluBackward0")
    }
}
