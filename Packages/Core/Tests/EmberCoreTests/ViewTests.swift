import Testing
@testable import EmberCore
import EmberTestSupport

/// The view operators against PyTorch: every case of `views.json` (written by
/// make_view_fixtures.py) must give PyTorch's shape, strides, storage offset and values, in
/// several dtypes, on contiguous and non-contiguous bases.
@Suite struct ViewTests {
    static let dtypes: [DType] = [.float32, .float64, .int64, .int32]

    /// Fixture name → the same operation written with Ember's API.
    static let cases: [String: @Sendable (Bases) -> Tensor] = [
        "view_A": { $0.A.view(4, 6) },
        "view_A_infer": { $0.A.view(-1, 4) },
        "view_AT_split": { $0.AT.view(2, 2, 3, 2) },
        "view_MT_unsqueezed": { $0.MT.view(4, 1, 3) },
        "view_S_merge": { $0.S.view(2, 4) },
        "view_Z_1": { $0.Z.view(1) },
        "view_O_0d": { $0.O.slice(dim: 1, end: 1).view([]) },
        "view_E": { $0.E.view(2, 0, 5) },
        "reshape_A": { $0.A.reshape(6, 4) },
        "reshape_AT_copy": { $0.AT.reshape(-1) },
        "reshape_S_copy": { $0.S.reshape(8) },
        "as_strided_A": { $0.A.asStrided(size: [3, 2], stride: [1, 4], storageOffset: 2) },
        "as_strided_S": { $0.S.asStrided(size: [2, 2], stride: [2, 0]) },
        "alias_S": { $0.S.alias() },
        "permute_A": { $0.A.permute(2, 0, 1) },
        "permute_AT": { $0.AT.permute(1, -1, 0) },
        "transpose_A": { $0.A.transpose(0, -1) },
        "transpose_S": { $0.S.transpose(1, 2) },
        "t_M": { $0.M.t() },
        "t_MT": { $0.MT.t() },
        "t_V5": { $0.V5.t() },
        "movedim_A": { $0.A.movedim(0, -1) },
        "movedim_A_list": { $0.A.movedim([0, 1], [2, 0]) },
        "squeeze_R": { $0.R.squeeze() },
        "squeeze_R_dim": { $0.R.squeeze(dim: 1) },
        "squeeze_Q_dims": { $0.Q.squeeze(dims: [0, 1, 2]) },
        "squeeze_A_noop": { $0.A.squeeze(dim: 0) },
        "unsqueeze_A_0": { $0.A.unsqueeze(0) },
        "unsqueeze_A_last": { $0.A.unsqueeze(-1) },
        "unsqueeze_AT_1": { $0.AT.unsqueeze(1) },
        "unsqueeze_MT_0": { $0.MT.unsqueeze(0) },
        "expand_C": { $0.C.expand(2, 3, 4) },
        "expand_O_keep": { $0.O.expand(3, -1) },
        "expand_S": { $0.S.slice(dim: 1, end: 1).expand(3, 2, 5, 2) },
        "expand_Z": { $0.Z.expand(2, 3) },
        "expand_as_C": { $0.C.expand(as: $0.M) },
        "flatten_A": { $0.A.flatten() },
        "flatten_A_1": { $0.A.flatten(startDim: 1) },
        "flatten_AT_copy": { $0.AT.flatten() },
        "flatten_Z": { $0.Z.flatten() },
        "unflatten_A": { $0.A.unflatten(dim: 2, sizes: [2, 2]) },
        "unflatten_MT": { $0.MT.unflatten(dim: 0, sizes: [2, -1]) },
        "unflatten_MT_1": { $0.MT.unflatten(dim: 1, sizes: [3, 1]) },
        "select_A": { $0.A.select(dim: 0, index: 1) },
        "select_A_neg": { $0.A.select(dim: -1, index: -2) },
        "select_AT": { $0.AT.select(dim: 1, index: 2) },
        "slice_A_step": { $0.A.slice(dim: 2, start: 1, step: 2) },
        "slice_A_clamp": { $0.A.slice(dim: 1, start: -100, end: 100) },
        "slice_A_empty": { $0.A.slice(dim: 1, start: 2, end: 1) },
        "slice_AT": { $0.AT.slice(dim: 0, start: 1, end: -1, step: 2) },
        "narrow_A": { $0.A.narrow(dim: 2, start: 1, length: 2) },
        "narrow_A_neg": { $0.A.narrow(dim: -1, start: -3, length: 2) },
        "narrow_AT": { $0.AT.narrow(dim: 1, start: 0, length: 2) },
        "diagonal_M": { $0.M.diagonal() },
        "diagonal_M_above": { $0.M.diagonal(offset: 1) },
        "diagonal_M_below": { $0.M.diagonal(offset: -1) },
        "diagonal_M_far": { $0.M.diagonal(offset: 5) },
        "diagonal_A": { $0.A.diagonal(offset: 0, dim1: 0, dim2: 2) },
        "diagonal_A_swapped": { $0.A.diagonal(offset: 1, dim1: 2, dim2: 1) },
        "diagonal_MT": { $0.MT.diagonal(offset: -2) },
        "clone_AT": { $0.AT.clone() },
        "contiguous_AT": { $0.AT.contiguous() },
        "contiguous_S": { $0.S.contiguous() },
    ]

    /// Fixture name → an Ember operation returning several views.
    static let listCases: [String: @Sendable (Bases) -> [Tensor]] = [
        "unbind_A": { $0.A.unbind(dim: 1) },
        "unbind_AT": { $0.AT.unbind() },
        "split_A": { $0.A.split(2, dim: 2) },
        "split_A_uneven": { $0.A.split(2, dim: 1) },
        "split_sizes_A": { $0.A.split([1, 0, 3], dim: 2) },
        "split_AT": { $0.AT.split(3) },
        "chunk_V_4": { $0.V.chunk(4) },
        "chunk_V_6": { $0.V.chunk(6) },
        "chunk_V5_3": { $0.V5.chunk(3) },
        "chunk_A": { $0.A.chunk(2, dim: -1) },
        "chunk_E": { $0.E.chunk(3) },
    ]

    @Test(arguments: dtypes) func viewsMatchPyTorch(dtype: DType) throws {
        let fixture = try ViewFixture()
        let bases = try fixture.bases(dtype)
        for (name, op) in ViewTests.cases {
            let expected = try fixture.geometries("views", name)
            try #require(expected.count == 1, "\(name) is a single tensor in the fixture")
            let result = op(bases)
            #expect(result.dtype == dtype, "\(name): dtype")
            expectGeometry(result, expected[0], "\(name) (\(dtype))")
        }
    }

    @Test(arguments: dtypes) func splitsMatchPyTorch(dtype: DType) throws {
        let fixture = try ViewFixture()
        let bases = try fixture.bases(dtype)
        for (name, op) in ViewTests.listCases {
            let expected = try fixture.geometries("views", name)
            let pieces = op(bases)
            #expect(pieces.count == expected.count, "\(name): number of pieces")
            for (i, (piece, g)) in zip(pieces, expected).enumerated() {
                expectGeometry(piece, g, "\(name)[\(i)] (\(dtype))")
            }
        }
    }

    @Test func everyFixtureCaseIsChecked() throws {
        let fixture = try ViewFixture()
        let checked = Set(ViewTests.cases.keys).union(ViewTests.listCases.keys).union(SubscriptTests.cases.keys)
        #expect(fixture.names("views") == checked)
        #expect(fixture.names("assignments") == Set(SubscriptTests.assignments.keys))
        #expect(fixture.names("errors") == Set(ViewErrorTests.cases.keys))
    }

    @Test func viewsShareStorageAndCopiesDoNot() throws {
        let b = try ViewFixture().bases(.float32)
        let views: [(String, Tensor, Tensor)] = [
            ("view", b.A.view(6, 4), b.A), ("permute", b.A.permute(1, 2, 0), b.A), ("expand", b.C.expand(2, 3, 4), b.C),
            ("diagonal", b.M.diagonal(), b.M), ("reshape", b.A.reshape(24), b.A), ("flatten", b.S.flatten(startDim: 1), b.S),
            ("squeeze", b.R.squeeze(), b.R), ("narrow", b.AT.narrow(dim: 0, start: 1, length: 2), b.AT),
        ]
        for (name, view, base) in views {
            #expect(view.storage === base.storage, "\(name)")
            #expect(view !== base, "\(name) is a new tensor object")
        }
        #expect(b.AT.reshape(24).storage !== b.AT.storage)
        #expect(b.AT.reshape(24).isContiguous)
        #expect(b.A.clone().storage !== b.A.storage)
        #expect(b.A.contiguous() === b.A)
        #expect(b.A.flatten(startDim: 1, endDim: 1) === b.A)
        #expect(b.AT.contiguous() !== b.AT && b.AT.contiguous().isContiguous)
        for piece in b.A.chunk(3, dim: 1) { #expect(piece.storage === b.A.storage) }
    }

    @Test func writesThroughViewsReachTheBase() {
        let m = Tensor([Float](repeating: 0, count: 12), shape: [3, 4])
        m.t().select(dim: 0, index: 1).copy_(Tensor([1, 2, 3] as [Float], shape: [3]))   // column 1
        m.diagonal().copy_(Tensor([9] as [Float], shape: [1]))
        m.view(12).slice(dim: 0, start: 10).copy_(Tensor([7, 8] as [Float], shape: [2]))
        #expect(m.scalars(as: Float.self) == [9, 1, 0, 0, 0, 9, 0, 0, 0, 3, 7, 8])
        // An in-place arithmetic op on a strided view writes only the viewed elements.
        m.select(dim: 1, index: 3).add_(Tensor([1] as [Float], shape: [1]))
        #expect(m.select(dim: 1, index: 3).scalars(as: Float.self) == [1, 1, 9])
    }

    @Test func viewsShareTheVersionCounter() {
        let a = Tensor([1.0, 2, 3, 4, 5, 6], shape: [2, 3])
        let v = a.t()
        let row = a.select(dim: 0, index: 1)
        let before = a.version
        row.copy_(Tensor([0.0, 0, 0], shape: [3]))
        #expect(a.version == before + 1)
        #expect(v.version == a.version && row.version == a.version)
        a.add_(Tensor([1.0], shape: [1]))
        #expect(v.version == before + 2)
        let copy = a.clone()
        copy.add_(Tensor([1.0], shape: [1]))
        #expect(a.version == before + 2, "a clone has its own version counter")
    }

    @Test func viewOfTransposedFailsButReshapeCopies() throws {
        let m = Tensor((0..<6).map(Double.init), shape: [2, 3])
        let message = emberErrorMessage { _ = try Dispatcher.shared.call("view", [.tensor(m.t()), .ints([6])]) }
        #expect(message == "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.")
        let r = m.t().reshape(6)
        #expect(r.scalars(as: Double.self) == [0, 3, 1, 4, 2, 5])
        #expect(r.storage !== m.storage)
    }

    /// `tensor._base`: a view of a view names the first tensor that is not a view; copies and
    /// plain tensors have none.
    @Test func viewsNameTheirBase() {
        let m = Tensor([0.0, 1, 2, 3, 4, 5], shape: [2, 3])
        let v = m.t().select(dim: 0, index: 1).unsqueeze(0)
        #expect(v.base === m && v.isView)
        #expect(m.base == nil && !m.isView)
        #expect(m.t().contiguous().base == nil && m.clone().base == nil)  // copies
        #expect(m.reshape(3, 2).base === m)    // a view
    }
}
