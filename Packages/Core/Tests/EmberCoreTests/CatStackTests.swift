import Testing
@testable import EmberCore
import EmberTestSupport

/// cat, stack, repeat, flip and roll against PyTorch fixtures and hand-computed values.
@Suite struct CatStackTests {
    typealias T = IndexingTest

    @Test(arguments: IndexingTest.dtypes) func catMatchesPyTorch(dtype: String) throws {
        let f = try Fixture("indexing"), p = dtype + "_"
        let a = try f.tensor(p + "cat_a"), b = try f.tensor(p + "cat_b"), c = T.transposed(try f.tensor(p + "cat_c_t"))
        #expect(!c.isContiguous)
        T.expectEqual(Tensor.cat([a, b]), try f.tensor(p + "cat_ab0"))
        T.expectEqual(Tensor.cat([a, c], dim: -1), try f.tensor(p + "cat_act1"))
        let empty = Tensor(empty: [0], dtype: a.dtype)
        T.expectEqual(Tensor.cat([a, empty, a], dim: 1), try f.tensor(p + "cat_legacy"))
    }

    @Test(arguments: IndexingTest.dtypes) func stackMatchesPyTorch(dtype: String) throws {
        let f = try Fixture("indexing"), p = dtype + "_"
        let a = try f.tensor(p + "cat_a"), s = T.transposed(try f.tensor(p + "stack_t"))
        T.expectEqual(Tensor.stack([a, s]), try f.tensor(p + "stack0"))
        T.expectEqual(Tensor.stack([a, s, a], dim: 1), try f.tensor(p + "stack1"))
        T.expectEqual(Tensor.stack([a, s], dim: -1), try f.tensor(p + "stack2"))
    }

    @Test(arguments: IndexingTest.dtypes) func repeatFlipRollMatchPyTorch(dtype: String) throws {
        let f = try Fixture("indexing"), p = dtype + "_"
        let r = T.transposed(try f.tensor(p + "repeat_t"))
        T.expectEqual(r.repeat(2, 1, 3), try f.tensor(p + "repeat_213"))
        T.expectEqual(try f.tensor(p + "cat_a").repeat([1, 2]), try f.tensor(p + "repeat_12"))
        let x = try f.tensor(p + "flip_x"), xt = T.transposed(try f.tensor(p + "flip_t"))
        T.expectEqual(x.flip(0, 2), try f.tensor(p + "flip_02"))
        T.expectEqual(x.flip(-1), try f.tensor(p + "flip_m1"))
        T.expectEqual(xt.flip(0, 1), try f.tensor(p + "flip_t01"))
        T.expectEqual(xt.roll(5), try f.tensor(p + "roll_flat"))
        T.expectEqual(x.roll([1, -2], dims: [0, 2]), try f.tensor(p + "roll_01"))
        T.expectEqual(x.roll([7, 3, 1], dims: [1, 1, -1]), try f.tensor(p + "roll_big"))
        T.expectEqual(xt.roll(-1, dim: 1), try f.tensor(p + "roll_t"))
    }

    @Test func handComputedValues() {
        let a = Tensor([[1, 2], [3, 4]])
        #expect(Tensor.cat([a, a], dim: 1).scalars(as: Int64.self) == [1, 2, 1, 2, 3, 4, 3, 4])
        #expect(Tensor.stack([a, a], dim: 2).shape == [2, 2, 2])
        #expect(a.repeat(2, 1).scalars(as: Int64.self) == [1, 2, 3, 4, 1, 2, 3, 4])
        #expect(a.flip(0).scalars(as: Int64.self) == [3, 4, 1, 2])
        #expect(a.roll(1).scalars(as: Int64.self) == [4, 1, 2, 3])
        #expect(a.roll(-1, dim: 0).scalars(as: Int64.self) == [3, 4, 1, 2])
        let s = Tensor(5.0)
        #expect(s.repeat([]).shape == [])
        #expect(s.repeat(3).scalars(as: Float.self) == [5, 5, 5])
        #expect(s.flip(0).scalars(as: Float.self) == [5])
        #expect(s.roll(2).scalars(as: Float.self) == [5])
        #expect(Tensor.stack([Tensor(1.0), Tensor(2.0)]).scalars(as: Float.self) == [1, 2])
        #expect(Tensor(empty: [0, 3]).roll(1, dim: 0).shape == [0, 3])
        #expect(a.repeat(2, 1, 0).shape == [2, 2, 0])
    }

    @Test func promotesToCommonDType() throws {
        let f = try Fixture("indexing")
        let mixed = Tensor.cat([Tensor([1, 2]), Tensor([1.5]), Tensor(empty: [0], dtype: .float64)])
        T.expectEqual(mixed, try f.tensor("promote_cat"))
        T.expectEqual(Tensor.stack([Tensor([1, 2]), Tensor([true, false])]), try f.tensor("promote_stack"))
    }

    @Test func halfAndNarrowTypesMoveExactly() {
        for dtype in [DType.float16, .bfloat16, .uint8, .int8, .int16, .int32] {
            let a = Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], dtype: dtype)
            let c = Tensor.cat([a, a.flip(1)], dim: 0)
            #expect(c.dtype == dtype)
            #expect(c.doubleScalars == [1, 2, 3, 4, 5, 6, 3, 2, 1, 6, 5, 4], "\(dtype)")
            #expect(a.roll(1, dim: 1).doubleScalars == [3, 1, 2, 6, 4, 5], "\(dtype)")
        }
    }

    @Test func errorsMatchPyTorch() {
        let a = Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
        T.expectError("cat", [.tensors([a, Tensor(empty: [3, 2])]), .int(1)],
            "cat: Sizes of tensors must match except in dimension 1. Expected size 2 but got size 3 for tensor number 1 in the list.")
        T.expectError("cat", [.tensors([a, Tensor(empty: [2, 2, 1])]), .int(1)],
            "cat: Tensors must have same number of dimensions: got 2 and 3")
        T.expectError("cat", [.tensors([]), .int(0)], "cat: expected a non-empty list of Tensors")
        T.expectError("cat", [.tensors([a, Tensor(1.0)]), .int(0)],
            "cat: zero-dimensional tensor (at position 1) cannot be concatenated")
        T.expectError("cat", [.tensors([a, a]), .int(2)],
            "cat: Dimension out of range (expected to be in range of [-2, 1], but got 2)")
        T.expectError("stack", [.tensors([a, Tensor(empty: [2, 2])]), .int(0)],
            "stack: stack expects each tensor to be equal size, but got [2, 3] at entry 0 and [2, 2] at entry 1")
        T.expectError("stack", [.tensors([]), .int(0)], "stack: stack expects a non-empty TensorList")
        T.expectError("repeat", [.tensor(a), .ints([2])],
            "repeat: Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor")
        T.expectError("repeat", [.tensor(a), .ints([2, -1])],
            "repeat: Trying to create tensor with negative dimension -3: [4, -3]")
        T.expectError("flip", [.tensor(a), .ints([0, -2])], "flip: dim 0 appears multiple times in the list of dims")
        T.expectError("roll", [.tensor(a), .ints([1, 2]), .ints([0])],
            "roll: shifts and dimensions must align. shifts: 2, dims:1")
        T.expectError("roll", [.tensor(a), .ints([]), .ints([])], "roll: `shifts` required")
        T.expectError("roll", [.tensor(Tensor(1.0)), .ints([1]), .ints([0])],
            "roll: Dimension specified as 0 but tensor has no dimensions")
    }
}
