import Testing
import EmberCore
import EmberAutograd
import EmberTestSupport
@testable import EmberNN

@Suite struct LayerNormTests {
    let fixture = try! Fixture("seq")

    @Test(arguments: [DType.float32, .float64]) func valuesAndGradientsMatchPyTorch(_ dtype: DType) throws {
        let name = dtype == .float32 ? "f32" : "f64"
        let rtol = dtype == .float32 ? 1e-4 : 1e-10, atol = dtype == .float32 ? 1e-5 : 1e-12
        let x = try fixture.tensor("ln_\(name)_x"), w = try fixture.tensor("ln_\(name)_w"), b = try fixture.tensor("ln_\(name)_b")
        for t in [x, w, b] { t.requiresGrad = true }
        let y = Functional.layerNorm(x, normalizedShape: [3, 4], weight: w, bias: b)
        expectClose(y, try fixture.tensor("ln_\(name)_y"), rtol: rtol, atol: atol)
        try y.backward(gradient: try fixture.tensor("ln_\(name)_g"))
        expectClose(x.grad, try fixture.tensor("ln_\(name)_grad_x"), rtol: rtol, atol: atol, "x")
        expectClose(w.grad, try fixture.tensor("ln_\(name)_grad_w"), rtol: rtol, atol: atol, "w")
        expectClose(b.grad, try fixture.tensor("ln_\(name)_grad_b"), rtol: rtol, atol: atol, "b")

        let x2 = try fixture.tensor("ln_\(name)_x2")
        x2.requiresGrad = true
        let y2 = LayerNorm(5, elementwiseAffine: false, dtype: dtype)(x2)
        expectClose(y2, try fixture.tensor("ln_\(name)_y2"), rtol: rtol, atol: atol)
        try y2.backward(gradient: Tensor.arange(5, dtype: dtype).expand([3, 5]))
        expectClose(x2.grad, try fixture.tensor("ln_\(name)_grad_x2"), rtol: rtol, atol: atol, "x2")
    }

    @Test func secondDerivativesAreCorrect() throws {
        let x = Tensor([0.3, -1.2, 0.8, 2.0, -0.5, 0.1], shape: [2, 3])
        let w = Tensor([1.2, -0.4, 0.7], shape: [3]), b = Tensor([0.1, -0.2, 0.3], shape: [3])
        for t in [x, w, b] { t.requiresGrad = true }
        let f: ([Tensor]) -> [Tensor] = { [Functional.layerNorm($0[0], normalizedShape: [3], weight: $0[1], bias: $0[2])] }
        #expect(try Autograd.gradcheck(f, inputs: [x, w, b]))
        #expect(try Autograd.gradgradcheck(f, inputs: [x, w, b]))
    }

    @Test func layerInitialisesAndPrintsLikePyTorch() {
        let ln = LayerNorm(8)
        #expect(ln.weight?.doubleScalars == Array(repeating: 1, count: 8))
        #expect(ln.bias?.doubleScalars == Array(repeating: 0, count: 8))
        #expect(ln.description == fixture.string("ln_print"))
        #expect(LayerNorm([3, 4], elementwiseAffine: false).description == fixture.string("ln2_print"))
        let noBias = LayerNorm(8, eps: 1e-6, bias: false)
        #expect(noBias.description == fixture.string("ln3_print"))
        #expect(noBias.stateDict().keys == fixture["ln3_keys"] as? [String])
    }

    @Test func shapeErrorsUsePyTorchWording() {
        let text = errorText {
            _ = try Dispatcher.shared.call("layer_norm", [.tensor(Tensor.ones([2, 3, 5])), .ints([8]), .none, .none, .double(1e-5), .bool(true)])
        }
        #expect(text?.hasPrefix("Given normalized_shape=[8], expected input with shape [*, 8], but got input of size[2, 3, 5]") == true)
        let weight = errorText {
            _ = try Dispatcher.shared.call("layer_norm", [.tensor(Tensor.ones([2, 8])), .ints([8]), .tensor(Tensor.ones([5])), .none,
                                                          .double(1e-5), .bool(true)])
        }
        #expect(weight?.hasPrefix("Expected weight to be of same shape as normalized_shape, but got weight of shape [5] and normalized_shape = [8]") == true)
    }
}
