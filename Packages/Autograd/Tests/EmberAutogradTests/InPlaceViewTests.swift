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
}
