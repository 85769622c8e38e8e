import Testing
import EmberCore
import EmberAutograd
import EmberTestSupport
@testable import EmberNN

@Suite struct LinearTests {
    let fixture = try! Fixture("module")

    @Test func defaultInitialisationEqualsPyTorchAfterManualSeed() throws {
        let (a, b, c) = Generator.withDefault(Generator(seed: 0)) { (Linear(1, 1), Linear(3, 4), Linear(5, 2, bias: false)) }
        for (name, layer) in [("a", a), ("b", b), ("c", c)] {
            for (key, t) in layer.stateDict() {
                #expect(t.doubleScalars == (try fixture.tensor("init_\(name)_\(key)")).doubleScalars, "\(name).\(key)")
            }
        }
    }

    @Test func linearForwardAndGradientsMatchPyTorch() throws {
        let x = try fixture.tensor("linear_x"), w = try fixture.tensor("linear_w"), b = try fixture.tensor("linear_b")
        for t in [x, w, b] { t.requiresGrad = true }
        let y = Functional.linear(x, weight: w, bias: b)
        expectClose(y, try fixture.tensor("linear_y"), rtol: 1e-12)
        try y.backward(gradient: try fixture.tensor("linear_g"))
        expectClose(x.grad, try fixture.tensor("linear_grad_x"), rtol: 1e-12, "x")
        expectClose(w.grad, try fixture.tensor("linear_grad_w"), rtol: 1e-12, "w")
        expectClose(b.grad, try fixture.tensor("linear_grad_b"), rtol: 1e-12, "b")
        #expect(y.gradFn?.name == "LinearBackward0")
    }

    @Test func linearHandlesVectorsAndMissingBiasAndChecksShapes() throws {
        let w = Tensor([1.0, 2, 3, 4, 5, 6], shape: [2, 3])
        #expect(Functional.linear(Tensor([1.0, 0, -1], shape: [3]), weight: w).doubleScalars == [-2, -2])
        let text = errorText {
            _ = try Dispatcher.shared.call("linear", [.tensor(Tensor.ones([4, 2], dtype: .float64)), .tensor(w), .none])
        }
        #expect(text?.contains("mat1 and mat2 shapes cannot be multiplied (4x2 and 3x2)") == true)
        #expect(text?.contains("float64") == true)
    }

    @Test func gradcheckOfLinear() throws {
        let x = Tensor([0.3, -1.2, 0.8, 2.0, -0.5, 0.1], shape: [2, 3])
        let w = Tensor([0.2, -0.4, 1.1, 0.7, 0.05, -0.9], shape: [2, 3])
        let b = Tensor([0.1, -0.2], shape: [2])
        for t in [x, w, b] { t.requiresGrad = true }
        #expect(try Autograd.gradcheck({ [Functional.linear($0[0], weight: $0[1], bias: $0[2])] }, inputs: [x, w, b]))
    }
}
