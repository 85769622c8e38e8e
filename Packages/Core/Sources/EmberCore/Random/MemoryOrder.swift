extension Tensor {
    /// The dimensions ordered from the largest stride to the smallest (ties keep their
    /// order): visiting them row-major walks the storage forward. This is the order in
    /// which PyTorch's TensorIterator feeds a single output, so random fills of
    /// non-contiguous tensors draw their numbers in that order.
    var memoryOrderDims: [Int] {
        shape.indices.sorted { a, b in
            strides[a] != strides[b] ? strides[a] > strides[b] : a < b
        }
    }

    /// A loop over this tensor in memory order, with `others` (strides for this tensor's
    /// shape, e.g. broadcast strides) walked alongside.
    func memoryOrderLoop(others: [[Int]] = []) -> StridedLoop {
        let order = memoryOrderDims
        let all = [strides] + others
        return StridedLoop(shape: order.map { shape[$0] }, strides: all.map { s in order.map { s[$0] } })
    }
}

/// Calls `body` with a pointer to each element of `t` in memory order (the order random
/// numbers are drawn in). `T` must match the tensor's dtype.
func forEachInMemoryOrder<T: TensorElement>(_ t: Tensor, _ type: T.Type, _ body: (UnsafeMutablePointer<T>) -> Void) {
    let p = t.dataPointer.assumingMemoryBound(to: T.self)
    if t.isContiguous {
        for i in 0..<t.count { body(p + i) }
        return
    }
    t.memoryOrderLoop().forEachRow { off, n, st in
        let row = p + off[0], s = st[0]
        for i in 0..<n { body(row + i * s) }
    }
}
