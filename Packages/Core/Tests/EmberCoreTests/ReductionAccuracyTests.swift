import Testing
@testable import EmberCore

/// Float32 sums are pairwise-accurate like PyTorch's cascade sum, on every loop path:
/// contiguous rows (SIMD leaves), strided rows (scalar leaves), and column blocks.
@Suite struct ReductionAccuracyTests {
    @Test func sixteenMillionOnesSumExactly() {
        let n = 1 << 24
        let x = Tensor([Float](repeating: 1, count: n), shape: [n])
        #expect(x.sum().item(as: Float.self) == 16_777_216)
        #expect(x.mean().item(as: Float.self) == 1)
    }

    @Test func tenMillionTenthsSumWithinOnePPM() {
        let n = 10_000_000
        let x = Tensor([Float](repeating: 0.1, count: n), shape: [n])
        let s = Double(x.sum().item(as: Float.self))
        #expect(abs(s - 1e6) <= 1e-6 * 1e6)
        // A naive float32 running sum is off by over 8% here; check the test can tell.
        var naive: Float = 0
        for _ in 0..<n { naive += 0.1 }
        #expect(abs(Double(naive) - 1e6) > 1e4)
    }

    @Test func stridedRowsSumPairwise() {
        // Every other element of 8M: a stride-2 row of 4M tenths.
        let n = 1 << 23
        let base = Tensor([Float](repeating: 0.1, count: n), shape: [n])
        let strided = Tensor(storage: base.storage, shape: [n / 2], strides: [2], storageOffset: 0, dtype: .float32)
        let expected = Double(n / 2) * Double(Float(0.1))
        #expect(abs(Double(strided.sum().item(as: Float.self)) - expected) <= 1e-6 * expected)
    }

    @Test func columnSumsPairwise() {
        // 2^18 rows of 16 columns, summed over the rows (the column-block path).
        let rows = 1 << 18, cols = 16
        let x = Tensor([Float](repeating: 0.1, count: rows * cols), shape: [rows, cols])
        let expected = Double(rows) * Double(Float(0.1))
        for s in x.sum(dim: 0).scalars(as: Float.self) {
            #expect(abs(Double(s) - expected) <= 1e-6 * expected)
        }
        let ones = Tensor([Float](repeating: 1, count: rows * cols), shape: [rows, cols])
        #expect(ones.sum(dim: 0).scalars(as: Float.self) == [Float](repeating: Float(rows), count: cols))
    }
}
