import Testing
@testable import EmberCore

/// Float32 sums must be pairwise-accurate like PyTorch's cascade sum.
@Suite struct ReductionAccuracyTests {
    @Test func sixteenMillionOnesSumExactly() {
        let n = 1 << 24
        let x = Tensor([Float](repeating: 1, count: n), shape: [n])
        #expect(x.sum().item(as: Float.self) == 16_777_216)
    }

    @Test func tenMillionTenthsSumWithinOnePPM() {
        let n = 10_000_000
        let x = Tensor([Float](repeating: 0.1, count: n), shape: [n])
        let s = Double(x.sum().item(as: Float.self))
        #expect(abs(s - 1e6) <= 1e-6 * 1e6)
    }
}
