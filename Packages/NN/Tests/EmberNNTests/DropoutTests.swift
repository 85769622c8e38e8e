import Testing
import EmberCore
import EmberAutograd
import EmberTestSupport
@testable import EmberNN

@Suite struct DropoutTests {
    let fixture = try! Fixture("seq")

    /// The input the fixture script builds: arange(40).reshape(4, 10) · 0.1 − 1.5.
    func input(_ dtype: DType) -> Tensor {
        Tensor.arange(40, dtype: dtype).reshape([4, 10]) * 0.1 - 1.5
    }

    @Test(arguments: [DType.float32, .float64]) func maskAndGradientEqualPyTorchAfterSameSeed(_ dtype: DType) throws {
        let name = dtype == .float32 ? "f32" : "f64"
        let x = input(dtype)
        x.requiresGrad = true
        let y = Generator.withDefault(Generator(seed: 0)) { Functional.dropout(x, p: 0.3) }
        let expected = try fixture.tensor("dropout_\(name)_y")
        #expect(y.eq(Tensor(wrapping: 0)).doubleScalars == expected.eq(Tensor(wrapping: 0)).doubleScalars, "mask")
        expectClose(y, expected, rtol: dtype == .float32 ? 1e-6 : 1e-14)
        let g = Tensor.arange(40, dtype: dtype).reshape([4, 10]) * 0.05 + 1
        try y.backward(gradient: g)
        expectClose(x.grad, try fixture.tensor("dropout_\(name)_grad"), rtol: dtype == .float32 ? 1e-6 : 1e-14)
    }

    @Test(arguments: [DType.float32, .float64]) func channelMaskEqualsPyTorch(_ dtype: DType) throws {
        let name = dtype == .float32 ? "f32" : "f64"
        let x = Tensor.arange(48, dtype: dtype).reshape([2, 3, 4, 2]) * 0.1 + 0.5
        let y = Functional.dropout2d(x, p: 0.5, generator: Generator(seed: 0))
        expectClose(y, try fixture.tensor("dropout2d_\(name)_y"), rtol: 1e-6)
        // Whole channels are kept or dropped.
        let kept = y.ne(Tensor(wrapping: 0)).to(.float64).sum(dims: [2, 3]).doubleScalars
        #expect(kept.allSatisfy { $0 == 0 || $0 == 8 })
    }

    @Test func layersHonourTrainingAndPrintLikePyTorch() throws {
        let layer = Dropout(p: 0.6)
        let x = input(.float32)
        let y = Generator.withDefault(Generator(seed: 3)) { layer(x) }
        expectClose(y, try fixture.tensor("dropout_layer_y"), rtol: 1e-6)
        layer.eval()
        #expect(layer(x) === x)
        #expect(Dropout2d(p: 0.2).eval()(x) === x)
        #expect(Functional.dropout(x, p: 0) === x)
        #expect(Functional.dropout(x, p: 1).doubleScalars.allSatisfy { $0 == 0 })
        #expect(Dropout().description == fixture.string("dropout_print"))
        #expect(Dropout2d(p: 0.2).description == fixture.string("dropout2d_print"))
    }

    @Test func probabilityOutsideUnitIntervalIsRejected() {
        let text = errorText {
            _ = try Dispatcher.shared.call("dropout", [.tensor(Tensor.ones([2])), .double(1.5), .bool(true)])
        }
        #expect(text == "dropout probability has to be between 0 and 1, but got 1.5")
        let feature = errorText {
            _ = try Dispatcher.shared.call("feature_dropout", [.tensor(Tensor.ones([2])), .double(0.5), .bool(true)])
        }
        #expect(feature?.hasPrefix("Feature dropout requires at least 2 dimensions in the input") == true)
    }
}
