import Testing
import EmberCore
import EmberAutograd
import EmberTestSupport
@testable import EmberNN

@Suite struct EmbeddingTests {
    let fixture = try! Fixture("embedding")

    @Test func defaultInitialisationEqualsPyTorchAfterManualSeed() throws {
        let (e1, e2, b1) = Generator.withDefault(Generator(seed: 0)) { (Embedding(6, 3), Embedding(5, 4, paddingIdx: -2), Bilinear(2, 3, 4)) }
        expectClose(e1.weight, try fixture.tensor("init_e1"), rtol: 0, atol: 0)
        expectClose(e2.weight, try fixture.tensor("init_e2"), rtol: 0, atol: 0)
        #expect(e2.paddingIdx == 3)
        expectClose(b1.weight, try fixture.tensor("init_b1_weight"), rtol: 0, atol: 0)
        expectClose(b1.bias, try fixture.tensor("init_b1_bias"), rtol: 0, atol: 0)
        #expect(Array(b1.stateDict().keys) == ["weight", "bias"])
    }

    @Test func layersPrintAsPyTorch() {
        let layers: [(String, Module)] = [
            ("e1", Embedding(6, 3)), ("e2", Embedding(5, 4, paddingIdx: -2)),
            ("e3", Embedding(10, 3, paddingIdx: 0, maxNorm: 1, normType: 1, scaleGradByFreq: true)),
            ("b1", Bilinear(2, 3, 4)), ("b2", Bilinear(5, 6, 7, bias: false)), ("flatten", Flatten()),
            ("flatten_0_2", Flatten(startDim: 0, endDim: 2)), ("unflatten", Unflatten(dim: 1, sizes: [2, 5])),
            ("unflatten1", Unflatten(dim: -1, sizes: [6])),
        ]
        for (key, layer) in layers { #expect(layer.description == fixture.string("repr_\(key)"), "\(key)") }
    }

    @Test(arguments: ["plain", "pad", "pad_neg", "freq"])
    func embeddingForwardAndWeightGradientMatchPyTorch(_ name: String) throws {
        let w = try fixture.tensor("emb_w"), idx = try fixture.tensor("emb_idx")
        w.requiresGrad = true
        let y = Functional.embedding(idx, weight: w, paddingIdx: ["pad": 2, "pad_neg": -1][name],
                                     scaleGradByFreq: name == "freq")
        expectClose(y, try fixture.tensor("emb_\(name)_y"), rtol: 0, atol: 0)
        try y.backward(gradient: try fixture.tensor("emb_g"))
        expectClose(w.grad, try fixture.tensor("emb_\(name)_gw"), rtol: 1e-12)
    }

    @Test func embeddingLayerTakesInt32IndicesAndFromPretrainedIsFrozen() throws {
        let w = try fixture.tensor("emb_w")
        let layer = Embedding.fromPretrained(w)
        #expect(!layer.weight.requiresGrad)
        #expect(layer.weight.storage === w.storage)
        let idx32 = try fixture.tensor("emb_idx").to(.int32)
        expectClose(layer(idx32), try fixture.tensor("emb_plain_y"), rtol: 0, atol: 0)
        let trainable = Embedding.fromPretrained(w.clone(), freeze: false, paddingIdx: 2)
        #expect(trainable.weight.requiresGrad)
        try trainable(try fixture.tensor("emb_idx")).backward(gradient: try fixture.tensor("emb_g"))
        expectClose(trainable.weight.grad, try fixture.tensor("emb_pad_gw"), rtol: 1e-12)
    }

    @Test func maxNormRenormalisesTheLookedUpRowsInPlace() throws {
        let w = try fixture.tensor("emb_w") * Scalar.double(2)
        let y = Functional.embedding(try fixture.tensor("emb_idx"), weight: w, maxNorm: 1.5)
        expectClose(w, try fixture.tensor("emb_renorm_w"), rtol: 1e-12)
        expectClose(y, try fixture.tensor("emb_renorm_y"), rtol: 1e-12)
        let w1 = try fixture.tensor("emb_w") * Scalar.double(2)
        _ = Functional.embedding(try fixture.tensor("emb_idx"), weight: w1, maxNorm: 1, normType: 1)
        expectClose(w1, try fixture.tensor("emb_renorm1_w"), rtol: 1e-12)
    }

    @Test func embeddingErrorsUsePyTorchMessages() throws {
        let w = try fixture.tensor("emb_w")
        let call = { (idx: Tensor) in errorText { _ = try Dispatcher.shared.call("embedding", [.tensor(w), .tensor(idx), .int(-1), .bool(false), .bool(false)]) } }
        #expect(call(Tensor([6] as [Int64], shape: [1])) == fixture.string("err_emb_range"))
        #expect(call(Tensor([1.0] as [Float], shape: [1])) == fixture.string("err_emb_dtype"))
    }

    @Test func oneHotMatchesPyTorchAndItsErrors() throws {
        let labels = try fixture.tensor("onehot_in")
        let inferred = Functional.oneHot(labels)
        #expect(inferred.dtype == .int64)
        expectClose(inferred, try fixture.tensor("onehot"), rtol: 0, atol: 0)
        expectClose(Functional.oneHot(labels, numClasses: 6), try fixture.tensor("onehot6"), rtol: 0, atol: 0)
        let call = { (t: Tensor, n: Int) in errorText { _ = try Dispatcher.shared.call("one_hot", [.tensor(t), .int(n)]) } }
        #expect(call(Tensor([-1, 2] as [Int64], shape: [2]), -1) == fixture.string("err_onehot_neg"))
        #expect(call(Tensor([1, 4] as [Int64], shape: [2]), 3) == fixture.string("err_onehot_small"))
        #expect(call(Tensor([1.0] as [Float], shape: [1]), -1) == fixture.string("err_onehot_float"))
        #expect(call(Tensor([] as [Int64], shape: [0]), -1) == fixture.string("err_onehot_empty"))
    }

    @Test(arguments: [DType.float64, .float32])
    func bilinearForwardAndGradientsMatchPyTorch(_ dtype: DType) throws {
        let tag = dtype == .float64 ? "64" : "32", rtol = dtype == .float64 ? 1e-12 : 1e-5
        let inputs = try ["x1", "x2", "w", "b"].map { try fixture.tensor("bil_\($0)").to(dtype) }
        for t in inputs { t.requiresGrad = true }
        let y = Functional.bilinear(inputs[0], inputs[1], weight: inputs[2], bias: inputs[3])
        expectClose(y, try fixture.tensor("bil_y\(tag)"), rtol: rtol, atol: 1e-6)
        try y.backward(gradient: try fixture.tensor("bil_g").to(dtype))
        for (k, t) in zip(["x1", "x2", "w", "b"], inputs) {
            expectClose(t.grad, try fixture.tensor("bil_g\(k)\(tag)"), rtol: rtol, atol: 1e-6, k)
        }
    }

    @Test func bilinearLayerAndErrors() throws {
        let layer = Bilinear(2, 4, 5, dtype: .float64)
        layer.weight = try fixture.tensor("bil_w")
        layer.bias = try fixture.tensor("bil_b")
        expectClose(layer(try fixture.tensor("bil_x1"), try fixture.tensor("bil_x2")), try fixture.tensor("bil_y64"), rtol: 1e-12)
        let x1 = try fixture.tensor("bil_x1"), x2 = try fixture.tensor("bil_x2")
        #expect(errorText { _ = try Dispatcher.shared.call("bilinear", [.tensor(x1), .tensor(x2), .tensor(Tensor.zeros([5, 3, 4], dtype: .float64))]) }
                == fixture.string("err_bil_in1"))
        #expect(errorText { _ = try Dispatcher.shared.call("bilinear", [.tensor(x1), .tensor(x2.narrow(dim: 0, start: 0, length: 1)), .tensor(try fixture.tensor("bil_w"))]) }
                == fixture.string("err_bil_batch"))
    }

    @Test func flattenAndUnflattenReshape() {
        let x = Tensor.zeros([2, 3, 4, 5], dtype: .float64)
        #expect(Flatten()(x).shape == [2, 60])
        #expect(Flatten(startDim: 0, endDim: 2)(x).shape == [24, 5])
        #expect(Unflatten(dim: 1, sizes: [2, 5])(Tensor.zeros([3, 10])).shape == [3, 2, 5])
        #expect(Unflatten(dim: -1, sizes: [-1, 2])(Tensor.zeros([3, 10])).shape == [3, 5, 2])
    }
}
