import Testing
@testable import EmberCore

/// threshold_backward against values printed by PyTorch 2.13
/// (`torch.ops.aten.threshold_backward(grad, self, threshold)`).
@Suite struct ThresholdBackwardTests {
    @Test func masksWhereSelfIsAtOrBelowThreshold() {
        let g = Tensor([Double](arrayLiteral: 1, 2, 3, 4), shape: [4]), x = Tensor([Double.nan, 0, -1, 0.25], shape: [4])
        #expect(Tensor.thresholdBackward(g, x, threshold: 0).scalars(as: Double.self) == [1, 0, 0, 4])
        let gf = Tensor([Float(1), 2, 3, 4]), xf = Tensor([Float(0.5), 0.75, -1, 0.25])
        #expect(Tensor.thresholdBackward(gf, xf, threshold: 0.5).scalars(as: Float.self) == [0, 2, 0, 0])
    }

    @Test func broadcastsAndPromotes() {
        let g = Tensor([Float(1), 2]), x = Tensor([Double](arrayLiteral: 0, 1, 2, -3), shape: [2, 2])
        let out = Tensor.thresholdBackward(g, x, threshold: 0)
        #expect(out.shape == [2, 2] && out.dtype == .float64)
        #expect(out.scalars(as: Double.self) == [0, 2, 1, 0])
        let promoted = Tensor.thresholdBackward(Tensor([Float(1), 2, 3]), Tensor([0, 1, 2]), threshold: 0)
        #expect(promoted.dtype == .float32 && promoted.scalars(as: Float.self) == [0, 2, 3])
    }

    @Test func stridedInputs() {
        let x = Tensor([Double](arrayLiteral: -1, 2, 3, -4, 5, -6), shape: [2, 3]).t()
        let g = Tensor((1...6).map(Double.init), shape: [3, 2])
        // x.t() = [[-1, -4], [2, 5], [3, -6]]
        #expect(Tensor.thresholdBackward(g, x, threshold: 0).scalars(as: Double.self) == [0, 0, 3, 4, 5, 0])
    }

    @Test func longContiguousRunsMatchTheDefinition() {
        // 37 elements: the unrolled loop and its tail; values around the threshold, with ties.
        let xs = (0..<37).map { Float(($0 * 7) % 11) * 0.25 - 1 }, gs = (0..<37).map { Float($0) + 0.5 }
        for dtype in [DType.float32, .float64] {
            let out = Tensor.thresholdBackward(Tensor(gs, shape: [37]).to(dtype), Tensor(xs, shape: [37]).to(dtype), threshold: 0.25)
            #expect(out.to(.float32).scalars(as: Float.self) == zip(gs, xs).map { $1 <= 0.25 ? 0 : $0 })
        }
    }

    @Test func integersTruncateAFractionalThreshold() {
        let g = Tensor([1, 2, 3])
        #expect(Tensor.thresholdBackward(g, Tensor([0, 1, 2]), threshold: 1.5).scalars(as: Int64.self) == [0, 0, 3])
        #expect(Tensor.thresholdBackward(g, Tensor([0, -1, 2]), threshold: -0.5).scalars(as: Int64.self) == [0, 0, 3])
    }

    @Test func boolIsNotImplemented() throws {
        let b = Tensor([true])
        do {
            _ = try Dispatcher.shared.call("threshold_backward", [.tensor(b), .tensor(b), .scalar(0)])
            Issue.record("threshold_backward accepted bool tensors")
        } catch let error as EmberError {
            #expect(error.message == "\"threshold_cpu\" not implemented for 'Bool'")
        }
    }
}
