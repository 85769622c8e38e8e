import Testing
import EmberCore
@testable import EmberAutograd

/// A view taken while its base was outside the graph joins the graph once the base gains
/// history, as in PyTorch (values from torch 2.13).
@Suite struct ViewJoinTests {
    @Test func aPlainViewFollowsItsBaseIntoTheGraph() throws {
        let base = Tensor([1.0, 2, 3, 4], shape: [4])
        let v = base.slice(dim: 0, start: 0, end: 2)
        let x = leaf([1, 1, 1, 1], [4])
        #expect(!v.requiresGrad)
        base.mul_(x)
        #expect(v.requiresGrad && !v.isLeaf)
        #expect(v.gradFn?.name == "AsStridedBackward0")
        try (v * Scalar.double(3)).sum().backward()
        #expect(doubles(x.grad) == [3, 6, 0, 0])
    }

    @Test func aSiblingViewSeesHistoryMadeThroughAnotherView() throws {
        let base = Tensor([1.0, 2, 3, 4], shape: [4])
        let v1 = base.slice(dim: 0, start: 0, end: 2), v2 = base.slice(dim: 0, start: 1, end: 3)
        let x = leaf([5, 6], [2])
        v1.mul_(x)
        #expect(doubles(v2) == [12, 3])
        #expect(v2.requiresGrad && v2.gradFn?.name == "AsStridedBackward0")
        try (v2 * v2).sum().backward()
        #expect(doubles(x.grad) == [0, 48])
    }

    @Test func viewsOfBasesOutsideTheGraphStayOutside() {
        let base = Tensor([Float](repeating: 0, count: 3), shape: [3])
        let w = base.slice(dim: 0, start: 1, end: 3)
        #expect(!w.requiresGrad && w.gradFn == nil && w.isLeaf)
        #expect(!(w * w).requiresGrad)
    }

    @Test func viewsMadeUnderNoGradStayOutside() {
        let base = Tensor([1.0, 2, 3, 4], shape: [4])
        let v = noGrad { base.slice(dim: 0, start: 0, end: 2) }
        base.mul_(leaf([1, 1, 1, 1], [4]))
        #expect(base.requiresGrad && !v.requiresGrad && v.gradFn == nil)
    }
}
