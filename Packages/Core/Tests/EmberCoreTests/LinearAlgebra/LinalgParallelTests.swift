import Testing
@_spi(EmberBackend) @testable import EmberCore

/// The split of large float products over the pool's threads (above ``FloatGEMM/parallelThreshold``),
/// forced on a small product so that it stays fast in debug builds.
@Suite struct LinalgParallelTests {
    func check<T: GEMMFloat>(_ type: T.Type, beta: T) {
        // 25 rows split at 12 (two MR = 6 panels) and 13 (two panels and a partial one).
        let (m, k, n) = (25, 13, 11)
        let a = LinalgTests.values(m * k, seed: 7).map { T(doubleValue: $0) }
        let b = LinalgTests.values(k * n, seed: 8).map { T(doubleValue: $0) }
        var c = [T](repeating: 1, count: m * n)
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    FloatGEMM.gemm(
                        m: m, n: n, k: k, alpha: 2,
                        MatrixView(base: pa.baseAddress!, rowStride: k, columnStride: 1),
                        MatrixView(base: pb.baseAddress!, rowStride: n, columnStride: 1),
                        beta: beta, OutputMatrix(base: pc.baseAddress!, rowStride: n), parallelAbove: 0)
                }
            }
        }
        let expected = LinalgTests.naive(a.map(\.doubleValue), b.map(\.doubleValue), m: m, k: k, n: n)
            .map { 2 * $0 + beta.doubleValue }
        let worst = zip(c.map(\.doubleValue), expected).map { abs($0 - $1) }.max() ?? 0
        #expect(worst < 1e-5, "\(T.self) beta \(beta): off by \(worst)")
    }

    @Test func splitProductMatchesNaive() {
        check(Float.self, beta: 0)
        check(Float.self, beta: 0.5)
        check(Double.self, beta: 0)
        check(Double.self, beta: -1)
    }
}
