import Testing
@testable import EmberCore

/// clone, contiguous and copy_: hand-computed values in several dtypes, broadcasting,
/// dtype conversion, non-contiguous targets and sources, and overlapping memory.
@Suite struct CloneCopyTests {
    @Test(arguments: [DType.float32, .float64, .int64, .int8, .bool, .float16])
    func cloneIsAContiguousIndependentCopy(dtype: DType) {
        let base = Tensor((0..<6).map(Double.init), shape: [2, 3]).to(dtype)
        let t = base.t()
        let c = t.clone()
        #expect(c.dtype == dtype)
        #expect(c.shape == [3, 2] && c.strides == [2, 1] && c.storageOffset == 0)
        #expect(c.doubleScalars == t.doubleScalars)
        #expect(c.storage !== base.storage)
        c.copy_(Tensor(scalar: 0.0))
        #expect(base.doubleScalars == Tensor((0..<6).map(Double.init), shape: [2, 3]).to(dtype).doubleScalars)
    }

    @Test func cloneOfExpandedAndZeroSizedTensors() {
        let column = Tensor([1.0, 2.0, 3.0], shape: [3, 1])
        let e = column.expand(3, 2).clone()
        #expect(e.strides == [2, 1])
        #expect(e.scalars(as: Double.self) == [1, 1, 2, 2, 3, 3])
        let empty = Tensor([Float](), shape: [0, 3]).clone()
        #expect(empty.shape == [0, 3] && empty.count == 0)
    }

    @Test func contiguousReturnsSelfOrACopy() {
        let a = Tensor((0..<6).map(Float.init), shape: [2, 3])
        #expect(a.contiguous() === a)
        let c = a.t().contiguous()
        #expect(c.isContiguous && c.storage !== a.storage)
        #expect(c.scalars(as: Float.self) == [0, 3, 1, 4, 2, 5])
        // Size-1 dimensions may have any stride and still count as contiguous.
        let row = a.slice(dim: 0, end: 1)
        #expect(row.contiguous() === row)
    }

    @Test func copyBroadcastsAndBumpsTheVersion() {
        let t = Tensor([Double](repeating: 0, count: 6), shape: [2, 3])
        let v = t.version
        t.copy_(Tensor([1.0, 2.0, 3.0], shape: [3]))
        #expect(t.scalars(as: Double.self) == [1, 2, 3, 1, 2, 3])
        #expect(t.version == v + 1)
        t.copy_(Tensor([7.0, 8.0], shape: [2, 1]))
        #expect(t.scalars(as: Double.self) == [7, 7, 7, 8, 8, 8])
        t.copy_(Tensor(scalar: 5.0))
        #expect(t.scalars(as: Double.self) == [5, 5, 5, 5, 5, 5])
    }

    @Test func copyConvertsTheDType() {
        let values = Tensor([2.7, -2.7, 300.0, 0.0], dtype: .float64)
        #expect(Tensor([Int32](repeating: 0, count: 4), shape: [4]).copy_(values).scalars(as: Int32.self) == [2, -2, 300, 0])
        #expect(Tensor([Bool](repeating: false, count: 4), shape: [4]).copy_(values).scalars(as: Bool.self) == [true, true, true, false])
        #expect(Tensor([Float](repeating: 0, count: 4), shape: [4]).copy_(values).scalars(as: Float.self) == [2.7, -2.7, 300, 0])
        let half = Tensor([1.0, 2.0], dtype: .float16)
        half.copy_(Tensor([0.25, 1024.0], dtype: .float64))
        #expect(half.doubleScalars == [0.25, 1024])
        let ints = Tensor([Int64](repeating: 0, count: 3), shape: [3])
        ints.copy_(Tensor([true, false, true]))
        #expect(ints.scalars(as: Int64.self) == [1, 0, 1])
    }

    @Test(arguments: [DType.float32, .float64, .int64, .int16])
    func copyIntoAndFromNonContiguousViews(dtype: DType) {
        let target = Tensor([Double](repeating: 0, count: 6), shape: [2, 3]).to(dtype)
        let source = Tensor((1...6).map(Double.init), shape: [3, 2]).to(dtype)
        target.t().copy_(source)                    // writes the transpose into target
        #expect(target.doubleScalars == [1, 3, 5, 2, 4, 6])
        let other = Tensor([Double](repeating: 0, count: 6), shape: [2, 3]).to(dtype)
        other.copy_(source.t())                     // reads a transposed source
        #expect(other.doubleScalars == [1, 3, 5, 2, 4, 6])
        let grid = Tensor([Double](repeating: 0, count: 16), shape: [4, 4]).to(dtype)
        grid.slice(dim: 0, step: 2).slice(dim: 1, start: 1, step: 2).copy_(Tensor([1.0, 2.0], shape: [2, 1]))
        #expect(grid.doubleScalars == [0, 1, 0, 1, 0, 0, 0, 0, 0, 2, 0, 2, 0, 0, 0, 0])
    }

    @Test func copyBetweenOverlappingStridedViewsReadsTheOldValues() {
        // Neither view is dense, so PyTorch does not refuse the copy (its result would depend
        // on the loop order); Ember reads a copy of the source, so every element gets the
        // value from before the copy.
        let x = Tensor((0..<8).map(Double.init), shape: [8])
        x.slice(dim: 0, start: 2, step: 2).copy_(x.slice(dim: 0, end: 6, step: 2))
        #expect(x.scalars(as: Double.self) == [0, 1, 0, 3, 2, 5, 4, 7])
    }

    @Test func copyOntoItselfIsAllowed() {
        let x = Tensor([1.0, 2.0, 3.0], shape: [3])
        x.copy_(x)
        x.copy_(x.view(3))
        #expect(x.scalars(as: Double.self) == [1, 2, 3])
        #expect(x.version == 2)
    }
}
