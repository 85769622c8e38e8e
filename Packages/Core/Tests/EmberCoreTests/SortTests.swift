import Testing
@testable import EmberCore
import EmberTestSupport

/// sort, argsort and topk against PyTorch fixtures: stability, NaN order, non-contiguous input.
@Suite struct SortTests {
    typealias T = IndexingTest

    @Test(arguments: IndexingTest.dtypes) func sortMatchesPyTorchStableSort(dtype: String) throws {
        let f = try Fixture("indexing"), p = dtype + "_"
        let x = try f.tensor(p + "sort_x"), xt = T.transposed(try f.tensor(p + "x_t"))
        for (d, descending) in [("asc", false), ("desc", true)] {
            let s = x.sort(descending: descending, stable: true)
            T.expectEqual(s.values, try f.tensor("\(p)sort_\(d)_v"), d)
            T.expectEqual(s.indices, try f.tensor("\(p)sort_\(d)_i"), d)
            let s0 = x.sort(dim: 0, descending: descending)
            T.expectEqual(s0.values, try f.tensor("\(p)sort0_\(d)_v"), d)
            T.expectEqual(s0.indices, try f.tensor("\(p)sort0_\(d)_i"), d)
            let st = xt.sort(dim: 1, descending: descending, stable: true)
            T.expectEqual(st.values, try f.tensor("\(p)sort_t_\(d)_v"), d)
            T.expectEqual(st.indices, try f.tensor("\(p)sort_t_\(d)_i"), d)
            T.expectEqual(x.argsort(descending: descending, stable: true), try f.tensor("\(p)argsort_\(d)"), d)
        }
    }

    @Test(arguments: ["float32", "float64", "int64"]) func topkMatchesPyTorch(dtype: String) throws {
        let f = try Fixture("indexing"), p = dtype + "_"
        let x = try f.tensor(p + "topk_x"), xt = T.transposed(try f.tensor(p + "topk_x_t"))
        let top = x.topk(3)
        T.expectEqual(top.values, try f.tensor(p + "topk_v"))
        T.expectEqual(top.indices, try f.tensor(p + "topk_i"))
        let small = x.topk(2, dim: 0, largest: false)
        T.expectEqual(small.values, try f.tensor(p + "topk_small_v"))
        T.expectEqual(small.indices, try f.tensor(p + "topk_small_i"))
        let topt = xt.topk(2, dim: 1)
        T.expectEqual(topt.values, try f.tensor(p + "topk_t_v"))
        T.expectEqual(topt.indices, try f.tensor(p + "topk_t_i"))
    }

    @Test func nanSortsLargestAndTiesKeepOrder() throws {
        let f = try Fixture("indexing")
        for dtype in [DType.float32, .float64] {
            let x = try f.tensor("nan_x").to(dtype)
            let asc = x.sort(stable: true), desc = x.sort(descending: true, stable: true)
            T.expectEqual(asc.values, try f.tensor("nan_asc_v").to(dtype))
            T.expectEqual(asc.indices, try f.tensor("nan_asc_i"))
            T.expectEqual(desc.values, try f.tensor("nan_desc_v").to(dtype))
            T.expectEqual(desc.indices, try f.tensor("nan_desc_i"))
            let top = x.topk(3)
            T.expectEqual(top.values, try f.tensor("nan_topk_v").to(dtype))
            T.expectEqual(top.indices, try f.tensor("nan_topk_i"))
        }
        // Hand-computed: -0.0 and 0.0 tie, so they keep their order; equal keys keep order.
        let z = Tensor([0.0, -0.0, 0.0, -0.0]).sort(stable: true)
        #expect(z.indices.scalars(as: Int64.self) == [0, 1, 2, 3])
        #expect(z.values.scalars(as: Float.self).map(\.sign) == [.plus, .minus, .plus, .minus])
        let ties = Tensor([2, 1, 2, 1, 2]).sort(descending: true, stable: true)
        #expect(ties.indices.scalars(as: Int64.self) == [0, 2, 4, 1, 3])
    }

    @Test func otherDTypesAndShapes() {
        for dtype in [DType.float16, .bfloat16, .uint8, .int8, .int16, .int32] {
            let x = Tensor([[3.0, 1.0, 2.0], [0.0, 5.0, 4.0]], dtype: dtype)
            let s = x.sort(dim: 1, descending: true)
            #expect(s.values.dtype == dtype)
            #expect(s.values.doubleScalars == [3, 2, 1, 5, 4, 0], "\(dtype)")
            #expect(s.indices.scalars(as: Int64.self) == [0, 2, 1, 1, 2, 0], "\(dtype)")
            #expect(x.topk(1, dim: 0, largest: false).values.doubleScalars == [0, 1, 2], "\(dtype)")
        }
        #expect(Tensor([true, false, true]).sort().indices.scalars(as: Int64.self) == [1, 0, 2])
        let scalar = Tensor(3.0).sort()
        #expect(scalar.values.shape == [] && scalar.indices.scalars(as: Int64.self) == [0])
        #expect(Tensor(1.0).topk(1).indices.shape == [])
        #expect(Tensor([1.0, 3.0, 2.0]).topk(0).values.shape == [0])
        #expect(Tensor(empty: [2, 0]).sort(dim: 1).values.shape == [2, 0])
    }

    /// topk of few among many keeps a running selection instead of sorting; it must pick
    /// exactly the first k of the stable sort (checked against PyTorch above), NaNs and ties
    /// included.
    @Test(arguments: [1, 2, 5]) func topkSelectionAgreesWithSort(k: Int) {
        for dtype in [DType.float32, .float64, .int64, .int16] {
            // 3 rows of 96 values with many ties (and NaN for floats), stored transposed.
            let values: [Double] = (0..<288).map { i in
                dtype.isFloatingPoint && i % 41 == 7 ? .nan : Double((i * 37) % 23)
            }
            let x = IndexingTest.transposed(Tensor(values, shape: [96, 3]).to(dtype))
            let first = IndexingTest.index((0..<Int64(k)).map { $0 })
            for largest in [true, false] {
                let top = x.topk(k, dim: 1, largest: largest)
                let sorted = x.sort(dim: 1, descending: largest, stable: true)
                T.expectEqual(top.values, sorted.values.indexSelect(dim: 1, index: first), "\(dtype) largest \(largest)")
                T.expectEqual(top.indices, sorted.indices.indexSelect(dim: 1, index: first), "\(dtype) largest \(largest)")
            }
        }
    }

    @Test func errorsMatchPyTorch() {
        let x = Tensor([1.0, 3.0, 2.0])
        T.expectError("topk", [.tensor(x), .int(4), .int(-1), .bool(true), .bool(true)],
            "topk: selected index k out of range (k = 4, size 3 along dimension 0)")
        T.expectError("topk", [.tensor(x), .int(-1), .int(-1), .bool(true), .bool(true)],
            "topk: selected index k out of range (k = -1, size 3 along dimension 0)")
        T.expectError("topk", [.tensor(x), .int(1), .int(1), .bool(true), .bool(true)],
            "topk: Dimension out of range (expected to be in range of [-1, 0], but got 1)")
        T.expectError("sort", [.tensor(x), .int(2), .bool(false), .bool(false)],
            "sort: Dimension out of range (expected to be in range of [-1, 0], but got 2)")
        T.expectError("topk", [.tensor(Tensor([true])), .int(1), .int(-1), .bool(true), .bool(true)],
            "topk: no kernel for 'topk' on (bool, cpu); registered: uint8, int8, int16, int32, int64, float16, bfloat16, float32, float64 (cpu)")
    }
}
