import Testing
import EmberCore
@testable import EmberAutograd

/// In-place operations on views rebase the base's history (PyTorch's CopySlices).
@Suite struct InPlaceViewTests {
    @Test func inPlaceOnASliceReachesTheBase() throws {
        let x = leaf([1, 2, 3], [3])
        let y = x * Scalar.double(1)
        y.select(dim: 0, index: 0).mul_(Tensor(wrapping: 5.0))
        #expect(doubles(y) == [5, 2, 3])
        try (y * y).sum().backward()
        #expect(doubles(x.grad) == [50, 4, 6])  // d(25 x0²)/dx0 = 50 x0
    }

    @Test func copyIntoAViewSendsGradientsToTheSource() throws {
        let x = leaf([1, 2, 3, 4], [2, 2])
        let w = leaf([7, 8], [2])
        let z = x.clone()
        z.select(dim: 1, index: 1).copy_(w)
        #expect(doubles(z) == [1, 7, 3, 8])
        #expect(z.gradFn != nil)
        try (z * Tensor([1.0, 2, 3, 4], shape: [2, 2])).sum().backward()
        #expect(doubles(x.grad) == [1, 0, 3, 0])
        #expect(doubles(w.grad) == [2, 4])
    }

    @Test func viewOfALeafCannotChangeInPlace() throws {
        let x = leaf([1, 2, 3], [3])
        let v = x.slice(dim: 0, start: 0, end: 2)
        #expect(message { _ = try Dispatcher.shared.call("mul_", [.tensor(v), .tensor(Tensor(wrapping: 2.0))]) }
                == "a view of a leaf Variable that requires grad is being used in an in-place operation.")
    }

    @Test func inPlaceGradcheckThroughAView() throws {
        let x = leaf([0.5, -1.5, 2.0, 0.25], [2, 2])
        try Autograd.gradcheck({ xs in
            let y = xs[0].sin()  // saves its input, not its output (exp would make this an error)
            y.transpose(0, 1).select(dim: 0, index: 1).mul_(xs[0].select(dim: 1, index: 0))
            return [y]
        }, inputs: [x])
    }

    @Test func gradcheckThroughAViewOfABaseChangedLater() throws {
        let x = leaf([0.5, -1.5, 2.0, 0.25, 1.25], [5]), b = leaf([1.5, -0.5, 0.75, 2.0, -1.0], [5])
        let f: ([Tensor]) throws -> [Tensor] = { xs in
            let a = xs[0].clone()
            let v1 = a.slice(dim: 0, end: 3), v2 = a.slice(dim: 0, start: 1)
            a.mul_(xs[1])
            v1.mul_(v2.slice(dim: 0, end: 3) + xs[1].slice(dim: 0, end: 3))  // both views are stale here
            return [v2 * v2, a]
        }
        try Autograd.gradcheck(f, inputs: [x, b])
        try Autograd.gradgradcheck(f, inputs: [x, b])
    }

    @Test func gradcheckIntoAViewOfABaseWithoutGrad() throws {
        let y = leaf([0.5, -1.5, 2.0], [3])
        let f: ([Tensor]) throws -> [Tensor] = { xs in
            let base = Tensor([1.0, 2, 3, 4, 5, 6], shape: [2, 3])
            let column = base.t().select(dim: 0, index: 2)
            column.copy_(xs[0].slice(dim: 0, end: 2))
            base.select(dim: 1, index: 0).mul_(xs[0].slice(dim: 0, start: 1).exp())
            return [base * base, column]
        }
        try Autograd.gradcheck(f, inputs: [y])
        try Autograd.gradgradcheck(f, inputs: [y])
    }

    @Test func gradcheckThroughAsStridedOfANonContiguousBase() throws {
        let x = transposedLeaf([0.5, -1.5, 2.0, 0.25, 1.25, -0.75], rows: 2, cols: 3)
        let y = leaf([1.5, -0.5], [2])
        let f: ([Tensor]) throws -> [Tensor] = { xs in
            let a = xs[0] * Scalar.double(1)
            let s = a.t().asStrided(size: [2], stride: [2], storageOffset: 1)
            s.mul_(xs[1])
            return [a.sin()]
        }
        try Autograd.gradcheck(f, inputs: [x, y])
        try Autograd.gradgradcheck(f, inputs: [x, y])
    }

    @Test func viewsAreMarkedWithTheirBase() throws {
        let root = Tensor([1.0, 2, 3, 4, 5, 6], shape: [2, 3])
        let v = root.t().select(dim: 0, index: 1)
        #expect(v.base === root && root.base == nil && v.isView && !root.isView)
        #expect(root.clone().base == nil && v.detach().base == nil)
    }

    @Test func aViewOfATemporaryWithHistoryRebasesItself() throws {
        // As an operator that returns a view of its own temporary: the result has history
        // but is not a differentiable view of that temporary.
        let x = leaf([1, 2, 3], [3])
        let temp = Tensor([0.0, 0, 0], shape: [3])
        let y = x * Scalar.double(2)
        y.base = temp
        y.mul_(x)
        try y.sum().backward()
        #expect(doubles(x.grad) == [4, 8, 12])  // d(2x²)/dx
        #expect(temp.gradFn == nil)
    }
}
