extension DataLoader {
    /// One pass over a ``DataLoader``. It is a class: copies share the pass, and releasing
    /// the last reference stops the pass's worker threads.
    public final class Iterator: IteratorProtocol {
        private var tasks: AnyIterator<[Int]>
        private var sent = 0
        private var received = 0
        private var finished = false
        private var tasksDone = false
        private let fetch: BatchFetcher<Batch>?
        private let pool: Pool?

        init(loader: DataLoader, tasks: AnyIterator<[Int]>, baseSeed: UInt64) {
            self.tasks = tasks
            if loader.numWorkers == 0 {
                fetch = loader.source.makeFetcher()
                pool = nil
            } else {
                fetch = nil
                pool = Pool(loader: loader, baseSeed: baseSeed)
                while sendNext() {}
            }
        }

        deinit { pool?.stop() }

        /// The next batch, or `nil` at the end of the pass; stops the program with the
        /// error's description when loading fails (use ``nextBatch()`` to catch it).
        public func next() -> Batch? {
            do { return try nextBatch() } catch { fatalError("\(error)") }
        }

        /// The next batch, or `nil` at the end of the pass.
        /// - Throws: a ``DataLoaderError`` naming the sample and worker that failed; the pass
        ///   can continue with the following batch.
        public func nextBatch() throws(DataLoaderError) -> Batch? {
            guard !finished else { return nil }
            guard let pool else { return try nextInline() }
            while received < sent {
                let answer = pool.shared.answer(for: received)
                received += 1
                pool.outstanding -= 1
                switch answer {
                case .batch(let batch):
                    sendNext()
                    return batch
                case .exhausted(let worker):
                    pool.active[worker] = false
                    sendNext()
                case .failed(let error):
                    sendNext()
                    throw error
                }
            }
            finished = true
            pool.stop()
            return nil
        }

        /// Loads the next batch on this thread.
        private func nextInline() throws(DataLoaderError) -> Batch? {
            guard let indices = tasks.next() else {
                finished = true
                return nil
            }
            defer { sent += 1 }
            guard let batch = try fetch!(LoaderTask(number: sent, indices: indices)) else {
                finished = true
                return nil
            }
            return batch
        }

        /// Sends the next task to the next worker with data left, if the prefetch depth
        /// allows; returns whether it did.
        @discardableResult
        private func sendNext() -> Bool {
            guard let pool, pool.canSend, !tasksDone else { return false }
            guard let indices = tasks.next() else {
                tasksDone = true
                return false
            }
            guard let worker = pool.nextActiveWorker() else { return false }
            pool.shared.send(LoaderTask(number: sent, indices: indices), to: worker)
            sent += 1
            pool.outstanding += 1
            return true
        }
    }

    /// The worker threads of one pass and the iterating thread's view of them.
    final class Pool {
        let shared: WorkerShared<Batch>
        let workers: Int
        let depth: Int
        var outstanding = 0
        var active: [Bool]
        private var cursor = 0
        private var stopped = false

        init(loader: DataLoader, baseSeed: UInt64) {
            workers = loader.numWorkers
            depth = loader.prefetchFactor * loader.numWorkers
            active = Array(repeating: true, count: workers)
            shared = WorkerShared(workers: workers)
            for id in 0..<workers {
                let info = WorkerInfo(id: id, numWorkers: workers, seed: baseSeed &+ UInt64(id))
                shared.startWorker(info, source: loader.source, workerInit: loader.workerInit)
            }
        }

        /// Whether another task may be sent.
        var canSend: Bool { !stopped && outstanding < depth && active.contains(true) }

        /// The next worker in turn that still has data (PyTorch's cycle over workers).
        func nextActiveWorker() -> Int? {
            for _ in 0..<workers {
                let w = cursor
                cursor = (cursor + 1) % workers
                if active[w] { return w }
            }
            return nil
        }

        /// Stops the workers, once.
        func stop() {
            guard !stopped else { return }
            stopped = true
            shared.stop(workers: workers)
        }
    }
}
