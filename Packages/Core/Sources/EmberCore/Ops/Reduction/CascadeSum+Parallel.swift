// Long contiguous sums run the top levels of the pairwise recursion as separate tasks on
// the thread pool: the subtrees are exactly the ones the sequential recursion visits, and
// their sums combine in the same tree, so the result is bit-identical to the sequential
// order whatever the number of threads.

extension CascadeSum {
    /// Rows at least this long are summed on the pool (a few microseconds of work, against
    /// about one to start a pool job).
    @usableFromInline static let parallelMinimum = 1 << 16
    /// The smallest subtree the parallel split hands to one task.
    static let parallelGrain = 1 << 14

    @usableFromInline
    static func parallelHalves(_ p: UnsafePointer<Float>, _ n: Int) -> Float {
        parallelTree(n, mask: ~31) { offset, count in contiguousSequential(p + offset, count) }
    }

    @usableFromInline
    static func parallelHalves(_ p: UnsafePointer<Double>, _ n: Int) -> Double {
        parallelTree(n, mask: ~15) { offset, count in contiguousSequential(p + offset, count) }
    }

    /// Sums subtrees of the recursion `half = (n / 2) & mask` on the pool: the top levels
    /// (down to subtrees of about ``parallelGrain`` elements, at most 16 of them) are split
    /// off, summed by `subtree(offset, count)`, then added up the same tree.
    static func parallelTree<T: FloatElement>(_ n: Int, mask: Int, _ subtree: (Int, Int) -> T) -> T {
        var levels = 0
        while levels < 4 && n >> (levels + 1) >= parallelGrain { levels += 1 }
        var ranges: [(offset: Int, count: Int)] = []
        ranges.reserveCapacity(1 << levels)
        func split(_ offset: Int, _ count: Int, _ depth: Int) {
            if depth == levels || count <= simdLeaf {
                ranges.append((offset, count))
                return
            }
            let half = (count / 2) & mask
            split(offset, half, depth + 1)
            split(offset + half, count - half, depth + 1)
        }
        split(0, n, 0)
        let results = UnsafeMutablePointer<T>.allocate(capacity: ranges.count)
        defer { results.deallocate() }
        ranges.withUnsafeBufferPointer { r in
            Parallel.forEach(r.count) { i in results[i] = subtree(r[i].offset, r[i].count) }
        }
        var next = 0
        func combine(_ count: Int, _ depth: Int) -> T {
            if depth == levels || count <= simdLeaf {
                next += 1
                return results[next - 1]
            }
            let half = (count / 2) & mask
            let left = combine(half, depth + 1)
            return left + combine(count - half, depth + 1)
        }
        return combine(n, 0)
    }

    /// The pairwise recursion on one thread: halves (multiples of a SIMD group) down to
    /// leaves of ``simdLeaf`` elements.
    @inlinable
    static func contiguousSequential(_ p: UnsafePointer<Float>, _ n: Int) -> Float {
        if n <= simdLeaf { return leaf(p, n) }
        let half = (n / 2) & ~31
        return contiguousSequential(p, half) + contiguousSequential(p + half, n - half)
    }

    /// The pairwise recursion on one thread, for float64.
    @inlinable
    static func contiguousSequential(_ p: UnsafePointer<Double>, _ n: Int) -> Double {
        if n <= simdLeaf { return leaf(p, n) }
        let half = (n / 2) & ~15
        return contiguousSequential(p, half) + contiguousSequential(p + half, n - half)
    }
}
