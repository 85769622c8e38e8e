import Testing
@testable import EmberCore

@Suite struct AddTests {
    @Test func broadcastsAndPromotes() {
        let a = Tensor([[1, 2, 3], [4, 5, 6]])
        let b = Tensor([10.0, 20.0, 30.0])
        let c = a + b
        #expect(c.dtype == .float32)
        #expect(c.shape == [2, 3])
        #expect(c.scalars(as: Float.self) == [11, 22, 33, 14, 25, 36])
    }

    @Test func wrappedNumbersKeepDType() {
        let a = Tensor([1, 2], dtype: .int32)
        #expect((a + 1).dtype == .int32)
        #expect((a + 1.5).dtype == .float32)
        #expect((Tensor([1.0], dtype: .float64) + 1.5).dtype == .float64)
    }

    @Test func alphaAndInPlace() {
        let a = Tensor([1.0, 2.0], dtype: .float64)
        let v = a.version
        a.add_(Tensor([1.0, 1.0], dtype: .float64), alpha: 3)
        #expect(a.scalars(as: Double.self) == [4, 5])
        #expect(a.version == v + 1)
        #expect(a.sub(Tensor([1.0, 1.0]), alpha: 2).scalars(as: Double.self) == [2, 3])
    }

    @Test func shapeMismatchNamesOpAndShapes() throws {
        let a = Tensor([1.0, 2.0]), b = Tensor([1.0, 2.0, 3.0])
        #expect {
            try Dispatcher.shared.call("add", [.tensor(a), .tensor(b), .scalar(1)])
        } throws: { error in
            "\(error)".contains("add") && "\(error)".contains("[2]") && "\(error)".contains("[3]")
        }
    }

    @Test func halfPrecisionComputesThroughFloat32() {
        let a = Tensor([1.5, 2.25], dtype: .float16)
        let c = a + a
        #expect(c.dtype == .float16)
        #expect(c.doubleScalars == [3.0, 4.5])
    }
}

@Suite struct BroadcastMessageTests {
    /// PyTorch scans from the right: for [2, 3, 4] and [2, 3] it reports dimension 2.
    @Test func reportsTheRightmostMismatchLikePyTorch() {
        #expect(throws: EmberError(.shapeMismatch, op: "add",
            "The size of tensor a (4) must match the size of tensor b (3) at non-singleton dimension 2; shapes [2, 3, 4] and [2, 3]")) {
            try broadcastShapes([2, 3, 4], [2, 3], op: "add")
        }
    }
}
