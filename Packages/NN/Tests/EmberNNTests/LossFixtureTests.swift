import Foundation
import Testing
import EmberCore
import EmberAutograd
import EmberTestSupport
@testable import EmberNN

/// Every case of Fixtures/loss.json (written by Scripts/make_loss_fixtures.py): the loss, pad
/// or interpolate value and the gradients of its inputs, in float64 (tight) and float32.
@Suite struct LossFixtureTests {
    nonisolated(unsafe) static let fixture = try! Fixture("loss")
    nonisolated(unsafe) static let cases: [[String: Any]] = fixture["cases"] as? [[String: Any]] ?? []
    static let names: [String] = cases.compactMap { $0["name"] as? String }

    static func reduction(_ c: [String: Any]) -> Reduction {
        switch c["reduction"] as? String {
        case "none": .none
        case "sum": .sum
        case "batchmean": .batchMean
        default: .mean
        }
    }

    /// Calls the Swift API named by the case.
    static func call(_ c: [String: Any], _ t: [String: Tensor]) -> Tensor {
        let x = t["input"]!, r = reduction(c)
        let ignore = c["ignore_index"] as? Int ?? -100, smoothing = c["label_smoothing"] as? Double ?? 0
        switch c["op"] as? String {
        case "mse_loss": return Functional.mseLoss(x, t["target"]!, reduction: r)
        case "l1_loss": return Functional.l1Loss(x, t["target"]!, reduction: r)
        case "smooth_l1_loss": return Functional.smoothL1Loss(x, t["target"]!, reduction: r, beta: c["beta"] as! Double)
        case "huber_loss": return Functional.huberLoss(x, t["target"]!, reduction: r, delta: c["delta"] as! Double)
        case "binary_cross_entropy": return Functional.binaryCrossEntropy(x, t["target"]!, weight: t["weight"], reduction: r)
        case "binary_cross_entropy_with_logits":
            return Functional.binaryCrossEntropyWithLogits(x, t["target"]!, weight: t["weight"], posWeight: t["pos_weight"], reduction: r)
        case "nll_loss": return Functional.nllLoss(x, t["target"]!, weight: t["weight"], ignoreIndex: ignore, reduction: r)
        case "cross_entropy":
            return Functional.crossEntropy(x, t["target"]!, weight: t["weight"], ignoreIndex: ignore, reduction: r, labelSmoothing: smoothing)
        case "kl_div": return Functional.klDiv(x, t["target"]!, reduction: r, logTarget: c["log_target"] as? Bool ?? false)
        case "pad":
            return Functional.pad(x, c["pad"] as! [Int], mode: Functional.PadMode(rawValue: c["mode"] as! String)!, value: c["value"] as? Double)
        case "interpolate":
            let mode = Functional.InterpolationMode(rawValue: c["mode"] as! String)!
            return Functional.interpolate(x, size: c["size"] as? [Int], scaleFactor: (c["scale_factor"] as? Double).map { [$0] },
                                          mode: mode, alignCorners: c["align_corners"] as? Bool,
                                          recomputeScaleFactor: c["recompute"] as? Bool ?? false)
        default: preconditionFailure("unknown op in \(c)")
        }
    }

    func check(_ name: String, dtype: DType, rtol: Double, atol: Double) throws {
        let c = try #require(Self.cases.first { $0["name"] as? String == name })
        let f = Self.fixture
        let inputs = c["inputs"] as! [String], grads = c["grads"] as! [String]
        var t: [String: Tensor] = [:]
        for k in inputs {
            let v = try f.tensor("\(name)_\(k)")
            t[k] = v.dtype.isFloatingPoint ? v.to(dtype) : v
            if grads.contains(k) { t[k]!.requiresGrad = true }
        }
        let y = Self.call(c, t)
        #expect(y.dtype == dtype, "\(name)")
        expectClose(y, try f.tensor("\(name)_out"), rtol: rtol, atol: atol, "\(name) value (\(dtype))")
        guard !grads.isEmpty else { return }
        try y.backward(gradient: try f.tensor("\(name)_g").to(dtype))
        for k in grads {
            expectClose(t[k]!.grad, try f.tensor("\(name)_grad_\(k)"), rtol: rtol, atol: atol, "\(name) grad \(k) (\(dtype))")
        }
    }

    @Test(arguments: names) func float64MatchesPyTorch(_ name: String) throws {
        try check(name, dtype: .float64, rtol: 1e-10, atol: 1e-12)
    }

    @Test(arguments: names) func float32MatchesPyTorch(_ name: String) throws {
        try check(name, dtype: .float32, rtol: 1e-4, atol: 2e-5)
    }

    @Test func everyOperatorIsCovered() {
        let ops = Set(Self.cases.compactMap { $0["op"] as? String })
        #expect(ops.count == 11, "\(ops.sorted())")
        #expect(Self.names.count > 80)
    }
}
