import EmberAutograd
import EmberCore
@testable import EmberOptim
import Foundation
import Testing

/// clipGradNorm / clipGradValue against PyTorch.
@Suite struct ClipGradTests {
    static var clip: [String: Any] { fixture["clip"] as! [String: Any] }

    static func params(_ dtype: DType = .float64) -> [Tensor] {
        let shapes = clip["shapes"] as! [[Int]]
        return zip(clip["grads"] as! [Any], shapes).map { g, shape in
            let p = Tensor.zeros(shape, dtype: dtype)
            p.requiresGrad = true
            p.grad = Tensor(numbers(g), shape: shape).to(dtype)
            return p
        }
    }

    @Test(arguments: [DType.float64, .float32])
    func normClippingMatchesPyTorch(_ dtype: DType) throws {
        let tol = dtype == .float64 ? 1e-12 : 1e-5
        for c in Self.clip["norm"] as! [[String: Any]] {
            let normType = (c["norm_type"] as? String) == "inf" ? Double.infinity : (c["norm_type"] as! NSNumber).doubleValue
            let ps = Self.params(dtype)
            let total = try clipGradNorm(ps, maxNorm: (c["max_norm"] as! NSNumber).doubleValue, normType: normType)
            #expect(total.dtype == dtype && total.shape == [])
            #expect(close([total.item().doubleValue], [(c["total"] as! NSNumber).doubleValue], tol: tol), "p=\(normType)")
            #expect(close(ps.flatMap { doubles($0.grad!) }, numbers(c["grads"]), tol: tol), "p=\(normType)")
        }
    }

    @Test func valueClippingMatchesPyTorch() {
        let ps = Self.params()
        clipGradValue(ps, clipValue: 0.5)
        #expect(ps.flatMap { doubles($0.grad!) } == numbers(Self.clip["value"]))
    }

    @Test func nonFiniteNormThrowsWhenAsked() throws {
        let p = Tensor.zeros([2]); p.requiresGrad = true
        p.grad = Tensor([Float.infinity, 1], shape: [2])
        #expect(message { _ = try clipGradNorm([p], maxNorm: 1, errorIfNonfinite: true) } == Self.clip["nonfinite"] as? String)
        let total = try clipGradNorm([p], maxNorm: 1)
        #expect(total.item().doubleValue == .infinity)
    }

    @Test func noGradientsGiveAZeroNorm() throws {
        let p = Tensor.zeros([2]); p.requiresGrad = true
        #expect(try clipGradNorm([p], maxNorm: 1).item().doubleValue == 0)
    }
}
