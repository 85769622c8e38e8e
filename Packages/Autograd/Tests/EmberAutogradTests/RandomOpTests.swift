import Testing
import EmberCore
@testable import EmberAutograd

/// Random operators: their draws give zero gradients to their parameters (PyTorch's rule).
@Suite struct RandomOpTests {
    @Test func inPlaceFillsGiveZeroGradient() throws {
        let x = leaf([1, 2, 3], [3])
        let y = x * Scalar.double(2)
        _ = try Dispatcher.shared.call("uniform_", [.tensor(y), .double(0), .double(1), .none])
        #expect(y.requiresGrad)
        try (y * y).sum().backward()
        #expect(doubles(x.grad) == [0, 0, 0])
        #expect(message { _ = try Dispatcher.shared.call("normal_", [.tensor(x), .double(0), .double(1), .none]) }
                == "a leaf Variable that requires grad is being used in an in-place operation.")
    }

    @Test func drawsGiveZeroGradientToTheirParameters() throws {
        let mean = leaf([0, 1], [2]), std = leaf([1, 2], [2])
        let z = try Dispatcher.shared.call("normal", [.tensor(mean), .tensor(std), .none])[0].tensorValue!
        try z.sum().backward()
        #expect(doubles(mean.grad) == [0, 0] && doubles(std.grad) == [0, 0])
        let p = leaf([0.2, 0.9], [2])
        let b = try Dispatcher.shared.call("bernoulli", [.tensor(p), .none, .none])[0].tensorValue!
        try b.sum().backward()
        #expect(doubles(p.grad) == [0, 0])
    }
}
