/// Iterates over the elements of several equally shaped strided operands, one contiguous
/// run ("row") at a time, after merging dimensions that are laid out back to back.
///
/// `body` receives each operand's element offset at the start of the row, the row length
/// and each operand's stride within the row. Offsets and strides are in elements.
public struct StridedLoop {
    /// The loop's shape after merging dimensions.
    public let shape: [Int]
    /// Each operand's strides after merging dimensions.
    public let strides: [[Int]]

    /// Prepares a loop over `shape` for operands with `strides` (one stride array each).
    public init(shape: [Int], strides: [[Int]]) {
        var mergedShape: [Int] = []
        var mergedStrides = [[Int]](repeating: [], count: strides.count)
        for d in 0..<shape.count where shape[d] != 1 {
            if !mergedShape.isEmpty,
               strides.indices.allSatisfy({ strides[$0][d] * shape[d] == mergedStrides[$0].last! })
            {
                mergedShape[mergedShape.count - 1] *= shape[d]
                for k in strides.indices { mergedStrides[k][mergedStrides[k].count - 1] = strides[k][d] }
            } else {
                mergedShape.append(shape[d])
                for k in strides.indices { mergedStrides[k].append(strides[k][d]) }
            }
        }
        self.shape = mergedShape
        self.strides = mergedStrides
    }

    /// The number of elements visited.
    public var count: Int { shape.reduce(1, *) }

    /// Runs `body(offsets, rowLength, rowStrides)` once per row.
    @inlinable
    public func forEachRow(_ body: (_ offsets: UnsafeBufferPointer<Int>, _ n: Int, _ rowStrides: UnsafeBufferPointer<Int>) -> Void) {
        let operands = strides.count
        if shape.contains(0) { return }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: operands * 2 + shape.count) { scratch in
            let offsets = UnsafeMutableBufferPointer(rebasing: scratch[0..<operands])
            let inner = UnsafeMutableBufferPointer(rebasing: scratch[operands..<2 * operands])
            let index = UnsafeMutableBufferPointer(rebasing: scratch[2 * operands..<2 * operands + shape.count])
            for k in 0..<operands { offsets[k] = 0 }
            guard let innerDim = shape.indices.last else {
                for k in 0..<operands { inner[k] = 0 }
                body(UnsafeBufferPointer(offsets), 1, UnsafeBufferPointer(inner))
                return
            }
            for k in 0..<operands { inner[k] = strides[k][innerDim] }
            for d in shape.indices { index[d] = 0 }
            let n = shape[innerDim]
            while true {
                body(UnsafeBufferPointer(offsets), n, UnsafeBufferPointer(inner))
                // Advance the odometer over the outer dimensions.
                var d = innerDim - 1
                while d >= 0 {
                    index[d] += 1
                    for k in 0..<operands { offsets[k] += strides[k][d] }
                    if index[d] < shape[d] { break }
                    for k in 0..<operands { offsets[k] -= strides[k][d] * shape[d] }
                    index[d] = 0
                    d -= 1
                }
                if d < 0 { return }
            }
        }
    }
}
