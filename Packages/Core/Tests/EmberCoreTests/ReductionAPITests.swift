import Testing
@testable import EmberCore

/// The Swift API of the reductions on hand-computed values: result shapes with and
/// without keepdim, dtype rules, empty and 0-d tensors, and half precision.
@Suite struct ReductionAPITests {
    let x = Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])

    @Test func sumsAndMeans() {
        #expect(x.sum().item(as: Float.self) == 21)
        #expect(x.sum(dim: 0).scalars(as: Float.self) == [5, 7, 9])
        #expect(x.sum(dim: -1, keepdim: true).shape == [2, 1])
        #expect(x.sum(dims: [0, 1], keepdim: true).shape == [1, 1])
        #expect(x.sum(dims: []).shape == [])
        #expect(x.mean(dim: 1).scalars(as: Float.self) == [2, 5])
        #expect(x.mean(dtype: .float64).scalars(as: Double.self) == [3.5])
        #expect(x.prod(dim: 1).scalars(as: Float.self) == [6, 120])
        #expect(x.prod().item(as: Float.self) == 720)
    }

    @Test func integerAndBoolDTypes() {
        let i = Tensor([[1, 2], [3, 4]], dtype: .int8)
        #expect(i.sum().dtype == .int64)
        #expect(i.sum(dtype: .int8).dtype == .int8)
        #expect(i.sum(dim: 0, dtype: .float64).scalars(as: Double.self) == [4, 6])
        #expect(i.prod().scalars(as: Int64.self) == [24])
        #expect(i.cumsum(dim: 1).scalars(as: Int64.self) == [1, 3, 3, 7])
        let b = Tensor([true, false, true])
        #expect(b.sum().scalars(as: Int64.self) == [2])
        #expect(b.amax().dtype == .bool)
        #expect(b.max(dim: 0).values.scalars(as: Bool.self) == [true])
        #expect(b.all().scalars(as: Bool.self) == [false])
        #expect(b.any().scalars(as: Bool.self) == [true])
        let u = Tensor([1, 2, 0], dtype: .uint8)
        #expect(u.all().dtype == .uint8)
        #expect(u.any(dim: 0).scalars(as: UInt8.self) == [1])
        #expect(u.countNonzero().scalars(as: Int64.self) == [2])
        // Wrapping int64 arithmetic, as PyTorch.
        let big = Tensor([Int64.max, 1])
        #expect(big.sum().scalars(as: Int64.self) == [Int64.min])
    }

    @Test func extremaAndIndices() {
        let t = Tensor([[3.0, 1.0, 3.0], [0.0, 5.0, 5.0]])
        let (values, indices) = t.max(dim: 1)
        #expect(values.scalars(as: Float.self) == [3, 5])
        #expect(indices.scalars(as: Int64.self) == [0, 1])  // first occurrence
        #expect(t.min(dim: 0, keepdim: true).indices.shape == [1, 3])
        #expect(t.argmax().scalars(as: Int64.self) == [4])
        #expect(t.argmin(dim: 1).scalars(as: Int64.self) == [1, 0])
        #expect(t.argmax(keepdim: true).shape == [1, 1])
        #expect(t.amax(dims: [0, 1]).item(as: Float.self) == 5)
        #expect(t.amin(dim: 0).scalars(as: Float.self) == [0, 1, 3])
        #expect(t.max().item(as: Float.self) == 5)
        #expect(t.min().item(as: Float.self) == 0)
        let nan = Tensor([1.0, .nan, 7.0, .nan])
        #expect(nan.max().item(as: Float.self).isNaN)
        #expect(nan.amin().item(as: Float.self).isNaN)
        #expect(nan.argmax().scalars(as: Int64.self) == [1])
        #expect(nan.min(dim: 0).indices.scalars(as: Int64.self) == [1])
    }

    @Test func extremaOfLongRowsHandleInfinityAndNaN() {
        // Rows of 8+ contiguous elements take the eight-accumulator path.
        var values = (0..<21).map { Double($0) - 10 }
        values[13] = .infinity
        values[3] = -.infinity
        for dtype in [DType.float32, .float64] {
            let t = Tensor(values, shape: [21]).to(dtype)
            #expect(t.amax().doubleScalars == [.infinity])
            #expect(t.amin().doubleScalars == [-.infinity])
            #expect(t.max(dim: 0).indices.scalars(as: Int64.self) == [13])
            var withNaN = values
            withNaN[17] = .nan
            let n = Tensor(withNaN, shape: [21]).to(dtype)
            #expect(n.amax().doubleScalars[0].isNaN && n.min().doubleScalars[0].isNaN)
            #expect(n.argmin().scalars(as: Int64.self) == [17])
        }
        let ints = Tensor((0..<19).map { Int64(($0 * 7) % 19) - 9 })
        #expect(ints.amax().scalars(as: Int64.self) == [9])
        #expect(ints.to(.int8).amin().scalars(as: Int8.self) == [-9])
    }

    @Test func varianceAndNorms() {
        let v = Tensor([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0], dtype: .float64)
        #expect(v.var(correction: 0).item(as: Double.self) == 4)
        #expect(v.std(correction: 0).item(as: Double.self) == 2)
        #expect(v.var().item(as: Double.self) == 32.0 / 7)
        #expect(x.var(dim: 1).scalars(as: Float.self) == [1, 1])
        // Large offset, small spread: two passes keep the variance exact.
        let offset = Tensor([1e9 + 1, 1e9 + 2, 1e9 + 3], dtype: .float64)
        #expect(offset.var().item(as: Double.self) == 1)
        #expect(Tensor([1.0]).var().item(as: Float.self).isNaN)
        #expect(Tensor([1.0, 2.0]).var(correction: 3).item(as: Float.self) == .infinity)
        let n = Tensor([3.0, -4.0, 0.0])
        #expect(n.norm().item(as: Float.self) == 5)
        #expect(n.norm(p: 1).item(as: Float.self) == 7)
        #expect(n.norm(p: .infinity).item(as: Float.self) == 4)
        #expect(n.norm(p: -.infinity).item(as: Float.self) == 0)
        #expect(n.norm(p: 0).item(as: Float.self) == 2)
        #expect(Tensor([1e30, 1e30]).norm().item(as: Float.self) == .infinity)  // float32, as PyTorch
        #expect(x.norm(dim: 0, keepdim: true).shape == [1, 3])
    }

    @Test func logSumExpAndSoftmax() {
        let t = Tensor([[1000.0, 1000.0], [-.infinity, -.infinity]], dtype: .float64)
        let lse = t.logsumexp(dim: 1).scalars(as: Double.self)
        #expect(abs(lse[0] - (1000 + Double.log(2))) < 1e-12)
        #expect(lse[1] == -.infinity)
        let s = t.softmax(dim: 1).scalars(as: Double.self)
        #expect(s[0] == 0.5 && s[1] == 0.5 && s[2].isNaN && s[3].isNaN)
        let l = t.logSoftmax(dim: 1).scalars(as: Double.self)
        #expect(abs(l[0] + Double.log(2)) < 1e-15 && l[2].isNaN)
        let p = Tensor([1.0, 2.0, 3.0]).softmax(dim: 0)
        #expect(abs(p.sum().item(as: Float.self) - 1) < 1e-6)
        #expect(Tensor([1, 2, 3]).softmax(dim: 0, dtype: .float64).dtype == .float64)
        #expect(Tensor([1, 2]).logsumexp(dim: 0).dtype == .float32)
    }

    @Test func scans() {
        #expect(x.cumsum(dim: 0).scalars(as: Float.self) == [1, 2, 3, 5, 7, 9])
        #expect(x.cumprod(dim: 1).scalars(as: Float.self) == [1, 2, 6, 4, 20, 120])
        #expect(x.cumsum(dim: 1, dtype: .float64).dtype == .float64)
        // float32 scans accumulate in float64, as PyTorch's CPU kernels do.
        let tenths = Tensor([Float](repeating: 0.1, count: 100_000), shape: [100_000])
        #expect(tenths.cumsum(dim: 0).scalars(as: Float.self).last == Float(100_000 * Double(Float(0.1))))
    }

    @Test func emptyAndZeroDimTensors() {
        let e = Tensor([Float](), shape: [2, 0])
        #expect(e.sum().item(as: Float.self) == 0)
        #expect(e.sum(dim: 1).scalars(as: Float.self) == [0, 0])
        #expect(e.sum(dim: 0).shape == [0])
        #expect(e.prod(dim: 1).scalars(as: Float.self) == [1, 1])
        #expect(e.mean().item(as: Float.self).isNaN)
        #expect(e.logsumexp(dim: 1).scalars(as: Float.self) == [-.infinity, -.infinity])
        #expect(e.all().scalars(as: Bool.self) == [true])
        #expect(e.any(dim: 1).scalars(as: Bool.self) == [false, false])
        #expect(e.softmax(dim: 1).shape == [2, 0])
        #expect(e.cumsum(dim: 0).shape == [2, 0])
        #expect(Tensor([Int64](), shape: [0]).sum().scalars(as: Int64.self) == [0])
        let s = Tensor(scalar: Float(3))
        #expect(s.sum(dim: 0).shape == [] && s.sum(dim: 0, keepdim: true).shape == [])
        #expect(s.max(dim: 0).indices.scalars(as: Int64.self) == [0])
        #expect(s.softmax(dim: 0).item(as: Float.self) == 1)
        #expect(s.cumsum(dim: -1).item(as: Float.self) == 3)
        #expect(s.var().item(as: Float.self).isNaN)
    }

    @Test func allAndAnyDimConventions() {
        let t = Tensor([[1.0, 0.0], [2.0, 3.0]])
        #expect(t.all(dims: []).shape == [2, 2])  // [] reduces nothing for all/any
        #expect(t.all(dim: 1).scalars(as: Bool.self) == [false, true])
        #expect(t.any(dims: [0, 1], keepdim: true).shape == [1, 1])
        #expect(t.countNonzero(dims: []).scalars(as: Int64.self) == [3])  // but everything here
        #expect(t.countNonzero(dim: 0).scalars(as: Int64.self) == [2, 1])
    }

    @Test func halfPrecisionComputesInFloat32() {
        let h = Tensor([1.5, 2.0, 2.5], dtype: .float16)
        #expect(h.sum().dtype == .float16)
        #expect(h.sum().item(as: Float16.self) == 6)
        #expect(h.sum(dtype: .float32).dtype == .float32)
        #expect(h.mean().dtype == .float16)
        #expect(h.max(dim: 0).values.dtype == .float16)
        #expect(h.argmax().scalars(as: Int64.self) == [2])
        let b = Tensor([1.0, 2.0], dtype: .bfloat16)
        #expect(b.softmax(dim: 0).dtype == .bfloat16)
        #expect(b.norm().dtype == .bfloat16)
        #expect(Tensor([1.0, 2.0]).sum(dtype: .float16).dtype == .float16)
    }
}
