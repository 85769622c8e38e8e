// diagonal: the elements (i, i + offset) of two dimensions, as one last dimension whose
// stride is the sum of theirs.

extension CoreOperators {
    static func registerDiagonal(_ d: Dispatcher) {
        let diagonal = define(d, "diagonal(Tensor(a) self, int offset=0, int dim1=0, int dim2=1) -> Tensor(a)",
                              doc: "Views a diagonal of dim1 and dim2 as the last dimension.")
        d.register(diagonal, anyDType: { args in
            [.tensor(try ViewKernels.diagonal(
                try args.tensor(0), offset: try args.int(1), dim1: try args.int(2), dim2: try args.int(3)))]
        }, package: package)
        d.registerSamples(diagonal) { dtype in
            [[.tensor(ViewSamples.ramp([3, 4], dtype)), .int(1), .int(0), .int(1)],
             [.tensor(ViewSamples.transposed([2, 3, 4], dtype)), .int(-1), .int(2), .int(0)]]
        }
    }
}

extension ViewKernels {
    /// `diagonal`: the elements `(i, i + offset)` of dimensions `dim1` and `dim2` (below the
    /// main diagonal for negative `offset`), moved to a new last dimension. An offset past
    /// the edge gives an empty diagonal.
    static func diagonal(_ t: Tensor, offset: Int, dim1: Int, dim2: Int) throws -> Tensor {
        let a = try checkedDim(dim1, rank: t.rank, op: "diagonal")
        let b = try checkedDim(dim2, rank: t.rank, op: "diagonal")
        guard a != b else {
            throw EmberError(.invalidDimension, op: "diagonal", "diagonal dimensions cannot be identical \(dim1), \(dim2)")
        }
        var start = t.storageOffset
        let length: Int
        if offset >= 0 {
            length = offset >= t.shape[b] ? 0 : min(t.shape[a], t.shape[b] - offset)
            if length > 0 { start += offset * t.strides[b] }
        } else {
            length = offset <= -t.shape[a] ? 0 : min(t.shape[a] + offset, t.shape[b])
            if length > 0 { start -= offset * t.strides[a] }
        }
        let kept = (0..<t.rank).filter { $0 != a && $0 != b }
        return ViewSupport.alias(
            t, shape: kept.map { t.shape[$0] } + [length],
            strides: kept.map { t.strides[$0] } + [t.strides[a] + t.strides[b]], offset: start)
    }
}

extension Tensor {
    private static let diagonalOp = Dispatcher.shared.handle("diagonal")

    /// A view of the diagonal `(i, i + offset)` of dimensions `dim1` and `dim2`, as the last
    /// dimension (`tensor.diagonal`). Writing through it writes the diagonal.
    public func diagonal(offset: Int = 0, dim1: Int = 0, dim2: Int = 1) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.diagonalOp, [.tensor(self), .int(offset), .int(dim1), .int(dim2)])
    }
}
