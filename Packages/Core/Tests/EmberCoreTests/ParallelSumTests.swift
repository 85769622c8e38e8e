import Testing
@testable import EmberCore

@Suite struct ParallelSumTests {
    /// Rows long enough to be summed on the pool give the sequential pairwise result bit
    /// for bit, so a sum never depends on the thread count.
    @Test func twoThreadSumEqualsTheSequentialOrder() {
        let n = CascadeSum.parallelMinimum + 12_345
        let floats = (0..<n).map { Float(($0 * 7919) % 10_007) * 1e-3 - 5 }
        let doubles = floats.map(Double.init)
        floats.withUnsafeBufferPointer { p in
            #expect(CascadeSum.contiguous(p.baseAddress!, n) == CascadeSum.contiguousSequential(p.baseAddress!, n))
        }
        doubles.withUnsafeBufferPointer { p in
            #expect(CascadeSum.contiguous(p.baseAddress!, n) == CascadeSum.contiguousSequential(p.baseAddress!, n))
        }
        let t = Tensor(floats, shape: [n])
        #expect(t.sum().item(as: Float.self) == floats.withUnsafeBufferPointer { CascadeSum.contiguousSequential($0.baseAddress!, n) })
    }
}
