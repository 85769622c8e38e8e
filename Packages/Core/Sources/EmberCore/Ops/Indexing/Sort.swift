// sort / argsort: sorts each slice along `dim`. Ember's sort is always stable (equal
// elements keep their order, in either direction), so `stable` only documents intent.
// NaN sorts as the largest value (last ascending, first descending) and -0.0 equals 0.0,
// as in PyTorch.

extension CoreOperators {
    static func registerSort(_ d: Dispatcher) {
        let sort = define(d, "sort(Tensor self, int dim=-1, bool descending=False, bool stable=False) -> (Tensor values, Tensor indices)",
                          doc: "Sorts along a dimension, returning the values and their original indices.")
        registerSortKernel(d, sort, SortKernel(), includingBool: true)
        let argsort = define(d, "argsort(Tensor self, int dim=-1, bool descending=False, bool stable=False) -> Tensor",
                             doc: "The indices that sort a tensor along a dimension.")
        d.registerComposite(argsort, package: package) { args in
            Array(try d.call(sort, args.values).dropFirst())
        }
        for op in [sort, argsort] {
            d.registerSamples(op) { dtype in [
                [.tensor(Indexing.sample([3, 1, 2, 6, 5, 4], [2, 3], dtype)), .int(-1), .bool(false), .bool(false)],
                [.tensor(Indexing.transposedSample([3, 1, 2, 6, 5, 4], [2, 3], dtype)), .int(0), .bool(true), .bool(true)],
            ] }
        }
    }

    /// Registers `kernel` specialised for every sortable element type (bool optional).
    static func registerSortKernel(_ d: Dispatcher, _ op: OperatorHandle, _ kernel: some Indexing.SortKernel, includingBool: Bool) {
        if includingBool {
            d.register(op, dtypes: [.bool], package: package) { try kernel.run($0, Bool.self) }
        }
        d.register(op, dtypes: [.uint8], package: package) { try kernel.run($0, UInt8.self) }
        d.register(op, dtypes: [.int8], package: package) { try kernel.run($0, Int8.self) }
        d.register(op, dtypes: [.int16], package: package) { try kernel.run($0, Int16.self) }
        d.register(op, dtypes: [.int32], package: package) { try kernel.run($0, Int32.self) }
        d.register(op, dtypes: [.int64], package: package) { try kernel.run($0, Int64.self) }
        d.register(op, dtypes: [.float16], package: package) { try kernel.run($0, Float16.self) }
        d.register(op, dtypes: [.bfloat16], package: package) { try kernel.run($0, BFloat16.self) }
        d.register(op, dtypes: [.float32], package: package) { try kernel.run($0, Float.self) }
        d.register(op, dtypes: [.float64], package: package) { try kernel.run($0, Double.self) }
    }
}

extension Indexing {
    /// A kernel written once for every sortable element type.
    protocol SortKernel: Sendable {
        /// Runs the kernel with elements of type `T`.
        func run<T: SortableElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue]
    }
}

/// `sort` for elements of type `T`.
struct SortKernel: Indexing.SortKernel {
    func run<T: SortableElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0)
        let dim = try checkedDim(try args.int(1), rank: x.rank, op: "sort")
        let (values, indices) = SliceSorter(x, dim: dim).sorted(T.self, descending: try args.bool(2))
        return [.tensor(values), .tensor(indices)]
    }
}

extension Tensor {
    private static let sortOp = Dispatcher.shared.handle("sort")
    private static let argsortOp = Dispatcher.shared.handle("argsort")

    /// The elements sorted along `dim`, with the index each came from (`torch.sort`). The
    /// sort is stable; NaN sorts as the largest value.
    ///
    /// - Complexity: O(n log n) per slice of length n.
    public func sort(dim: Int = -1, descending: Bool = false, stable: Bool = false) -> (values: Tensor, indices: Tensor) {
        let r = Dispatcher.shared.callForResults(Tensor.sortOp, [.tensor(self), .int(dim), .bool(descending), .bool(stable)]).tensors
        return (r[0], r[1])
    }

    /// The int64 indices that sort this tensor along `dim` (`torch.argsort`).
    public func argsort(dim: Int = -1, descending: Bool = false, stable: Bool = false) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.argsortOp, [.tensor(self), .int(dim), .bool(descending), .bool(stable)])
    }
}
