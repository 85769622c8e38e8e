import Synchronization
import _EmberCoreSupport
#if canImport(Glibc)
import Glibc
#endif

// A persistent fork/join pool, OpenBLAS-style: workers that finished a job spin on the job
// counter for a short while (a new job then starts in about a microsecond), then park on a
// semaphore. The caller publishes a job by bumping the counter, wakes the parked workers it
// needs, takes indices itself, and spins until the workers are done.
//
// Publishing and parking follow the store-then-load pattern on sequentially consistent
// atomics: the caller stores the counter then claims `parked`; a parking worker stores
// `parked` then re-reads the counter; one of them always sees the other's store, so no
// wake-up is lost.

/// One worker thread's parking place.
final class PoolWorker: @unchecked Sendable {
    /// The worker's position in the pool.
    let index: Int
    /// Set by the worker before it sleeps; whoever clears it owes the semaphore one post.
    let parked = Atomic<Bool>(false)
    /// The sequence number of the job the worker is invited to, or 0. The worker joins by
    /// clearing it; the caller, once every index has been taken, cancels an invitation not
    /// yet taken up by clearing it itself, so it never waits for a worker that was not
    /// scheduled in time.
    let ticket = Atomic<Int>(0)
    let semaphore: UnsafeMutablePointer<sem_t>

    init(index: Int) {
        self.index = index
        semaphore = .allocate(capacity: 1)
        sem_init(semaphore, 0, 0)
    }

    /// Wakes the worker if it sleeps.
    func wake() {
        if parked.compareExchange(expected: true, desired: false, ordering: .sequentiallyConsistent).exchanged {
            sem_post(semaphore)
        }
    }

    func sleep() {
        while sem_wait(semaphore) != 0 {}  // retried on EINTR
    }
}

/// The shared pool behind ``Parallel``.
final class ThreadPool: @unchecked Sendable {
    static let shared = ThreadPool(threads: ThreadPool.defaultThreadCount)

    /// How long a worker spins for the next job before it parks.
    static let spinNanoseconds = 100_000
    /// How long a job's caller spins for its workers before it sleeps.
    static let callerSpinNanoseconds = 50_000

    /// The job counter: `(sequence << 16) | threads`, so that a worker learns how many
    /// threads a job uses without reading the job's other fields.
    private let job = Atomic<Int>(0)
    /// The next index to run of the current job.
    private let nextIndex = Atomic<Int>(0)
    /// The workers still running the current job.
    private let running = Atomic<Int>(0)
    /// Held by the thread whose job the pool runs (and by `setThreads`).
    private let busy = Atomic<Bool>(false)
    /// The configured thread count, the caller included.
    let threadCount: Atomic<Int>

    // The current job, written by its caller before publishing and read by the workers after.
    private var body: ((Int) -> Void)?
    private var count = 0
    private var workers: [PoolWorker] = []
    /// Where the thread running a job sleeps while its workers finish.
    private let caller = PoolWorker(index: -1)

    init(threads: Int) {
        threadCount = Atomic(Swift.max(1, threads))
    }

    /// `OMP_NUM_THREADS` if set (as PyTorch reads it), else the online cores.
    static var defaultThreadCount: Int {
        if let text = getenv("OMP_NUM_THREADS"), let n = Int(String(cString: text)), n > 0 { return n }
        return Swift.max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }

    /// Sets the thread count, waiting for a running job to finish.
    func setThreads(_ n: Int) {
        acquire()
        threadCount.store(Swift.max(1, n), ordering: .relaxed)
        busy.store(false, ordering: .releasing)
    }

    private func acquire() {
        while !busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged {
            ember_cpu_relax()
        }
    }

    /// Runs `body(i)` for `i` in `0..<count` on up to `threadCount` threads; serially when
    /// the pool is busy (a nested call, or another thread's job).
    func run(_ count: Int, _ body: (Int) -> Void) {
        let threads = Swift.min(threadCount.load(ordering: .relaxed), count)
        guard threads > 1, busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            for i in 0..<count { body(i) }
            return
        }
        defer { busy.store(false, ordering: .releasing) }
        while workers.count < threads - 1 { spawn() }
        withoutActuallyEscaping(body) { body in
            self.body = body
            self.count = count
            nextIndex.store(0, ordering: .relaxed)
            running.store(threads - 1, ordering: .relaxed)
            let sequence = (job.load(ordering: .relaxed) >> 16) &+ 1
            let invited = workers.prefix(threads - 1)
            for w in invited { w.ticket.store(sequence, ordering: .relaxed) }
            job.store((sequence << 16) | threads, ordering: .sequentiallyConsistent)
            for w in invited { w.wake() }
            work()
            for w in invited where w.ticket.compareExchange(expected: sequence, desired: 0, ordering: .acquiringAndReleasing).exchanged {
                finishPart()
            }
            waitForWorkers()
            self.body = nil
        }
    }

    /// Spins briefly until the job's workers are done, then sleeps until the last one
    /// posts: on a machine busy with other processes a worker may be descheduled, and a
    /// spinning caller would hold the core it needs.
    private func waitForWorkers() {
        let deadline = Self.monotonicNanoseconds() + Self.callerSpinNanoseconds
        var spins = 0
        while running.load(ordering: .acquiring) > 0 {
            ember_cpu_relax()
            spins += 1
            guard spins & 255 == 0 && Self.monotonicNanoseconds() > deadline else { continue }
            caller.parked.store(true, ordering: .sequentiallyConsistent)
            if running.load(ordering: .sequentiallyConsistent) == 0 {
                // Done meanwhile: withdraw, or take the post the last worker owes.
                if !caller.parked.compareExchange(expected: true, desired: false, ordering: .sequentiallyConsistent).exchanged {
                    caller.sleep()
                }
            } else {
                caller.sleep()  // a post from an earlier job's last worker only loops again
            }
        }
    }

    /// Reports a worker's part of the job done; the last one wakes a sleeping caller.
    private func finishPart() {
        if running.subtract(1, ordering: .sequentiallyConsistent).newValue == 0 {
            caller.wake()
        }
    }

    /// Takes indices of the current job until none are left.
    private func work() {
        guard let body else { return }
        while true {
            let i = nextIndex.wrappingAdd(1, ordering: .relaxed).oldValue
            if i >= count { return }
            body(i)
        }
    }

    private func spawn() {
        let worker = PoolWorker(index: workers.count)
        workers.append(worker)
        // The worker waits for jobs after the current one: it must not read the counter
        // itself, since the job it is spawned for may be published before it starts.
        let seen = job.load(ordering: .relaxed)
        let context = Unmanaged.passRetained(WorkerContext(pool: self, worker: worker, seen: seen)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { raw in
            let context = Unmanaged<WorkerContext>.fromOpaque(raw!).takeRetainedValue()
            context.pool.workerLoop(context.worker, seen: context.seen)
        }, context)
        precondition(status == 0, "ThreadPool: pthread_create failed (\(status))")
        pthread_detach(thread)
    }

    /// A worker's life: wait for a job it takes part in, run it, report, repeat.
    private func workerLoop(_ worker: PoolWorker, seen initial: Int) -> Never {
        var seen = initial
        while true {
            let current = waitForJob(after: seen, worker)
            seen = current
            guard worker.ticket.compareExchange(expected: current >> 16, desired: 0, ordering: .acquiringAndReleasing).exchanged
            else { continue }
            work()
            finishPart()
        }
    }

    /// Spins until the job counter moves past `seen` (for a while), then parks;
    /// returns the new value.
    private func waitForJob(after seen: Int, _ worker: PoolWorker) -> Int {
        let deadline = Self.monotonicNanoseconds() + Self.spinNanoseconds
        var spins = 0
        while true {
            let current = job.load(ordering: .acquiring)
            if current != seen { return current }
            ember_cpu_relax()
            spins += 1
            if spins & 255 == 0 && Self.monotonicNanoseconds() > deadline { break }
        }
        while true {
            worker.parked.store(true, ordering: .sequentiallyConsistent)
            let current = job.load(ordering: .sequentiallyConsistent)
            if current != seen {
                // A job arrived while parking: withdraw, or take the post its caller owes.
                if !worker.parked.compareExchange(expected: true, desired: false, ordering: .sequentiallyConsistent).exchanged {
                    worker.sleep()
                }
                return job.load(ordering: .acquiring)
            }
            worker.sleep()
            let woken = job.load(ordering: .acquiring)
            if woken != seen { return woken }
        }
    }

    static func monotonicNanoseconds() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return ts.tv_sec * 1_000_000_000 + ts.tv_nsec
    }
}

/// What a new worker thread starts with.
private final class WorkerContext {
    let pool: ThreadPool
    let worker: PoolWorker
    let seen: Int
    init(pool: ThreadPool, worker: PoolWorker, seen: Int) {
        self.pool = pool
        self.worker = worker
        self.seen = seen
    }
}
