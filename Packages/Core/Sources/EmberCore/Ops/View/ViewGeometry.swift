// Shape and stride arithmetic shared by the view operators: inferring a `-1` size, the
// strides that let a tensor be viewed with another shape, and the storage a view addresses.

/// Pure shape/stride computations for views (no tensors, no dispatch).
enum ViewGeometry {
    /// `shape` with its single `-1` replaced so that it holds `count` elements (PyTorch's
    /// `infer_size`); throws PyTorch's messages for a second `-1`, a negative size, an
    /// ambiguous `-1` or a count that does not match.
    static func inferSize(_ shape: [Int], count: Int, op: String) throws -> [Int] {
        var inferred: Int?
        var known = 1
        for (i, size) in shape.enumerated() {
            if size == -1 {
                guard inferred == nil else {
                    throw EmberError(.invalidArgument, op: op, "only one dimension can be inferred")
                }
                inferred = i
            } else if size >= 0 {
                known *= size
            } else {
                throw EmberError(.invalidArgument, op: op, "invalid shape dimension \(size) at index \(i) of shape \(shape)")
            }
        }
        if count == known || (inferred != nil && known > 0 && count % known == 0) {
            guard let i = inferred else { return shape }
            guard known != 0 else {
                throw EmberError(.invalidArgument, op: op,
                    "cannot reshape tensor of 0 elements into shape \(shape) because the unspecified dimension size -1 can be any value and is ambiguous")
            }
            var result = shape
            result[i] = count / known
            return result
        }
        throw EmberError(.shapeMismatch, op: op, "shape '\(shape)' is invalid for input of size \(count)")
    }

    /// The strides that present the elements of a tensor with `shape`/`strides` in row-major
    /// order as `newShape` without copying, or `nil` when no such strides exist.
    ///
    /// The old dimensions are grouped into "chunks" of dimensions laid out back to back
    /// (stride[d-1] == size[d] · stride[d]); a view is possible exactly when every new
    /// dimension falls inside one chunk. Size-1 dimensions never break a chunk. The strides
    /// chosen are the ones PyTorch's `view` reports.
    static func viewStrides(_ shape: [Int], _ strides: [Int], to newShape: [Int]) -> [Int]? {
        if shape.contains(0) {
            // Empty tensors: any strides work; keep them when the shape is unchanged.
            return shape == newShape ? strides : Tensor.contiguousStrides(for: newShape)
        }
        guard let innermost = strides.last else { return [Int](repeating: 1, count: newShape.count) }
        var result = [Int](repeating: 0, count: newShape.count)
        var v = newShape.count - 1          // next new dimension to place, innermost first
        var chunkStride = innermost         // stride of the chunk's innermost dimension
        var chunkCount = 1, viewCount = 1   // elements spanned so far by old / new dims in the chunk
        for d in Swift.stride(from: shape.count - 1, through: 0, by: -1) {
            chunkCount *= shape[d]
            let chunkEnds = d == 0 || (shape[d - 1] != 1 && strides[d - 1] != chunkCount * chunkStride)
            guard chunkEnds else { continue }
            while v >= 0 && (viewCount < chunkCount || newShape[v] == 1) {
                result[v] = viewCount * chunkStride
                viewCount *= newShape[v]
                v -= 1
            }
            if viewCount != chunkCount { return nil }
            if d > 0 {
                chunkStride = strides[d - 1]
                chunkCount = 1
                viewCount = 1
            }
        }
        return v == -1 ? result : nil
    }

    /// The storage elements `[lowest, highest + 1)` that a view addresses, or `nil` when it
    /// has no elements. Strides are non-negative for every Ember view.
    static func elementRange(shape: [Int], strides: [Int], offset: Int) -> Range<Int>? {
        if shape.contains(0) { return nil }
        var high = offset
        for (size, stride) in zip(shape, strides) { high += (size - 1) * stride }
        return offset..<(high + 1)
    }

    /// Whether the view addresses each storage element of a gapless block exactly once,
    /// in some order of dimensions (PyTorch's `is_non_overlapping_and_dense`).
    static func isNonOverlappingAndDense(shape: [Int], strides: [Int]) -> Bool {
        if Tensor.isContiguous(shape: shape, strides: strides) { return true }
        let dims = shape.indices.filter { shape[$0] != 1 }.sorted { strides[$0] < strides[$1] }
        var expected = 1
        for d in dims {
            if strides[d] != expected { return false }
            expected *= shape[d]
        }
        return true
    }

    /// Whether some element is addressed twice because a dimension of size > 1 has stride 0
    /// (the overlap PyTorch detects cheaply and refuses to write through).
    static func hasInternalOverlap(shape: [Int], strides: [Int]) -> Bool {
        zip(shape, strides).contains { $0 > 1 && $1 == 0 }
    }
}

/// Helpers the view operators share: making aliases and calling other operators.
enum ViewSupport {
    /// A tensor viewing `t`'s storage with another geometry (same dtype, same version counter).
    /// The result's ``Tensor/base`` is `t`'s base, or `t` itself; it remembers the layers
    /// excluded when it was made (``Tensor/viewCreationExclusions``).
    static func alias(_ t: Tensor, shape: [Int], strides: [Int], offset: Int? = nil) -> Tensor {
        let view = Tensor(storage: t.storage, shape: shape, strides: strides, storageOffset: offset ?? t.storageOffset, dtype: t.dtype)
        view.base = t.base ?? t
        view.viewCreationExclusions = DispatchKeySet.excludedOnThisThread
        return view
    }

    /// Calls `op` on `d` and returns its tensor result (composites use it).
    static func call(_ d: Dispatcher, _ op: OperatorHandle, _ args: [IValue]) throws -> Tensor {
        guard case .tensor(let t) = try d.call(op, args).first else {
            throw EmberError(.invalidArgument, op: d.definition(op).schema.name, "returned no tensor")
        }
        return t
    }

    /// Calls `op` on `d` and returns its tensor-list result.
    static func callForList(_ d: Dispatcher, _ op: OperatorHandle, _ args: [IValue]) throws -> [Tensor] {
        guard case .tensors(let ts) = try d.call(op, args).first else {
            throw EmberError(.invalidArgument, op: d.definition(op).schema.name, "returned no tensor list")
        }
        return ts
    }

    /// The tensor list of a multi-result Swift API call.
    static func list(_ results: [IValue]) -> [Tensor] {
        if case .tensors(let ts) = results.first { return ts }
        return results.tensors
    }
}
