// sort / argsort: sorts each slice along `dim`. Ember's sort is always stable (equal
// elements keep their order, in either direction), so `stable` only documents intent.
// NaN sorts as the largest value (last ascending, first descending) and -0.0 equals 0.0,
// as in PyTorch.

extension CoreOperators {
    static func registerSort(_ d: Dispatcher) {
        let sort = define(d, "sort(Tensor self, int dim=-1, bool descending=False, bool stable=False) -> (Tensor values, Tensor indices)",
                          doc: "Sorts along a dimension, returning the values and their original indices.")
        registerSortKernels(d, sort) { args, type in
            let x = try args.tensor(0)
            let dim = try checkedDim(try args.int(1), rank: x.rank, op: "sort")
            let (values, indices) = SliceSorter(x, dim: dim).sorted(type, descending: try args.bool(2), keep: nil)
            return [.tensor(values), .tensor(indices)]
        }
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

    /// Registers a kernel written once for every sortable element type, for `dtypes`.
    static func registerSortKernels(
        _ d: Dispatcher, _ op: OperatorHandle, dtypes: Set<DType> = Set(DType.allCases),
        _ body: @escaping @Sendable (Arguments, any SortableElement.Type) throws -> [IValue]
    ) {
        let types: [(DType, any SortableElement.Type)] = [
            (.bool, Bool.self), (.uint8, UInt8.self), (.int8, Int8.self), (.int16, Int16.self),
            (.int32, Int32.self), (.int64, Int64.self), (.float16, Float16.self),
            (.bfloat16, BFloat16.self), (.float32, Float.self), (.float64, Double.self),
        ]
        for (dtype, type) in types where dtypes.contains(dtype) {
            d.register(op, dtypes: [dtype], package: package) { try body($0, type) }
        }
    }
}

/// Element types in PyTorch's sort order: NaN after every other value, NaNs equal.
protocol SortableElement: TensorElement {
    /// Whether `a` orders strictly before `b` in ascending order.
    static func ascends(_ a: Self, _ b: Self) -> Bool
}

extension SortableElement where Self: FixedWidthInteger {
    static func ascends(_ a: Self, _ b: Self) -> Bool { a < b }
}
extension SortableElement where Self: BinaryFloatingPoint {
    static func ascends(_ a: Self, _ b: Self) -> Bool { !a.isNaN && (b.isNaN || a < b) }
}
extension Bool: SortableElement {
    static func ascends(_ a: Bool, _ b: Bool) -> Bool { !a && b }
}
extension BFloat16: SortableElement {
    static func ascends(_ a: BFloat16, _ b: BFloat16) -> Bool { Float.ascends(a.floatValue, b.floatValue) }
}
extension UInt8: SortableElement {}
extension Int8: SortableElement {}
extension Int16: SortableElement {}
extension Int32: SortableElement {}
extension Int64: SortableElement {}
extension Float16: SortableElement {}
extension Float: SortableElement {}
extension Double: SortableElement {}

/// Sorts the slices of a tensor along one dimension (0-d tensors count as one slice of one).
struct SliceSorter {
    let x: Tensor
    let dim: Int
    /// The shape without 0-d special cases, and the slice length.
    let shape: [Int], strides: [Int], length: Int

    init(_ x: Tensor, dim: Int) {
        self.x = x
        self.dim = dim
        shape = x.rank == 0 ? [1] : x.shape
        strides = x.rank == 0 ? [1] : x.strides
        length = shape[dim]
    }

    /// The sorted values and original indices of every slice, keeping the first `keep`
    /// entries of each (all when `nil`); outputs are contiguous with `dim` cut to `keep`.
    func sorted<T: SortableElement>(_ type: T.Type, descending: Bool, keep: Int?) -> (Tensor, Tensor) {
        let k = keep ?? length
        var outShape = x.shape
        if x.rank > 0 { outShape[dim] = k }
        let values = Tensor(empty: outShape, dtype: x.dtype), indices = Tensor(empty: outShape, dtype: .int64)
        let loopOutShape = x.rank == 0 ? [1] : outShape
        let outStrides = Tensor.contiguousStrides(for: loopOutShape)
        let src = UnsafePointer(x.dataPointer.assumingMemoryBound(to: T.self))
        let pv = values.dataPointer.assumingMemoryBound(to: T.self)
        let pi = indices.dataPointer.assumingMemoryBound(to: Int64.self)
        let step = strides[dim], outStep = outStrides[dim]
        let before: (T, T) -> Bool = descending ? { T.ascends($1, $0) } : { T.ascends($0, $1) }
        var pairs: [(value: T, index: Int)] = []
        pairs.reserveCapacity(length)
        let loop = StridedLoop(shape: Indexing.removing(dim, shape),
                               strides: [Indexing.removing(dim, strides), Indexing.removing(dim, outStrides)])
        loop.forEachRow { off, n, st in
            for r in 0..<n {
                let s = src + (off[0] &+ r &* st[0]), o = off[1] &+ r &* st[1]
                pairs.removeAll(keepingCapacity: true)
                for i in 0..<length { pairs.append((s[i &* step], i)) }
                // Ties break on the original index: a stable order whatever the algorithm.
                pairs.sort { before($0.value, $1.value) || (!before($1.value, $0.value) && $0.index < $1.index) }
                for i in 0..<k {
                    pv[o &+ i &* outStep] = pairs[i].value
                    pi[o &+ i &* outStep] = Int64(pairs[i].index)
                }
            }
        }
        return (values, indices)
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
