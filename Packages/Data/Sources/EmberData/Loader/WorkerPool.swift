import Dispatch
import Foundation
import Synchronization

// Worker threads for a DataLoader iteration (PyTorch's worker processes, as threads).
//
// The iterating thread sends each task to one worker's queue, in turn over the workers that
// have not run out of data (PyTorch's round robin), keeping at most prefetchFactor × workers
// tasks in flight; each worker answers every task in its queue with a batch, an error or
// "exhausted", stored by task number; the iterating thread takes the answers in task order.
//
// Synchronisation: one Mutex over the queues and answers; a counting semaphore per worker
// (one signal per task sent, one more to stop) and one for answers (one signal per answer;
// the reader re-checks after every wake-up, so extra signals are harmless).

/// A worker's answer to one task.
enum WorkerAnswer<Batch: Sendable>: Sendable {
    case batch(Batch)
    case exhausted(worker: Int)
    case failed(DataLoaderError)
}

/// The state shared by the iterating thread and the workers of one iteration.
final class WorkerShared<Batch: Sendable>: Sendable {
    struct State {
        var queues: [[LoaderTask]]
        var answers: [Int: WorkerAnswer<Batch>] = [:]
        var stopping = false
    }

    let state: Mutex<State>
    let taskSignals: [DispatchSemaphore]
    let answerSignal = DispatchSemaphore(value: 0)
    let exitSignal = DispatchSemaphore(value: 0)

    init(workers: Int) {
        state = Mutex(State(queues: Array(repeating: [], count: workers)))
        taskSignals = (0..<workers).map { _ in DispatchSemaphore(value: 0) }
    }

    /// Queues `task` for `worker`.
    func send(_ task: LoaderTask, to worker: Int) {
        state.withLock { $0.queues[worker].append(task) }
        taskSignals[worker].signal()
    }

    /// Blocks until the answer to task `number` has arrived, and removes it.
    func answer(for number: Int) -> WorkerAnswer<Batch> {
        while true {
            if let answer = state.withLock({ $0.answers.removeValue(forKey: number) }) { return answer }
            answerSignal.wait()
        }
    }

    /// Tells the workers to stop and waits until they have (a worker finishes the sample it
    /// is loading first).
    func stop(workers: Int) {
        state.withLock { $0.stopping = true }
        for signal in taskSignals { signal.signal() }
        for _ in 0..<workers { exitSignal.wait() }
    }

    /// Starts the worker `info` describes: a thread answering its tasks with `source`'s fetcher.
    func startWorker(
        _ info: WorkerInfo, source: LoaderSource<Batch>, workerInit: (@Sendable (WorkerInfo) -> Void)?
    ) {
        let thread = Thread { [self] in
            WorkerThreads.live.add(1, ordering: .relaxed)
            WorkerInfo.$current.withValue(info) {
                workerInit?(info)
                run(info.id, fetch: source.makeFetcher())
            }
            WorkerThreads.live.subtract(1, ordering: .relaxed)
            exitSignal.signal()
        }
        thread.name = "EmberData worker \(info.id)"
        thread.start()
    }

    /// The worker loop: take the next task, answer it, until told to stop.
    private func run(_ worker: Int, fetch: BatchFetcher<Batch>) {
        var exhausted = false
        while true {
            taskSignals[worker].wait()
            let next: LoaderTask? = state.withLock { s in
                s.stopping || s.queues[worker].isEmpty ? nil : s.queues[worker].removeFirst()
            }
            guard let task = next else { return }
            let answer: WorkerAnswer<Batch>
            if exhausted {
                answer = .exhausted(worker: worker)
            } else {
                do throws(DataLoaderError) {
                    if let batch = try fetch(task) { answer = .batch(batch) } else {
                        exhausted = true
                        answer = .exhausted(worker: worker)
                    }
                } catch { answer = .failed(error) }
            }
            state.withLock { $0.answers[task.number] = answer }
            answerSignal.signal()
        }
    }
}

/// Counts the threads running a worker loop, across all loaders (for tests and diagnostics).
enum WorkerThreads {
    static let live = Atomic<Int>(0)
    /// The number of worker threads running now.
    static var count: Int { live.load(ordering: .relaxed) }
}
