import Dispatch
import Foundation
import Synchronization
import Testing
@testable import EmberCore

/// The thread pool: coverage of every index, nesting, concurrent callers, thread-count
/// settings, and thread-count-independent reductions. Serialized: the tests change the
/// process-wide thread count (other suites' results do not depend on it).
@Suite(.serialized) struct ThreadPoolTests {
    /// Runs `body` with each thread count, then restores the original one.
    func withThreadCounts(_ counts: [Int], _ body: (Int) -> Void) {
        let original = Parallel.numThreads
        defer { Parallel.setNumThreads(original) }
        for n in counts {
            Parallel.setNumThreads(n)
            body(n)
        }
    }

    @Test func everyIndexRunsExactlyOnce() {
        withThreadCounts([1, 2, 3, 4]) { threads in
            for count in [1, 2, 7, 64, 1000] {
                let hits = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
                hits.initialize(repeating: 0)
                defer { hits.deallocate() }
                for _ in 0..<5 { Parallel.forEach(count) { hits[$0] += 1 } }
                #expect(hits.allSatisfy { $0 == 5 }, "threads \(threads), count \(count)")
            }
        }
    }

    @Test func rangesPartitionTheCount() {
        withThreadCounts([1, 2, 4]) { threads in
            for (count, grain) in [(0, 4), (5, 4), (100, 4), (1000, 16), (12_345, 100)] {
                let hits = UnsafeMutableBufferPointer<Int>.allocate(capacity: Swift.max(count, 1))
                hits.initialize(repeating: 0)
                defer { hits.deallocate() }
                Parallel.forEachRange(count, grain: grain) { r in for i in r { hits[i] += 1 } }
                #expect(hits.prefix(count).allSatisfy { $0 == 1 }, "threads \(threads), count \(count)")
            }
        }
    }

    @Test func nestedCallsRunAndDoNotDeadlock() {
        withThreadCounts([2, 4]) { _ in
            let hits = UnsafeMutableBufferPointer<Int>.allocate(capacity: 8 * 50)
            hits.initialize(repeating: 0)
            defer { hits.deallocate() }
            Parallel.forEach(8) { i in
                Parallel.forEach(50) { j in hits[i * 50 + j] += 1 }
            }
            #expect(hits.allSatisfy { $0 == 1 })
        }
    }

    @Test func concurrentCallersAllComplete() {
        withThreadCounts([2]) { _ in
            let totals = Mutex([Int](repeating: 0, count: 6))
            DispatchQueue.concurrentPerform(iterations: 6) { caller in
                let partial = UnsafeMutableBufferPointer<Int>.allocate(capacity: 100)
                partial.initialize(repeating: 0)
                defer { partial.deallocate() }
                for _ in 0..<20 { Parallel.forEach(100) { partial[$0] += $0 } }
                let sum = partial.reduce(0, +)
                totals.withLock { $0[caller] = sum }
            }
            #expect(totals.withLock { $0 } == [Int](repeating: 20 * 4950, count: 6))
        }
    }

    @Test func threadCountIsClampedAndReadBack() {
        withThreadCounts([0, 3]) { n in
            #expect(Parallel.numThreads == Swift.max(n, 1))
        }
    }

    @Test func sumsAreBitIdenticalForAnyThreadCount() {
        let n = (1 << 20) + 12_345
        let floats = Tensor((0..<n).map { Float(($0 * 7919) % 10_007) * 1e-3 - 5 }, shape: [n])
        let doubles = floats.to(.float64)
        var floatSums: [Float] = [], doubleSums: [Double] = []
        withThreadCounts([1, 2, 3]) { _ in
            floatSums.append(floats.sum().item(as: Float.self))
            doubleSums.append(doubles.sum().item(as: Double.self))
        }
        #expect(Set(floatSums).count == 1, "\(floatSums)")
        #expect(Set(doubleSums).count == 1, "\(doubleSums)")
    }

    @Test func elementwiseAndParallelCopiesMatchScalarLoops() {
        let n = 6 * Elementwise.grain + 3, rows = 6 * Elementwise.grain / 4
        let xs = (0..<n).map { Float($0 % 1000) / 500 - 1 }, ys = (0..<n).map { Float($0 % 777) / 388.5 - 1 }
        let x = Tensor(xs, shape: [n]), y = Tensor(ys, shape: [n])
        let transposed = (0..<4).flatMap { i in (0..<rows).map { j in Double(xs[j * 4 + i]) } }
        withThreadCounts([1, 4]) { threads in
            #expect((x + y).doubleScalars == zip(xs, ys).map { Double($0 + $1) }, "add, \(threads) threads")
            #expect((x * 2).doubleScalars == xs.map { Double($0 * 2) }, "mul, \(threads) threads")
            #expect(x.clone().doubleScalars == xs.map(Double.init), "clone, \(threads) threads")
            let matrix = x.narrow(dim: 0, start: 0, length: 4 * rows).view([rows, 4])
            #expect(matrix.t().contiguous().doubleScalars == transposed, "strided copy, \(threads) threads")
            let lines = matrix.softmax(dim: 1).doubleScalars
            let firstLine = (0..<4).map { Double(xs[$0]) }
            let expected = firstLine.map { Foundation.exp($0) / firstLine.map { Foundation.exp($0) }.reduce(0, +) }
            #expect(zip(lines.prefix(4), expected).allSatisfy { abs($0 - $1) < 1e-6 }, "softmax, \(threads) threads")
        }
    }
}
