// topk: the k largest (or smallest) elements of each slice along `dim`, with their indices.
// NaN counts as the largest value. Results are always sorted (PyTorch leaves the order
// unspecified when sorted=False); ties keep index order. Bool is not supported, as in PyTorch.

extension CoreOperators {
    static func registerTopK(_ d: Dispatcher) {
        let op = define(d, "topk(Tensor self, int k, int dim=-1, bool largest=True, bool sorted=True) -> (Tensor values, Tensor indices)",
                        doc: "The k largest or smallest elements along a dimension, with their indices.")
        registerSortKernel(d, op, TopKKernel(), includingBool: false)
        d.registerSamples(op) { dtype in
            dtype == .bool ? [] : [
                [.tensor(Indexing.sample([3, 1, 2, 6, 5, 4], [2, 3], dtype)), .int(2), .int(-1), .bool(true), .bool(true)],
                [.tensor(Indexing.transposedSample([3, 1, 2, 6, 5, 4], [2, 3], dtype)), .int(1), .int(0), .bool(false), .bool(true)],
            ]
        }
    }
}

/// `topk` for elements of type `T`.
struct TopKKernel: Indexing.SortKernel {
    func run<T: SortableElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0), k = try args.int(1)
        let dim = try checkedDim(try args.int(2), rank: x.rank, op: "topk")
        let sorter = SliceSorter(x, dim: dim)
        guard k >= 0 && k <= sorter.length else {
            throw EmberError(.invalidArgument, op: "topk",
                "selected index k out of range (k = \(k), size \(sorter.length) along dimension \(dim))")
        }
        let (values, indices) = sorter.top(T.self, k: k, largest: try args.bool(3))
        return [.tensor(values), .tensor(indices)]
    }
}

extension Tensor {
    private static let topkOp = Dispatcher.shared.handle("topk")

    /// The `k` largest (or, with `largest: false`, smallest) elements along `dim` and their
    /// int64 indices (`torch.topk`). Results come sorted, largest first when `largest`.
    ///
    /// - Complexity: O(n log n) per slice of length n.
    public func topk(_ k: Int, dim: Int = -1, largest: Bool = true, sorted: Bool = true) -> (values: Tensor, indices: Tensor) {
        let r = Dispatcher.shared.callForResults(
            Tensor.topkOp, [.tensor(self), .int(k), .int(dim), .bool(largest), .bool(sorted)]).tensors
        return (r[0], r[1])
    }
}
