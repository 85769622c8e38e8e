import Testing
import EmberAutograd
import EmberCore
@testable import EmberOptim

/// Large parameters are updated in pieces on Core's pool: the bits must not depend on the
/// thread count, and must equal the tensor-op reference path.
@Suite(.serialized) struct ParallelUpdateTests {
    func step(threads: Int, contiguous: Bool) throws -> [Double] {
        let saved = Parallel.numThreads
        Parallel.setNumThreads(threads)
        defer { Parallel.setNumThreads(saved) }
        let n = 100_003
        let values = (0..<n).map { Float(($0 % 97) - 48) / 17 }
        let p = contiguous ? Tensor(values, shape: [n]) : Tensor(values.flatMap { [$0, 0] }, shape: [n, 2]).select(dim: 1, index: 0).detach()
        p.requiresGrad = true
        p.grad = Tensor((0..<n).map { Float(($0 % 89) - 44) / 13 }, shape: [n])
        let adam = try Adam([p], lr: 0.01, weightDecay: 0.1, amsgrad: true)
        try adam.step()
        try adam.step()
        return p.detach().doubleScalars
    }

    @Test func largeFusedUpdatesAreTheSameForAnyThreadCount() throws {
        let one = try step(threads: 1, contiguous: true)
        let two = try step(threads: 2, contiguous: true)
        #expect(one == two)
        let reference = try step(threads: 2, contiguous: false)
        #expect(zip(two, reference).allSatisfy { Swift.abs($0 - $1) <= 1e-6 * Swift.max(1, Swift.abs($1)) })
    }
}
