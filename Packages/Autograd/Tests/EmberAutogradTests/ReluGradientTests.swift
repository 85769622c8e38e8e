import Testing
import EmberCore
@testable import EmberAutograd

/// relu's gradient through the fused threshold_backward operator, and threshold_backward's
/// own derivative (double backward), on inputs of both signs.
@Suite struct ReluGradientTests {
    @Test func reluGradientMasksNonPositiveResults() throws {
        let x = Tensor([Double](arrayLiteral: -1, 0, 2, -0.5, 3), shape: [5])
        x.requiresGrad = true
        let g = Tensor([Double](arrayLiteral: 10, 20, 30, 40, 50), shape: [5])
        try x.relu().backward(gradient: g)
        // PyTorch: relu's gradient at 0 is 0.
        #expect(x.grad?.scalars(as: Double.self) == [0, 0, 30, 0, 50])
    }

    @Test func gradcheckAndGradgradcheckOnMixedSigns() throws {
        let a = leaf([0.3, -1.2, 0.8, 1.5, -0.4, 0.9], [2, 3])
        try Autograd.gradcheck({ [$0[0].relu()] }, inputs: [a])
        try Autograd.gradgradcheck({ [$0[0].relu()] }, inputs: [a])
    }

    @Test func thresholdBackwardDerivative() throws {
        let g = leaf([0.3, -1.2, 0.8, 1.5, -0.4, 0.9], [2, 3]), x = leaf([0.7, -0.6, 1.1, 0.2, 0.9, -1.3], [2, 3])
        try Autograd.gradcheck({ [Tensor.thresholdBackward($0[0], $0[1], threshold: 0.5)] }, inputs: [g, x])
        try Autograd.gradgradcheck({ [Tensor.thresholdBackward($0[0], $0[1], threshold: 0.5)] }, inputs: [g, x])
        // Linear in grad_output: the gradient of sum(threshold_backward(g, x)) is the mask.
        try Tensor.thresholdBackward(g, x, threshold: 0.5).sum().backward()
        #expect(g.grad?.scalars(as: Double.self) == [1, 0, 1, 0, 1, 0])
        #expect(x.grad?.scalars(as: Double.self) == [0, 0, 0, 0, 0, 0])
    }
}
