import Foundation
import Testing
@testable import EmberCore

@Suite struct FastMathTests {
    /// The distance in units in the last place between `a` and the correctly rounded `e`.
    private func ulps(_ a: Float, _ e: Double) -> Double {
        let exact = Float(e)
        if a == exact { return 0 }
        return abs(Double(a) - e) / Double(exact.ulp)
    }

    @Test func expIsWithinTwoUlpsAcrossTheRange() {
        var worst = 0.0
        var x: Float = -103
        while x < 88.7 {
            worst = max(worst, ulps(FastMath.exp(x), Foundation.exp(Double(x))))
            x += 0.0137
        }
        for x: Float in [0, -0.0, 1e-8, -1e-8, 0.5, -0.5, 0.34657359, 88.72, -87.3] {
            worst = max(worst, ulps(FastMath.exp(x), Foundation.exp(Double(x))))
        }
        #expect(worst <= 2, "worst error \(worst) ulp")
    }

    @Test func expSpecialValues() {
        #expect(FastMath.exp(.nan).isNaN)
        #expect(FastMath.exp(.infinity) == .infinity)
        #expect(FastMath.exp(-.infinity) == 0)
        #expect(FastMath.exp(89) == .infinity)
        #expect(FastMath.exp(-120) == 0)
        #expect(FastMath.exp(0) == 1)
        // Gradual underflow: exp(-100) ≈ 3.72e-44 is subnormal, not flushed to zero.
        let sub = FastMath.exp(-100)
        #expect(sub > 0 && sub < Float.leastNormalMagnitude)
        #expect(abs(Double(sub) - Foundation.exp(-100.0)) <= Double(Float.leastNonzeroMagnitude))
    }
}
