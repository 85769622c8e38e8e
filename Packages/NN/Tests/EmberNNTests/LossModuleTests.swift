import Foundation
import Testing
import EmberCore
import EmberAutograd
import EmberTestSupport
@testable import EmberNN

/// Loss modules, the seed program's loss, printing and error messages against PyTorch.
@Suite struct LossModuleTests {
    let fixture = try! Fixture("loss")

    @Test func seedProgramBCEOfSigmoid() throws {
        let x = Tensor([Float(-4.5), 0.7, 3.3], shape: [3]), y = Tensor([Float(1), 0, 1], shape: [3])
        let loss = BCELoss()(x.sigmoid(), y)
        #expect(loss.dtype == .float32)
        expectClose(loss, try fixture.tensor("seed_bce"), rtol: 1e-6)
        // By hand: −(log σ(−4.5) + log(1 − σ(0.7)) + log σ(3.3)) / 3.
        let s = { (v: Double) in 1 / (1 + Foundation.exp(-v)) }
        let hand = -(Foundation.log(s(-4.5)) + Foundation.log(1 - s(0.7)) + Foundation.log(s(3.3))) / 3
        #expect(Swift.abs(loss.item(as: Float.self) - Float(hand)) < 1e-5)
        #expect(String(format: "%.4f", hand) == "1.8835")
    }

    @Test func crossEntropyModuleInFloat32() throws {
        let x = try fixture.tensor("seed_ce32_x"), t = try fixture.tensor("ce_mean_target")
        let loss = CrossEntropyLoss(labelSmoothing: 0.1)(x, t)
        expectClose(loss, try fixture.tensor("seed_ce32"), rtol: 1e-5)
    }

    @Test func modulesPrintLikePyTorch() throws {
        let reprs = try #require(fixture["reprs"] as? [String: String])
        let modules: [String: Module] = [
            "mse": MSELoss(), "l1": L1Loss(reduction: .sum), "smoothl1": SmoothL1Loss(beta: 0.5), "huber": HuberLoss(delta: 2),
            "bce": BCELoss(), "bcel": BCEWithLogitsLoss(), "ce": CrossEntropyLoss(), "ce2": CrossEntropyLoss(labelSmoothing: 0.1),
            "nll": NLLLoss(), "kl": KLDivLoss(reduction: .batchMean),
        ]
        for (key, module) in modules { #expect(module.description == reprs[key], "\(key)") }
    }

    @Test func modulesCallTheirFunctionalForms() {
        let x = Tensor([0.5, -1.0, 2.0], shape: [3]), y = Tensor([1.0, 1.0, 1.0], shape: [3])
        let mse: Double = (0.25 + 4 + 1) / 3
        #expect(MSELoss()(x, y).item(as: Double.self) == mse)
        #expect(MSELoss(reduction: .sum)(x, y).item(as: Double.self) == 5.25)
        let l1: [Double] = [0.5, 2, 1]
        #expect(L1Loss(reduction: .none)(x, y).doubleScalars == l1)
        let smooth: Double = 0.125 + 1.5 + 0.5, huber: Double = 0.125 + 0.5 * 1.75 + 0.5 * 0.75
        #expect(SmoothL1Loss(reduction: .sum, beta: 1)(x, y).item(as: Double.self) == smooth)
        #expect(HuberLoss(reduction: .sum, delta: 0.5)(x, y).item(as: Double.self) == huber)
        let logits = Tensor([1.0, 2.0, 0.5, -1.0], shape: [2, 2]), t = Tensor([Int64(1), 0], shape: [2])
        let ce = CrossEntropyLoss()(logits, t), nll = NLLLoss()(logits.logSoftmax(dim: 1), t)
        #expect(Swift.abs(ce.item(as: Double.self) - nll.item(as: Double.self)) < 1e-15)
    }

    @Test func weightsAreBuffersInTheStateDict() {
        let w = Tensor([1.0, 2.0], shape: [2])
        #expect(CrossEntropyLoss(weight: w).stateDict().keys.sorted() == ["weight"])
        #expect(BCEWithLogitsLoss(weight: w, posWeight: w).stateDict().keys.sorted() == ["pos_weight", "weight"])
        #expect(MSELoss().stateDict().isEmpty)
        #expect(NLLLoss().stateDict().isEmpty)
    }

    @Test func doubleBackwardThroughLosses() throws {
        let x = Tensor([0.3, -1.2, 0.8, 2.0, -0.5, 0.1], shape: [2, 3]), t = Tensor([Int64(2), 0], shape: [2])
        let p = Tensor([0.3, 0.8, 0.55, 0.1, 0.93, 0.42], shape: [2, 3]), y = Tensor([1, 0, 0.5, 0.2, 1, 0], shape: [2, 3])
        for v in [x, p] { v.requiresGrad = true }
        let pw = Tensor([2.0, 0.5, 1.0], shape: [3])
        try secondOrder({ [Functional.crossEntropy($0[0], t, labelSmoothing: 0.2)] }, inputs: [x])
        try secondOrder({ [Functional.binaryCrossEntropy($0[0], y)] }, inputs: [p])
        try secondOrder({ [Functional.binaryCrossEntropyWithLogits($0[0], y, posWeight: pw)] }, inputs: [x])
        try secondOrder({ [Functional.huberLoss($0[0], y, delta: 0.65)] }, inputs: [x])
        try secondOrder({ [Functional.interpolate($0[0].reshape([1, 1, 2, 3]), size: [3, 5], mode: .bilinear)] }, inputs: [x])
    }

    func secondOrder(_ f: @escaping ([Tensor]) throws -> [Tensor], inputs: [Tensor],
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        do { #expect(try Autograd.gradgradcheck(f, inputs: inputs), sourceLocation: sourceLocation) } catch {
            Issue.record("\(error)", sourceLocation: sourceLocation)
        }
    }

    func message(_ op: String, _ args: [IValue]) -> String? {
        errorText { _ = try Dispatcher.shared.call(op, args) }
    }

    @Test func errorsMatchPyTorch() throws {
        EmberNN.register()
        let e = try #require(fixture["errors"] as? [String: String])
        let x31 = Tensor.rand([3, 1]), x3 = Tensor.rand([3]), logits = Tensor.randn([3, 4])
        #expect(message("binary_cross_entropy", [.tensor(x31), .tensor(x3), .none, .int(1)]) == e["bce_shape"])
        #expect(message("binary_cross_entropy_with_logits", [.tensor(x31), .tensor(x3), .none, .none, .int(1)]) == e["bcel_shape"])
        let nll = { (t: Tensor, w: Tensor?) in self.message("nll_loss", [.tensor(logits), .tensor(t), w.map(IValue.tensor) ?? .none, .int(1), .int(-100)]) }
        #expect(nll(Tensor([Int64(0), 5, 1], shape: [3]), nil) == e["nll_bounds"])
        #expect(nll(Tensor([Float(0), 1, 1], shape: [3]), nil) == e["nll_dtype"])
        #expect(nll(Tensor([Int64(0), 1], shape: [2]), nil) == e["nll_batch"])
        #expect(nll(Tensor([Int64(0), 1, 2], shape: [3]), Tensor.ones([3])) == e["nll_weight"])
        let ce = { (t: Tensor) in self.message("cross_entropy_loss", [.tensor(logits), .tensor(t), .none, .int(1), .int(-100), .double(0)]) }
        #expect(ce(Tensor([Int64(0), 5, 1], shape: [3])) == e["ce_bounds"])
        #expect(ce(Tensor.rand([3, 5])) == e["ce_probs_shape"])
        let x123 = Tensor.randn([1, 2, 3])
        #expect(message("pad", [.tensor(x123), .ints([3, 0]), .string("reflect"), .none]) == e["reflect_big"])
        #expect(message("pad", [.tensor(x123), .ints([1, 0, 1]), .string("constant"), .none]) == e["pad_odd"])
        #expect(message("pad", [.tensor(x123), .ints([1, 1]), .string("wrap"), .none]) == e["pad_mode"])
        #expect(ce(Tensor.rand([3, 4])) == nil)
        #expect(message("cross_entropy_loss", [.tensor(logits), .tensor(Tensor.rand([3, 4])), .none, .int(1), .int(1), .double(0)])
                == e["ce_probs_ignore"])
        #expect(message("mse_loss", [.tensor(logits), .tensor(Tensor.rand([3, 5])), .int(1)])?.hasPrefix(e["mse_shape"]!) == true)
        #expect(message("pad", [.tensor(x123), .ints([1, 1]), .string("reflect"), .double(1)]) == e["reflect_value"])
        #expect(message("pad", [.tensor(Tensor.randn([2, 3])), .ints([1, 1, 1, 1, 1, 1]), .string("reflect"), .none]) == e["pad_long"])
        #expect(message("pad", [.tensor(x123), .ints([4, 0]), .string("circular"), .none]) == e["circular_big"])
        #expect(message("binary_cross_entropy", [.tensor(Tensor([Float(1.5)], shape: [1])), .tensor(Tensor([Float(1)], shape: [1])), .none, .int(1)])?
                .hasPrefix(e["bce_range"]!) == true)
        // Messages without a PyTorch fixture still name the op and the shapes.
        let err = try #require(nll(Tensor([Int64(0), 1, 2], shape: [3]), Tensor.ones([3])))
        #expect(err.contains("[3]"))
        #expect(message("upsample_nearest2d", [.tensor(x123), .ints([2, 2]), .none, .none])?.contains("[1, 2, 3]") == true)
    }

    @Test func mseBroadcastsLikePyTorchAndPromotes() {
        let x = Tensor([1.0, 2.0, 3.0], shape: [3, 1]), y = Tensor([Float(0), 1], shape: [2])
        let loss = Functional.mseLoss(x, y, reduction: .none)
        #expect(loss.shape == [3, 2])
        #expect(loss.dtype == .float64)
        let expected: [Double] = [1, 0, 4, 1, 9, 4]
        #expect(loss.doubleScalars == expected)
    }

    @Test func padAndInterpolateByHand() {
        let x = Tensor([1.0, 2, 3], shape: [1, 3])
        #expect(Functional.pad(x, [2, 2], mode: .reflect).doubleScalars == [3, 2, 1, 2, 3, 2, 1])
        #expect(Functional.pad(x, [2, 1], mode: .replicate).doubleScalars == [1, 1, 1, 2, 3, 3])
        #expect(Functional.pad(x, [1, 2], mode: .circular).doubleScalars == [3, 1, 2, 3, 1, 2])
        #expect(Functional.pad(x, [-1, 1], value: 9).doubleScalars == [2, 3, 9])
        let img = Tensor([1.0, 2, 3, 4], shape: [1, 1, 2, 2])
        let nearest: [Double] = [1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4]
        let corners: [Double] = [1, 1.5, 2, 2, 2.5, 3, 3, 3.5, 4]
        #expect(Functional.interpolate(img, scaleFactor: 2).doubleScalars == nearest)
        #expect(Functional.interpolate(img, size: [3, 3], mode: .bilinear, alignCorners: true).doubleScalars == corners)
    }
}
