import Testing
import EmberCore
import EmberAutograd
import EmberTestSupport
@testable import EmberNN

@Suite struct AttentionTests {
    let fixture = try! Fixture("seq")

    func expectInit(_ m: Module, _ tag: String) throws {
        #expect(m.stateDict().keys == fixture[tag + "_keys"] as? [String])
        for (k, t) in m.stateDict() {
            #expect(t.doubleScalars == (try fixture.tensor("\(tag)_init_\(k)")).doubleScalars, "\(tag) init \(k)")
        }
    }

    @Test func selfAttentionWithMasksMatchesPyTorch() throws {
        let mha = Generator.withDefault(Generator(seed: 0)) { MultiheadAttention(8, 2) }
        try expectInit(mha, "mha")
        #expect(mha.description == fixture.string("mha_repr"))
        mha.to(dtype: .float64)
        noGrad {
            _ = mha.inProjBias!.copy_(Tensor.linspace(-0.3, 0.3, steps: 24, dtype: .float64))
            _ = mha.outProj.bias!.copy_(Tensor.linspace(0.2, -0.2, steps: 8, dtype: .float64))
        }
        let x = try fixture.tensor("mha_x")
        x.requiresGrad = true
        let (y, w) = mha(query: x, key: x, value: x, keyPaddingMask: try fixture.tensor("mha_kpm"),
                         attnMask: try fixture.tensor("mha_am"))
        expectClose(y, try fixture.tensor("mha_y"), rtol: 1e-10, atol: 1e-12, "output")
        expectClose(w, try fixture.tensor("mha_w"), rtol: 1e-10, atol: 1e-12, "weights")
        try (y * (try fixture.tensor("mha_gy"))).sum().backward()
        expectClose(x.grad, try fixture.tensor("mha_grad_x"), rtol: 1e-10, atol: 1e-12, "grad x")
        for (name, p) in mha.namedParameters() {
            expectClose(p.grad, try fixture.tensor("mha_grad_\(name)"), rtol: 1e-10, atol: 1e-12, "grad \(name)")
        }
        let (y2, w2) = noGrad {
            mha(query: x, key: x, value: x, attnMask: try! fixture.tensor("mha_fm"), averageAttnWeights: false)
        }
        expectClose(y2, try fixture.tensor("mha_y2"), rtol: 1e-10, atol: 1e-12, "float mask output")
        expectClose(w2, try fixture.tensor("mha_w2"), rtol: 1e-10, atol: 1e-12, "per-head weights")
    }

    @Test func crossAttentionWithBiasKVAndOtherDimsMatchesPyTorch() throws {
        let mha = Generator.withDefault(Generator(seed: 0)) {
            MultiheadAttention(6, 3, addBiasKV: true, kdim: 5, vdim: 4, batchFirst: true)
        }
        try expectInit(mha, "cross")
        mha.to(dtype: .float64)
        let q = try fixture.tensor("cross_q")
        q.requiresGrad = true
        let (y, w) = mha(query: q, key: try fixture.tensor("cross_k"), value: try fixture.tensor("cross_v"),
                         keyPaddingMask: try fixture.tensor("cross_kpm"), averageAttnWeights: false)
        expectClose(y, try fixture.tensor("cross_y"), rtol: 1e-10, atol: 1e-12, "output")
        expectClose(w, try fixture.tensor("cross_w"), rtol: 1e-10, atol: 1e-12, "weights")
        try (y * (try fixture.tensor("cross_gy"))).sum().backward()
        expectClose(q.grad, try fixture.tensor("cross_grad_q"), rtol: 1e-10, atol: 1e-12, "grad q")
        for (name, p) in mha.namedParameters() {
            expectClose(p.grad, try fixture.tensor("cross_grad_\(name)"), rtol: 1e-10, atol: 1e-12, "grad \(name)")
        }
    }

    @Test func float32AttentionAgreesWithFloat64() throws {
        let mha = Generator.withDefault(Generator(seed: 0)) { MultiheadAttention(8, 2) }
        let x = try fixture.tensor("mha_x")
        let (y32, w32) = noGrad { mha(query: x.to(.float32), key: x.to(.float32), value: x.to(.float32)) }
        mha.to(dtype: .float64)
        let (y64, w64) = noGrad { mha(query: x, key: x, value: x) }
        expectClose(y32.to(.float64), y64, rtol: 1e-4, atol: 1e-5)
        expectClose(w32?.to(.float64), w64!, rtol: 1e-4, atol: 1e-5)
    }

    @Test(arguments: ["tel", "telpre"]) func encoderLayerMatchesPyTorch(_ tag: String) throws {
        let pre = tag == "telpre"
        let layer = Generator.withDefault(Generator(seed: 0)) {
            TransformerEncoderLayer(dModel: 8, nhead: 2, dimFeedforward: 16, activation: pre ? .gelu : .relu,
                                    batchFirst: pre, normFirst: pre)
        }
        try expectInit(layer, tag)
        #expect(layer.description == fixture.string(tag + "_repr"))
        layer.to(dtype: .float64).eval()
        let y = noGrad { layer(try! fixture.tensor(tag + "_x"), srcMask: try! fixture.tensor(tag + "_mask")) }
        expectClose(y, try fixture.tensor(tag + "_y"), rtol: 1e-9, atol: 1e-11)
    }

    @Test func encoderLayerGradientsMatchPyTorch() throws {
        let layer = Generator.withDefault(Generator(seed: 0)) {
            TransformerEncoderLayer(dModel: 8, nhead: 2, dimFeedforward: 16, dropout: 0)
        }
        layer.to(dtype: .float64)
        let x = try fixture.tensor("telgrad_x")
        x.requiresGrad = true
        let y = layer(x, srcMask: nil, srcKeyPaddingMask: try fixture.tensor("telgrad_kpm"))
        expectClose(y, try fixture.tensor("telgrad_y"), rtol: 1e-9, atol: 1e-11, "output")
        try (y * (try fixture.tensor("telgrad_gy"))).sum().backward()
        expectClose(x.grad, try fixture.tensor("telgrad_grad_x"), rtol: 1e-9, atol: 1e-11, "grad x")
        for (name, p) in layer.namedParameters() {
            expectClose(p.grad, try fixture.tensor("telgrad_grad_\(name)"), rtol: 1e-9, atol: 1e-11, "grad \(name)")
        }
    }

    @Test func unbatchedAttentionEqualsABatchOfOne() throws {
        let mha = Generator.withDefault(Generator(seed: 0)) { MultiheadAttention(8, 2, dtype: .float64) }
        let x = try fixture.tensor("mha_x").select(dim: 1, index: 0)
        let mask = try fixture.tensor("mha_am")
        let (y, w) = noGrad { mha(query: x, key: x, value: x, attnMask: mask) }
        let (yb, wb) = noGrad { mha(query: x.unsqueeze(1), key: x.unsqueeze(1), value: x.unsqueeze(1), attnMask: mask) }
        #expect(y.shape == [4, 8] && w?.shape == [4, 4])
        expectClose(y, yb.squeeze(dim: 1), rtol: 1e-12)
        expectClose(w, wb!.squeeze(dim: 0), rtol: 1e-12)
    }

    @Test func attentionDropoutDrawsAsPyTorchInTraining() throws {
        let mha = Generator.withDefault(Generator(seed: 0)) { MultiheadAttention(8, 2, dropout: 0.3) }
        mha.to(dtype: .float64)
        let x = try fixture.tensor("mhadrop_x")
        let (y, w) = Generator.withDefault(Generator(seed: 4)) { noGrad { mha(query: x, key: x, value: x) } }
        expectClose(y, try fixture.tensor("mhadrop_y"), rtol: 1e-10, atol: 1e-12, "output")
        expectClose(w, try fixture.tensor("mhadrop_w"), rtol: 1e-10, atol: 1e-12, "weights")
    }
}
