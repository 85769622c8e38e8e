import Testing
@testable import EmberCore

@Suite struct FillTests {
    @Test(arguments: [DType.float32, .float64, .int64, .uint8, .bool])
    func fillSetsEveryElementWithPyTorchCasting(dtype: DType) {
        let t = Tensor.zeros([2, 3], dtype: dtype)
        let before = t.version
        t.fill_(.double(2.75))
        let expected: Double = dtype.isFloatingPoint ? 2.75 : dtype == .bool ? 1 : 2
        #expect(t.doubleScalars == Array(repeating: expected, count: 6))
        #expect(t.version > before)
    }

    @Test func fillAndZeroReachOnlyTheViewOfANonContiguousTensor() {
        let base = Tensor((0..<12).map(Double.init), shape: [3, 4])
        base.transpose(0, 1).narrow(dim: 0, start: 1, length: 2).fill_(.double(-1))  // columns 1 and 2
        #expect(base.doubleScalars == [0, -1, -1, 3, 4, -1, -1, 7, 8, -1, -1, 11])
        base.narrow(dim: 1, start: 3, length: 1).zero_()
        #expect(base.doubleScalars == [0, -1, -1, 0, 4, -1, -1, 0, 8, -1, -1, 0])
    }
}
