import Dispatch

// Long contiguous sums split their two top-level halves across two threads. The halves are
// exactly the ones the sequential recursion uses, so the result is bit-identical whatever
// the number of threads. Waking a second thread costs ~50 µs here, so only rows of at least
// `parallelMinimum` elements (~1 ms of work) take this path.

extension CascadeSum {
    /// Rows at least this long are summed on two threads.
    @usableFromInline static let parallelMinimum = 1 << 21

    @usableFromInline
    static func parallelHalves(_ p: UnsafePointer<Float>, _ n: Int) -> Float {
        let half = (n / 2) & ~31
        let (a, b) = twoThreads(UInt(bitPattern: p), { contiguousSequential(UnsafePointer<Float>(bitPattern: $0)!, half) },
                                UInt(bitPattern: p + half), { contiguousSequential(UnsafePointer<Float>(bitPattern: $0)!, n - half) })
        return a + b
    }

    @usableFromInline
    static func parallelHalves(_ p: UnsafePointer<Double>, _ n: Int) -> Double {
        let half = (n / 2) & ~15
        let (a, b) = twoThreads(UInt(bitPattern: p), { contiguousSequential(UnsafePointer<Double>(bitPattern: $0)!, half) },
                                UInt(bitPattern: p + half), { contiguousSequential(UnsafePointer<Double>(bitPattern: $0)!, n - half) })
        return a + b
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

    /// Runs `first(x)` and `second(y)` on two threads and returns both results.
    private static func twoThreads<R: BinaryFloatingPoint & Sendable>(
        _ x: UInt, _ first: @escaping @Sendable (UInt) -> R, _ y: UInt, _ second: @escaping @Sendable (UInt) -> R
    ) -> (R, R) {
        let results = UnsafeMutablePointer<R>.allocate(capacity: 2)
        defer { results.deallocate() }
        let slots = UInt(bitPattern: results)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let out = UnsafeMutablePointer<R>(bitPattern: slots)!
            out[i] = i == 0 ? first(x) : second(y)
        }
        return (results[0], results[1])
    }
}
