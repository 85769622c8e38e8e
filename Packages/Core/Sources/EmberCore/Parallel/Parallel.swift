import Synchronization

/// Core's CPU parallelism: a persistent pool of worker threads, sized to the cores, that
/// elementwise, reduction and copy kernels split large work over (PyTorch's intra-op
/// thread pool). Starting a job costs about a microsecond while the workers are awake;
/// idle workers park after ~100 µs.
///
/// Results never depend on the thread count: work is cut into pieces by size alone, and
/// reductions combine the pieces' results in a fixed order.
public enum Parallel {
    /// The number of threads parallel kernels use, the calling thread included
    /// (`torch.get_num_threads()`). Defaults to `OMP_NUM_THREADS` or the number of cores.
    public static var numThreads: Int { ThreadPool.shared.threadCount.load(ordering: .relaxed) }

    /// Sets the number of threads parallel kernels use (`torch.set_num_threads`); values
    /// below 1 mean 1. EmberBLAS splits large products over the same threads.
    public static func setNumThreads(_ n: Int) {
        ThreadPool.shared.setThreads(n)
    }

    /// Runs `body(i)` for every `i` in `0..<count`, spread over the pool's threads (the
    /// caller among them), and returns when all have run. `body` runs concurrently with
    /// itself, so the calls must write disjoint memory. A call made while the pool is busy
    /// (from inside a `body`, or from another thread during a job) runs serially on its
    /// own thread, so nesting cannot deadlock.
    public static func forEach(_ count: Int, _ body: (Int) -> Void) {
        if count <= 0 { return }
        ThreadPool.shared.run(count, body)
    }

    /// Splits `0..<count` into contiguous ranges of at least `grain` elements (starting at
    /// multiples of 16, so pieces do not share cache lines) and runs `body` on each, in
    /// parallel when there are several. Counts below `2 * grain` run as one range on the
    /// calling thread.
    @inlinable
    public static func forEachRange(_ count: Int, grain: Int, _ body: (Range<Int>) -> Void) {
        if count < 2 * grain {
            if count > 0 { body(0..<count) }
            return
        }
        forEachLargeRange(count, grain: grain, body)
    }

    @usableFromInline
    static func forEachLargeRange(_ count: Int, grain: Int, _ body: (Range<Int>) -> Void) {
        let threads = numThreads
        if threads == 1 {
            body(0..<count)
            return
        }
        // A few pieces per thread, so that a thread slowed by other processes is covered.
        let pieces = Swift.min(count / grain, threads * 4)
        let size = ((count + pieces - 1) / pieces + 15) & ~15
        let used = (count + size - 1) / size
        forEach(used) { i in body(i * size..<Swift.min(count, (i + 1) * size)) }
    }
}
