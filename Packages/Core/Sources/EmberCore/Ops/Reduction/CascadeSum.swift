// Floating-point summation in pairwise (cascade) order, as PyTorch and NumPy sum: the
// range is halved recursively down to leaves, and each leaf is summed with many
// independent accumulators (SIMD lanes for contiguous float32/float64 rows). The rounding
// error then grows with log2(n) instead of n: 2^24 float32 ones sum to exactly 16777216,
// and 1e7 copies of 0.1 to within a few ulps of 1e6.

/// Pairwise summation of float32/float64 rows, columns and mapped sequences.
public enum CascadeSum {
    /// Elements per leaf of the contiguous SIMD path (32 per SIMD lane group).
    @usableFromInline static let simdLeaf = 1024
    /// Elements per leaf of the scalar path.
    @usableFromInline static let scalarLeaf = 128
    /// Rows per leaf, and columns per tile, of the column path.
    @usableFromInline static let rowLeaf = 16, columnTile = 4096

    /// The sum of `n` elements starting at `p`, `stride` apart.
    @inlinable
    public static func sum<T: FloatElement>(_ p: UnsafePointer<T>, _ n: Int, stride: Int) -> T {
        if stride == 1 {
            if T.self == Float.self {
                return unsafeBitCast(contiguous(UnsafeRawPointer(p).assumingMemoryBound(to: Float.self), n), to: T.self)
            }
            if T.self == Double.self {
                return unsafeBitCast(contiguous(UnsafeRawPointer(p).assumingMemoryBound(to: Double.self), n), to: T.self)
            }
        }
        return sum(count: n) { p[$0 * stride] }
    }

    /// The sum of `f(i)` for `i` in `0..<n`, in pairwise order: leaves of ``scalarLeaf``
    /// terms (four accumulators each) combine like a binary counter, each completed pair of
    /// equal-sized partial sums merging into one, so partial sums add pairwise without
    /// recursion and `f` inlines into the leaf loop.
    @inlinable @inline(__always)
    public static func sum<T: FloatElement>(count n: Int, _ f: (Int) -> T) -> T {
        if n <= scalarLeaf { return leaf(0, n, f) }
        return withUnsafeTemporaryAllocation(of: T.self, capacity: 64) { stack in
            var top = 0, leafIndex = 0, lo = 0
            while lo < n {
                let hi = Swift.min(lo + scalarLeaf, n)
                var partial = leaf(lo, hi, f)
                var k = leafIndex
                while k & 1 == 1 {
                    top -= 1
                    partial = stack[top] + partial
                    k >>= 1
                }
                stack[top] = partial
                top += 1
                leafIndex += 1
                lo = hi
            }
            var total = stack[top - 1]
            for i in stride(from: top - 2, through: 0, by: -1) { total = stack[i] + total }
            return total
        }
    }

    @inlinable @inline(__always)
    static func leaf<T: FloatElement>(_ lo: Int, _ hi: Int, _ f: (Int) -> T) -> T {
        var a0 = T.zeroValue, a1 = T.zeroValue, a2 = T.zeroValue, a3 = T.zeroValue
        var i = lo
        while i + 4 <= hi {
            a0 += f(i); a1 += f(i + 1); a2 += f(i + 2); a3 += f(i + 3)
            i += 4
        }
        while i < hi { a0 += f(i); i += 1 }
        return (a0 + a1) + (a2 + a3)
    }

    /// The sum of a contiguous float32 row.
    @inlinable
    public static func contiguous(_ p: UnsafePointer<Float>, _ n: Int) -> Float {
        n >= parallelMinimum ? parallelHalves(p, n) : contiguousSequential(p, n)
    }

    /// The sum of a contiguous float64 row.
    @inlinable
    public static func contiguous(_ p: UnsafePointer<Double>, _ n: Int) -> Double {
        n >= parallelMinimum ? parallelHalves(p, n) : contiguousSequential(p, n)
    }

    @inlinable
    static func leaf(_ p: UnsafePointer<Float>, _ n: Int) -> Float {
        let raw = UnsafeRawPointer(p)
        var a0 = SIMD8<Float>(), a1 = SIMD8<Float>(), a2 = SIMD8<Float>(), a3 = SIMD8<Float>()
        var i = 0
        while i + 32 <= n {
            a0 += raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            a1 += raw.loadUnaligned(fromByteOffset: i * 4 + 32, as: SIMD8<Float>.self)
            a2 += raw.loadUnaligned(fromByteOffset: i * 4 + 64, as: SIMD8<Float>.self)
            a3 += raw.loadUnaligned(fromByteOffset: i * 4 + 96, as: SIMD8<Float>.self)
            i += 32
        }
        var tail: Float = 0
        while i < n { tail += p[i]; i += 1 }
        return ((a0 + a1) + (a2 + a3)).sum() + tail
    }

    @inlinable
    static func leaf(_ p: UnsafePointer<Double>, _ n: Int) -> Double {
        let raw = UnsafeRawPointer(p)
        var a0 = SIMD4<Double>(), a1 = SIMD4<Double>(), a2 = SIMD4<Double>(), a3 = SIMD4<Double>()
        var i = 0
        while i + 16 <= n {
            a0 += raw.loadUnaligned(fromByteOffset: i * 8, as: SIMD4<Double>.self)
            a1 += raw.loadUnaligned(fromByteOffset: i * 8 + 32, as: SIMD4<Double>.self)
            a2 += raw.loadUnaligned(fromByteOffset: i * 8 + 64, as: SIMD4<Double>.self)
            a3 += raw.loadUnaligned(fromByteOffset: i * 8 + 96, as: SIMD4<Double>.self)
            i += 16
        }
        var tail: Double = 0
        while i < n { tail += p[i]; i += 1 }
        return ((a0 + a1) + (a2 + a3)).sum() + tail
    }

    /// Column sums: `dst[j] = Σ_i src[i * rowStride + j]` for `j` in `0..<cols`, pairwise
    /// over the rows. Rows are read in order, one tile of columns at a time (so reads
    /// stream); leaves of ``rowLeaf`` rows combine like a binary counter on a stack of
    /// partial-sum rows, as in ``sum(count:_:)``.
    @inlinable
    public static func columns<T: FloatElement>(
        _ src: UnsafePointer<T>, rows: Int, rowStride: Int, cols: Int, into dst: UnsafeMutablePointer<T>
    ) {
        let leaves = (rows + rowLeaf - 1) / rowLeaf
        let levels = Int.bitWidth - leaves.leadingZeroBitCount + 1
        let tile = Swift.min(cols, columnTile)
        let stack = UnsafeMutablePointer<T>.allocate(capacity: levels * tile)
        defer { stack.deallocate() }
        var j0 = 0
        while j0 < cols {
            let w = Swift.min(tile, cols - j0)
            var top = 0, leafIndex = 0, lo = 0
            while lo < rows {
                let hi = Swift.min(lo + rowLeaf, rows)
                let slot = stack + top * tile
                let first = src + lo * rowStride + j0
                for j in 0..<w { slot[j] = first[j] }
                for i in (lo + 1)..<hi {
                    let row = src + i * rowStride + j0
                    for j in 0..<w { slot[j] += row[j] }
                }
                var k = leafIndex
                while k & 1 == 1 {
                    top -= 1
                    let left = stack + top * tile, right = left + tile
                    for j in 0..<w { left[j] += right[j] }
                    k >>= 1
                }
                top += 1
                leafIndex += 1
                lo = hi
            }
            let out = dst + j0
            let last = stack + (top - 1) * tile
            for j in 0..<w { out[j] = last[j] }
            for level in stride(from: top - 2, through: 0, by: -1) {
                let partial = stack + level * tile
                for j in 0..<w { out[j] = partial[j] + out[j] }
            }
            j0 += w
        }
    }
}
