import Testing
import EmberCore
import EmberAutograd
import EmberTestSupport
@testable import EmberNN

@Suite struct RecurrentTests {
    let fixture = try! Fixture("seq")

    /// Builds `make()` under seed 0 and checks initialisation, names and printing, then the
    /// forward pass (through the public API), final states and every gradient in `dtype`.
    func check(_ tag: String, dtype: DType = .float64, _ make: () -> RNNBase) throws {
        let m = Generator.withDefault(Generator(seed: 0)) { make() }
        #expect(m.stateDict().keys == fixture[tag + "_keys"] as? [String])
        for (k, t) in m.stateDict() {
            #expect(t.doubleScalars == (try fixture.tensor("\(tag)_init_\(k)")).doubleScalars, "\(tag) init \(k)")
        }
        #expect(m.description == fixture.string(tag + "_repr"))
        m.to(dtype: dtype)
        let x = try fixture.tensor(tag + "_x")
        x.requiresGrad = true
        var hx: [Tensor] = []
        while fixture[tag + "_hx\(hx.count)"] != nil { hx.append(try fixture.tensor(tag + "_hx\(hx.count)")) }
        let y: Tensor, finals: [Tensor]
        switch m {
        case let lstm as LSTM:
            let r = lstm(x, hx: hx.isEmpty ? nil : (hx[0], hx[1]))
            (y, finals) = (r.output, [r.state.h, r.state.c])
        case let gru as GRU:
            let r = gru(x, hx: hx.first)
            (y, finals) = (r.output, [r.hN])
        case let rnn as RNN:
            let r = rnn(x, hx: hx.first)
            (y, finals) = (r.output, [r.hN])
        default:
            Issue.record("unknown module \(m)")
            return
        }
        let (rtol, atol) = dtype == .float64 ? (1e-10, 1e-12) : (1e-4, 1e-5)
        expectClose(y, try fixture.tensor(tag + "_y"), rtol: rtol, atol: atol, "\(tag) output")
        var loss = (y * (try fixture.tensor(tag + "_gy"))).sum()
        for (i, f) in finals.enumerated() {
            expectClose(f, try fixture.tensor("\(tag)_final\(i)"), rtol: rtol, atol: atol, "\(tag) final \(i)")
            loss = loss + (f * (try fixture.tensor("\(tag)_gfinal\(i)"))).sum()
        }
        try loss.backward()
        expectClose(x.grad, try fixture.tensor(tag + "_grad_x"), rtol: rtol, atol: atol, "\(tag) grad x")
        for (name, p) in m.namedParameters() {
            expectClose(p.grad, try fixture.tensor("\(tag)_grad_\(name)"), rtol: rtol, atol: atol, "\(tag) grad \(name)")
        }
    }

    @Test func bidirectionalTwoLayerLSTMWithInitialState() throws {
        try check("lstm") { LSTM(3, 4, numLayers: 2, bidirectional: true) }
    }

    @Test func batchFirstTwoLayerGRU() throws {
        try check("gru") { GRU(3, 4, numLayers: 2, batchFirst: true) }
    }

    @Test func bidirectionalReLURNNWithoutBias() throws {
        try check("rnnrelu") { RNN(3, 4, nonlinearity: .relu, bias: false, bidirectional: true) }
    }

    @Test func unbatchedInputs() throws {
        try check("rnn1d") { RNN(3, 4) }
        try check("lstm1d") { LSTM(3, 2, batchFirst: true) }
    }

    @Test func float32BidirectionalGRU() throws {
        try check("gru32", dtype: .float32) { GRU(3, 4, batchFirst: true, bidirectional: true) }
    }

    @Test func dropoutBetweenLayersDrawsAsPyTorch() throws {
        let m = Generator.withDefault(Generator(seed: 0)) { LSTM(3, 4, numLayers: 3, dropout: 0.5) }
        m.to(dtype: .float64)
        let x = try fixture.tensor("lstmdrop_x")
        let y = Generator.withDefault(Generator(seed: 1)) { m(x, hx: nil).output }
        expectClose(y, try fixture.tensor("lstmdrop_y"), rtol: 1e-10, atol: 1e-12)
        m.eval()
        let a = m(x), b = m(x)
        #expect(a.doubleScalars == b.doubleScalars)
    }

    @Test func plainForwardGivesTheOutputForSequential() throws {
        let gru = Generator.withDefault(Generator(seed: 0)) { GRU(3, 4, numLayers: 2, batchFirst: true) }
        gru.to(dtype: .float64)
        let x = try fixture.tensor("gru_x")
        let model = Sequential(gru, Identity())
        expectClose(noGrad { model(x) }, noGrad { gru(x, hx: nil).output }, rtol: 0)
        #expect(model.description.contains("(0): GRU(3, 4, num_layers=2, batch_first=True)"))
    }

    @Test func printing() {
        #expect(LSTM(10, 20, numLayers: 2, batchFirst: true).description == fixture.string("lstm_print"))
        #expect(GRU(3, 4, numLayers: 2, bias: false, dropout: 0.5, bidirectional: true).description == fixture.string("gru_print"))
        #expect(RNN(3, 4, nonlinearity: .relu).description == fixture.string("rnn_print"))
    }

    @Test func mismatchedInputsGetPyTorchMessages() {
        let lstm = LSTM(3, 4, numLayers: 2)
        #expect(lstm.validationError(Tensor.zeros([1, 2, 3, 4]), []) == "LSTM: Expected input to be 2D or 3D, got 4D input instead")
        #expect(lstm.validationError(Tensor.zeros([5, 2, 6]), []) == "input.size(-1) must be equal to input_size. Expected 3, got 6")
        #expect(lstm.validationError(Tensor.zeros([5, 2, 3]), [Tensor.zeros([1, 2, 4]), Tensor.zeros([2, 2, 4])])
            == "Expected hidden[0] size (2, 2, 4), got [1, 2, 4]")
        #expect(lstm.validationError(Tensor.zeros([5, 3]), [Tensor.zeros([2, 1, 4]), Tensor.zeros([2, 1, 4])])
            == "For unbatched 2-D input, hx and cx should also be 2-D but got (3-D, 3-D) tensors")
        let gru = GRU(3, 4, batchFirst: true)
        #expect(gru.validationError(Tensor.zeros([2, 5, 3]), [Tensor.zeros([1, 5, 4])]) == "Expected hidden size (1, 2, 4), got [1, 5, 4]")
        #expect(gru.validationError(Tensor.zeros([2, 5, 3]), [Tensor.zeros([1, 4])])
            == "For batched 3-D input, hx should also be 3-D but got 2-D tensor")
        #expect(gru.validationError(Tensor.zeros([2, 5, 3], dtype: .float64), [])
            == "input must have the type torch.float32, got type torch.float64")
    }
}
