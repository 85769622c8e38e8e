/// The shape two shapes broadcast to (NumPy's rules), or a thrown `shapeMismatch` naming `op`.
public func broadcastShapes(_ a: [Int], _ b: [Int], op: String) throws -> [Int] {
    let rank = max(a.count, b.count)
    var result = [Int](repeating: 1, count: rank)
    // From the right, as PyTorch scans, so the first mismatch reported is its.
    for i in stride(from: rank - 1, through: 0, by: -1) {
        let x = i < rank - a.count ? 1 : a[i - (rank - a.count)]
        let y = i < rank - b.count ? 1 : b[i - (rank - b.count)]
        guard x == y || x == 1 || y == 1 else {
            throw EmberError(.shapeMismatch, op: op,
                "The size of tensor a (\(x)) must match the size of tensor b (\(y)) at non-singleton dimension \(i); shapes \(a) and \(b)")
        }
        result[i] = x == 1 ? y : x
    }
    return result
}

/// The shape all `shapes` broadcast to.
public func broadcastShapes(_ shapes: [[Int]], op: String) throws -> [Int] {
    try shapes.dropFirst().reduce(shapes.first ?? []) { try broadcastShapes($0, $1, op: op) }
}

extension Tensor {
    /// The strides that read this tensor as if expanded to `shape` (0 along broadcast dims).
    /// `shape` must be a broadcast of ``shape``.
    @inlinable public func broadcastStrides(to shape: [Int]) -> [Int] {
        Tensor.broadcastStrides(shape: self.shape, strides: strides, to: shape)
    }

    /// The strides that read a layout of `shape` and `strides` as if expanded to `target`.
    @inlinable public static func broadcastStrides(shape: [Int], strides: [Int], to target: [Int]) -> [Int] {
        let offset = target.count - shape.count
        var result = [Int](repeating: 0, count: target.count)
        for i in 0..<shape.count where shape[i] != 1 {
            result[i + offset] = strides[i]
        }
        return result
    }
}
