// Sorting and top-k selection of the slices of a tensor along one dimension, in PyTorch's
// order: NaN after every other value (NaNs tie), -0.0 equal to 0.0. Ties always break on
// the original index, so results are those of a stable sort whatever the algorithm.

/// Element types in PyTorch's sort order.
protocol SortableElement: TensorElement {
    /// Whether `a` orders strictly before `b` in ascending order (NaN is largest).
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

/// Sorts (or selects the first k of) every slice of a tensor along one dimension. A 0-d
/// tensor is one slice of one element.
struct SliceSorter {
    let x: Tensor
    let dim: Int
    /// The shape and strides with 0-d treated as `[1]`, and the slice length.
    let shape: [Int], strides: [Int], length: Int

    init(_ x: Tensor, dim: Int) {
        self.x = x
        self.dim = dim
        shape = x.rank == 0 ? [1] : x.shape
        strides = x.rank == 0 ? [1] : x.strides
        length = shape[dim]
    }

    /// The values and original indices of each slice in order (descending: largest first).
    func sorted<T: SortableElement>(_ type: T.Type, descending: Bool) -> (Tensor, Tensor) {
        descending ? order(T.self, keep: length) { T.ascends($1, $0) } : order(T.self, keep: length) { T.ascends($0, $1) }
    }

    /// The first `k` of each slice in order (largest first when `largest`).
    func top<T: SortableElement>(_ type: T.Type, k: Int, largest: Bool) -> (Tensor, Tensor) {
        largest ? order(T.self, keep: k) { T.ascends($1, $0) } : order(T.self, keep: k) { T.ascends($0, $1) }
    }

    /// Orders each slice by `before` (ties by index) and keeps the first `keep` entries, in
    /// contiguous outputs whose `dim` has size `keep`.
    private func order<T: SortableElement>(_ type: T.Type, keep k: Int, _ before: (T, T) -> Bool) -> (Tensor, Tensor) {
        var outShape = x.shape
        if x.rank > 0 { outShape[dim] = k }
        let values = Tensor(empty: outShape, dtype: x.dtype), indices = Tensor(empty: outShape, dtype: .int64)
        let outStrides = Tensor.contiguousStrides(for: x.rank == 0 ? [1] : outShape)
        let src = UnsafePointer(x.dataPointer.assumingMemoryBound(to: T.self))
        let pv = values.dataPointer.assumingMemoryBound(to: T.self)
        let pi = indices.dataPointer.assumingMemoryBound(to: Int64.self)
        let n = length, step = strides[dim], outStep = outStrides[dim]
        // Selecting few of many: keep a sorted buffer of the best k seen (O(n) expected).
        let select = k > 0 && k * 16 <= n
        var pairs: [(value: T, index: Int)] = []
        pairs.reserveCapacity(select ? k + 1 : n)
        let loop = StridedLoop(shape: Indexing.removing(dim, shape),
                               strides: [Indexing.removing(dim, strides), Indexing.removing(dim, outStrides)])
        loop.forEachRow { off, rows, st in
            for r in 0..<rows {
                let s = src + (off[0] &+ r &* st[0]), o = off[1] &+ r &* st[1]
                pairs.removeAll(keepingCapacity: true)
                if select {
                    for i in 0..<n { SliceSorter.offer((s[i &* step], i), to: &pairs, keep: k, before) }
                } else {
                    for i in 0..<n { pairs.append((s[i &* step], i)) }
                    pairs.sort { before($0.value, $1.value) || (!before($1.value, $0.value) && $0.index < $1.index) }
                }
                for i in 0..<k {
                    pv[o &+ i &* outStep] = pairs[i].value
                    pi[o &+ i &* outStep] = Int64(pairs[i].index)
                }
            }
        }
        return (values, indices)
    }

    /// Inserts `candidate` into the sorted `best` (at most `k` entries) if it belongs there.
    /// Candidates come in index order, so one that ties with an entry goes after it.
    private static func offer<T>(
        _ candidate: (value: T, index: Int), to best: inout [(value: T, index: Int)], keep k: Int, _ before: (T, T) -> Bool
    ) {
        if best.count == k {
            guard before(candidate.value, best[k - 1].value) else { return }
            best.removeLast()
        }
        var lo = 0, hi = best.count  // first position whose value orders after the candidate
        while lo < hi {
            let mid = (lo + hi) / 2
            if before(candidate.value, best[mid].value) { hi = mid } else { lo = mid + 1 }
        }
        best.insert(candidate, at: lo)
    }
}
