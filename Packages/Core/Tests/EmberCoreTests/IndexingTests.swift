import Testing
@testable import EmberCore
import EmberTestSupport

/// index_select, gather, scatter, scatter_add, masked_fill, masked_select, where and nonzero
/// against PyTorch fixtures, plus in-place behaviour and error messages.
@Suite struct IndexingTests {
    typealias T = IndexingTest

    @Test(arguments: IndexingTest.dtypes) func indexSelectAndGatherMatchPyTorch(dtype: String) throws {
        let f = try Fixture("indexing"), p = dtype + "_"
        let x = try f.tensor(p + "x"), xt = T.transposed(try f.tensor(p + "x_t"))
        let i1 = T.index([2, 0, 2, 1])
        T.expectEqual(x.indexSelect(dim: 0, index: i1), try f.tensor(p + "index_select0"))
        T.expectEqual(x.indexSelect(dim: 1, index: i1), try f.tensor(p + "index_select1"))
        T.expectEqual(xt.indexSelect(dim: 1, index: T.index([1, 1])), try f.tensor(p + "index_select_t"))
        let gi = T.index([3, 0, 1, 1, 0, 2], [3, 2])
        T.expectEqual(x.gather(dim: 1, index: gi), try f.tensor(p + "gather1"))
        T.expectEqual(x.gather(dim: 0, index: T.index([2, 0, 1, 1, 0, 0, 2, 1], [2, 4])), try f.tensor(p + "gather0"))
        T.expectEqual(xt.gather(dim: 1, index: gi), try f.tensor(p + "gather_t"))
    }

    @Test(arguments: IndexingTest.dtypes) func scatterMatchesPyTorch(dtype: String) throws {
        let f = try Fixture("indexing"), p = dtype + "_"
        let x = try f.tensor(p + "x"), xt = T.transposed(try f.tensor(p + "x_t")), src = try f.tensor(p + "src")
        let si0 = T.index([1, 0, 2, 1, 2, 1, 0, 0], [2, 4]), si1 = T.index([3, 0, 1, 2, 0, 3], [3, 2])
        let sa1 = T.index([3, 3, 0, 1, 1, 1, 0, 2, 0], [3, 3])
        T.expectEqual(x.scatter(dim: 0, index: si0, src: src), try f.tensor(p + "scatter0"))
        T.expectEqual(x.scatter(dim: 1, index: si1, src: src), try f.tensor(p + "scatter1"))
        T.expectEqual(xt.scatter(dim: 1, index: si1, src: src), try f.tensor(p + "scatter_t"))
        T.expectEqual(x.scatterAdd(dim: 1, index: sa1, src: src), try f.tensor(p + "scatter_add1"))
        T.expectEqual(xt.scatterAdd(dim: 1, index: sa1, src: src), try f.tensor(p + "scatter_add_t"))
        // In place on a non-contiguous target: same values, written through the view.
        let target = T.transposed(try f.tensor(p + "x_t"))
        let version = target.version
        target.scatterAdd_(dim: 1, index: sa1, src: src)
        T.expectEqual(target, try f.tensor(p + "scatter_add_t"))
        #expect(target.version == version + 1)
        let target2 = try f.tensor(p + "x")
        target2.scatter_(dim: 0, index: si0, src: src)
        T.expectEqual(target2, try f.tensor(p + "scatter0"))
    }

    @Test(arguments: IndexingTest.dtypes) func maskedOpsWhereNonzeroMatchPyTorch(dtype: String) throws {
        let f = try Fixture("indexing"), p = dtype + "_"
        let x = try f.tensor(p + "x"), xt = T.transposed(try f.tensor(p + "x_t"))
        let mask = Tensor([true, false, true, true]), mask2 = Tensor([[true], [false], [true]])
        T.expectEqual(x.maskedFill(mask, 2.5), try f.tensor(p + "masked_fill"))
        let ones = Tensor([1, 1, 1, 1]).to(x.dtype)
        T.expectEqual(ones.maskedFill(mask2, -3), try f.tensor(p + "masked_fill_bcast"))
        T.expectEqual(xt.maskedFill(mask, 7), try f.tensor(p + "masked_fill_t"))
        T.expectEqual(x.maskedSelect(mask), try f.tensor(p + "masked_select"))
        let row0 = x.indexSelect(dim: 0, index: T.index([0])).maskedSelect(Tensor([[true]]))  // x[0] as [4]
        T.expectEqual(row0.maskedSelect(mask2), try f.tensor(p + "masked_select_bcast"))
        T.expectEqual(xt.maskedSelect(mask), try f.tensor(p + "masked_select_t"))
        let cond = try f.tensor(p + "cond"), y = try f.tensor(p + "y")
        T.expectEqual(Tensor.where(cond, x, y), try f.tensor(p + "where"))
        T.expectEqual(Tensor.where(cond, xt, y), try f.tensor(p + "where_t"))
        T.expectEqual(try f.tensor(p + "flip_x").nonzero(), try f.tensor(p + "nonzero"))
        T.expectEqual(xt.nonzero(), try f.tensor(p + "nonzero_t"))
        // In place: writes through a non-contiguous view and bumps the version.
        let target = T.transposed(try f.tensor(p + "x_t"))
        let version = target.version
        target.maskedFill_(mask, 7)
        T.expectEqual(target, try f.tensor(p + "masked_fill_t"))
        #expect(target.version == version + 1)
    }

    @Test func handComputedValues() throws {
        let a = Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], dtype: .float64)
        #expect(a.indexSelect(dim: 1, index: Tensor([2, 2], dtype: .int32)).scalars(as: Double.self) == [3, 3, 6, 6])
        #expect(a.indexSelect(dim: 0, index: Tensor(1)).shape == [1, 3])
        #expect(Tensor(5.0).indexSelect(dim: 0, index: Tensor([0])).shape == [])
        #expect(a.gather(dim: 1, index: Tensor([[0, 0, 0, 0]])).scalars(as: Double.self) == [1, 1, 1, 1])
        #expect(a.gather(dim: 0, index: Tensor(empty: [0, 5], dtype: .int64)).shape == [0, 5])
        let z = Tensor([[0.0, 0.0], [0.0, 0.0]], dtype: .float64)
        let added = z.scatterAdd(dim: 0, index: Tensor([[1, 1], [1, 0]]), src: Tensor([[1.0, 2.0], [3.0, 4.0]], dtype: .float64))
        #expect(added.scalars(as: Double.self) == [0, 4, 4, 2])
        #expect(Tensor([1, 2]).scatterAdd(dim: 0, index: Tensor([0, 0]), src: Tensor([5, 6])).scalars(as: Int64.self) == [12, 2])
        #expect(Tensor(5.0).scatter(dim: 0, index: Tensor(0), src: Tensor(7.0)).scalars(as: Float.self) == [7])
        #expect(Tensor([1, 2]).maskedFill(Tensor(true), 3.7).scalars(as: Int64.self) == [3, 3])
        #expect(Tensor([1.0, 2.0]).maskedFill(Tensor([[true], [false]]), 5).shape == [2, 2])
        #expect(Tensor.where(Tensor([true, false]), 1.5, Tensor([7.0, 8.0])).scalars(as: Float.self) == [1.5, 8])
        #expect(Tensor(3.0).nonzero().shape == [1, 0])
        #expect(Tensor(0.0).nonzero().shape == [0, 0])
        #expect(Tensor(empty: [0, 3]).nonzero().shape == [0, 2])
    }

    @Test func promotionNaNAndNarrowTypes() throws {
        let f = try Fixture("indexing")
        T.expectEqual(Tensor.where(Tensor([true, false, true]), Tensor([1, 2, 3]), 2.5), try f.tensor("promote_where"))
        let narrow = Tensor.where(Tensor([true, false]), Tensor([1, 2], dtype: .int32), 7)
        #expect(narrow.dtype == .int32)
        T.expectEqual(Tensor([0.0, -0.0, .nan, 1.0]).nonzero(), try f.tensor("nonzero_nan"))
        let uint8Condition = Tensor.where(Tensor([1, 0], dtype: .uint8), Tensor([1.0, 2.0]), 0)
        #expect(uint8Condition.scalars(as: Float.self) == [1, 0])
        for dtype in [DType.float16, .bfloat16] {
            let h = Tensor([1.5, 2.5, 3.5], dtype: dtype)
            let s = h.scatterAdd(dim: 0, index: Tensor([0, 0, 2]), src: h)
            #expect(s.dtype == dtype && s.doubleScalars == [5.5, 2.5, 7], "\(dtype)")
            #expect(h.maskedFill(Tensor([false, true, false]), 0.25).doubleScalars == [1.5, 0.25, 3.5], "\(dtype)")
        }
    }

    @Test func errorsMatchPyTorch() {
        let a = Tensor([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
        T.expectError("index_select", [.tensor(a), .int(0), .tensor(Tensor([1.0]))],
            "index_select: Expected dtype int32 or int64 for index (got float32)")
        T.expectError("index_select", [.tensor(a), .int(0), .tensor(Tensor([2]))],
            "index_select: index 2 is out of bounds for dimension 0 with size 2")
        T.expectError("index_select", [.tensor(a), .int(1), .tensor(Tensor([-1]))],
            "index_select: index -1 is out of bounds for dimension 1 with size 3")
        T.expectError("index_select", [.tensor(a), .int(0), .tensor(Tensor([[1]]))],
            "index_select: Index is supposed to be a vector")
        T.expectError("index_select", [.tensor(Tensor(5.0)), .int(0), .tensor(Tensor([0, 0]))],
            "index_select: Index to scalar can have only 1 value, got 2 value(s)")
        T.expectError("gather", [.tensor(a), .int(1), .tensor(Tensor([[0]], dtype: .int16))],
            "gather: Expected dtype int32/int64 for index (got int16)")
        T.expectError("gather", [.tensor(a), .int(1), .tensor(Tensor([[3]]))],
            "gather: index 3 is out of bounds for dimension 1 with size 3")
        T.expectError("gather", [.tensor(a), .int(1), .tensor(Tensor([0]))],
            "gather: Index tensor must have the same number of dimensions as input tensor")
        T.expectError("gather", [.tensor(a), .int(1), .tensor(Tensor([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]))],
            "gather: Size does not match at dimension 0 expected index [3, 4] to be no larger than self [2, 3] apart from dimension 1")
        T.expectError("scatter", [.tensor(a), .int(1), .tensor(Tensor([[-1]])), .tensor(Tensor([[1.0]]))],
            "scatter: index -1 is out of bounds for dimension 1 with size 3")
        T.expectError("scatter", [.tensor(a), .int(1), .tensor(Tensor([[0, 0]])), .tensor(Tensor([[1.0]]))],
            "scatter: Expected index [1, 2] to be no larger than self [2, 3] apart from dimension 1 and to be no larger size than src [1, 1]")
        T.expectError("scatter_add", [.tensor(a), .int(1), .tensor(Tensor([[0]])), .tensor(Tensor([[1.0]], dtype: .float64))],
            "scatter_add: Expected self.dtype to be equal to src.dtype (got float32 and float64)")
        T.expectError("scatter_", [.tensor(a), .int(1), .tensor(Tensor([0])), .tensor(Tensor([[1.0]]))],
            "scatter_: Index tensor must have the same number of dimensions as self tensor")
        T.expectError("masked_fill", [.tensor(a), .tensor(Tensor([1.0, 0.0, 1.0])), .tensor(Tensor(2.0))],
            "masked_fill: masked_fill_ only supports boolean masks, but got mask with dtype float32")
        T.expectError("masked_fill", [.tensor(a), .tensor(Tensor([true, false, true])), .tensor(Tensor([2.0, 3.0]))],
            "masked_fill: masked_fill_ only supports a 0-dimensional value tensor, but got tensor with 1 dimension(s).")
        T.expectError("masked_fill_", [.tensor(Tensor([1.0, 2.0])), .tensor(Tensor([[true], [false]])), .tensor(Tensor(5.0))],
            "masked_fill_: output with shape [2] doesn't match the broadcast shape [2, 2]")
        T.expectError("masked_select", [.tensor(a), .tensor(Tensor([1.0, 0.0, 1.0]))],
            "masked_select: expected BoolTensor for mask (got float32)")
        T.expectError("where", [.tensor(Tensor([1.0, 0.0, 1.0])), .tensor(a), .tensor(a)],
            "where: where expected condition to be a boolean tensor, but got a tensor with dtype float32")
        T.expectError("where", [.tensor(Tensor([true, false])), .tensor(a), .tensor(a)],
            "where: The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1; shapes [2] and [2, 3]")
    }

    @Test func outOfPlaceOpsLeaveInputsAlone() {
        let a = Tensor([[1.0, 2.0], [3.0, 4.0]])
        let v = a.version
        _ = a.scatter(dim: 0, index: Tensor([[1, 0]]), src: Tensor([[9.0, 9.0]]))
        _ = a.maskedFill(Tensor([true, false]), 0)
        #expect(a.scalars(as: Float.self) == [1, 2, 3, 4])
        #expect(a.version == v)
    }
}
