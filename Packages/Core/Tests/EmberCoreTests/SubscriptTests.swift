import Testing
@testable import EmberCore
import EmberTestSupport

/// Tensor subscripts against PyTorch's basic indexing (views.json, written by
/// make_view_fixtures.py): reads must give PyTorch's views, writes PyTorch's results.
@Suite struct SubscriptTests {
    /// Fixture name → the Ember subscript for PyTorch's expression (in the comment).
    static let cases: [String: @Sendable (Bases) -> Tensor] = [
        "index_A_1": { $0.A[1] },                                   // A[1]
        "index_A_neg": { $0.A[-1, 2] },                             // A[-1, 2]
        "index_A_range": { $0.A[.all, 1..<3] },                     // A[:, 1:3]
        "index_A_ellipsis": { $0.A[.ellipsis, 1] },                 // A[..., 1]
        "index_A_newaxis": { $0.A[.newAxis, 0, .range(step: 2)] },  // A[None, 0, ::2]
        "index_A_tail": { $0.A[1..., .ellipsis, .newAxis] },        // A[1:, ..., None]
        "index_A_mixed": { $0.A[0, .all, .range(1, step: 2)] },     // A[0, :, 1::2]
        "index_A_upto": { $0.A[..<2, -1] },                         // A[:2, -1]
        "index_AT": { $0.AT[1, .all, 0] },                          // AT[1, :, 0]
        "index_A_last_ellipsis": { $0.A[(-2)..., .ellipsis, -1] },  // A[-2:, ..., -1]
        "index_A_clamped": { $0.A[.range(0, 6, step: 2)] },         // A[0:6:2]
        "index_M_from": { $0.M[1...] },                             // M[1:]
        "index_M_upto": { $0.M[..<2] },                             // M[:2]
        "index_M_closed": { $0.M[1...2] },                          // M[1:3]
        "index_M_closed_end": { $0.M[(-2)...(-1)] },                // M[-2:]
        "index_M_column": { $0.M[.all, 0] },                        // M[:, 0]
        "index_M_step": { $0.M[.all, .range(0..<6, step: 2)] },     // M[:, 0:6:2]
        "index_M_every": { $0.M[.range(step: 2)] },                 // M[::2]
        "index_S": { $0.S[1, .ellipsis, 1...] },                    // S[1, ..., 1:]
        "index_Z_none": { $0.Z[.newAxis] },                         // Z[None]
    ]

    /// Fixture name → the assignment, returning the tensor assigned into.
    static let assignments: [String: @Sendable (Bases) -> Tensor] = [
        "set_row": { b in
            let m = b.M.clone()
            m[0] = Tensor([10, 20, 30, 40] as [Float], shape: [4])
            return m
        },
        "set_column": { b in
            let m = b.M.clone()
            m[.all, 1] = Tensor([7, 8, 9] as [Float], shape: [3])
            return m
        },
        "set_broadcast": { b in
            let m = b.M.clone()
            m[1..., .range(step: 2)] = Tensor([100, 200] as [Float], shape: [2])
            return m
        },
        "set_leading_ones": { b in
            let m = b.M.clone()
            m[0] = Tensor([Float](repeating: 5, count: 4), shape: [1, 1, 4])
            return m
        },
        "set_scalar_tensor": { b in
            let a = b.A.clone()
            a[.ellipsis, -1] = Tensor(scalar: -1.0)
            return a
        },
        "set_newaxis": { b in
            let m = b.M.clone()
            m[.newAxis, 2] = Tensor([1, 2, 3, 4] as [Float], shape: [1, 4])
            return m
        },
        "set_through_transpose": { b in
            let m = b.M.clone()
            m.t()[1] = Tensor([-1, -2, -3] as [Float], shape: [3])
            return m
        },
    ]

    @Test(arguments: ViewTests.dtypes) func readsMatchPyTorch(dtype: DType) throws {
        let fixture = try ViewFixture()
        let bases = try fixture.bases(dtype)
        for (name, read) in SubscriptTests.cases {
            let expected = try fixture.geometries("views", name)
            let result = read(bases)
            expectGeometry(result, expected[0], "\(name) (\(dtype))")
        }
    }

    @Test(arguments: ViewTests.dtypes) func writesMatchPyTorch(dtype: DType) throws {
        let fixture = try ViewFixture()
        let bases = try fixture.bases(dtype)
        for (name, write) in SubscriptTests.assignments {
            let expected = try fixture.geometries("assignments", name)[0]
            let result = write(bases)
            #expect(result.dtype == dtype, "\(name): the value is converted to the target's dtype")
            #expect(result.shape == expected.shape, "\(name) (\(dtype)): shape")
            #expect(result.doubleScalars == expected.data, "\(name) (\(dtype)): values")
        }
    }

    @Test func subscriptsAreViewsAndSettersBumpTheVersion() {
        let m = Tensor((0..<12).map(Double.init), shape: [3, 4])
        let row = m[1]
        #expect(row.storage === m.storage)
        let whole = m[.all]
        #expect(whole !== m && whole.storage === m.storage && whole.shape == [3, 4])
        #expect(m[.ellipsis] !== m)
        let before = m.version
        m[2, 3] = Tensor(scalar: 100.0)
        #expect(m.version == before + 1)
        #expect(row.version == m.version)
        #expect(m[2, 3].item(as: Double.self) == 100)
        row[.range(step: 3)] = Tensor([-4.0, -7.0], shape: [2])
        #expect(m[1].scalars(as: Double.self) == [-4, 5, 6, -7])
    }

    @Test func indexListsAndLiterals() throws {
        let a = Tensor((0..<24).map(Int64.init), shape: [2, 3, 4])
        let indices: [TensorIndex] = [1, .all, .range(1, nil, step: 2)]
        let picked = try a.getItem(indices)
        #expect(picked.scalars(as: Int64.self) == [13, 15, 17, 19, 21, 23])
        try a.setItem([0, 0], to: Tensor([Int64](repeating: -1, count: 4), shape: [4]))
        #expect(a[0, 0].scalars(as: Int64.self) == [-1, -1, -1, -1])
        let i = 2
        #expect(a[1, i, .ellipsis].scalars(as: Int64.self) == [20, 21, 22, 23])
        #expect(TensorIndex.range(2..<8, step: 3) == .slice(start: 2, end: 8, step: 3))
        #expect(a[.index(1), .slice(start: nil, end: 1, step: 1)].shape == [1, 4])
        #expect(((-3)...(-1)).tensorIndex == .slice(start: -3, end: nil, step: 1))
        #expect((...2).tensorIndex == .slice(start: nil, end: 3, step: 1))
    }

    @Test func halfPrecisionAndBoolSubscripts() {
        let h = Tensor([0.5, 1.5, 2.5, 3.5], dtype: .float16).view(2, 2)
        #expect(h[.all, 1].doubleScalars == [1.5, 3.5])
        h[0] = Tensor([9.0, 8.0], shape: [2])
        #expect(h.doubleScalars == [9, 8, 2.5, 3.5])
        let b = Tensor([true, false, true, false]).view(2, 2)
        b[1] = Tensor([true, true])
        #expect(b.t().scalars(as: Bool.self) == [true, true, false, true])
    }

    @Test func outOfRangeIndexTrapsWithPyTorchsMessage() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let m = Tensor([1.0, 2.0, 3.0])
            _ = m[5]
        }
        let stderr = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(stderr.contains("index 5 is out of bounds for dimension 0 with size 3"), "\(stderr.prefix(300))")
    }
}
