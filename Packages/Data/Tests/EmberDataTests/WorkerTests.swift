import EmberCore
import Foundation
import Synchronization
import Testing

@testable import EmberData

/// Sample i: [i, worker id, worker seed, a draw in 0..<1000 from the worker's generator].
private struct WorkerDraws: Dataset {
    var count: Int { 12 }
    func sample(at index: Int) throws -> Tensor {
        let info = try #require(WorkerInfo.current)
        let draw = Tensor.randint(high: 1000, shape: [1], generator: WorkerInfo.currentGenerator)
        return Tensor([Int64(index), Int64(info.id), Int64(bitPattern: info.seed), Int64(ints(draw)[0])], shape: [4])
    }
}

/// Worker w of W streams w, w + W, ... below n (PyTorch's sharding idiom).
private struct Sharded: IterableDataset {
    let n: Int
    func makeStream() -> SequenceStream<StrideTo<Int>.Iterator> {
        let info = WorkerInfo.current
        return SequenceStream(stride(from: info?.id ?? 0, to: n, by: info?.numWorkers ?? 1))
    }
}

/// Serialized: the tests check that no worker thread outlives its pass.
@Suite(.serialized) struct WorkerTests {
    @Test(arguments: [1, 2, 3])
    func workersGiveTheSameBatchesAsNone(_ workers: Int) {
        for prefetch in [1, 2] {
            let make = { (w: Int) in
                DataLoader(Indices(count: 23), batchSize: 4, shuffle: true, numWorkers: w, prefetchFactor: prefetch,
                           generator: Generator(seed: 9))
            }
            let inline = make(0), threaded = make(workers)
            #expect(threaded.count == inline.count)
            for _ in 0..<2 { #expect(indexBatches(threaded) == indexBatches(inline)) }
        }
        #expect(WorkerThreads.count == 0)
    }

    @Test(arguments: DataFixtures.shared.workerSeeds.indices)
    func workerSeedsAndDrawsMatchPyTorch(_ i: Int) {
        let c = DataFixtures.shared.workerSeeds[i]
        let loader = DataLoader(WorkerDraws(), batchSize: c.batch, numWorkers: c.workers, generator: Generator(seed: c.seed))
        let rows = Array(loader).flatMap { batch in (0..<batch.shape[0]).map { Array(batch.scalars(as: Int64.self)[$0 * 4..<$0 * 4 + 4]) } }
        #expect(rows == c.rows)
    }

    @Test func workerInitSeesItsWorker() {
        let seen = Mutex<[Int]>([])
        let loader = DataLoader(Indices(count: 4), batchSize: 1, numWorkers: 3, generator: Generator(seed: 0),
                                workerInit: { info in seen.withLock { $0.append(info.id * 10 + info.numWorkers) } })
        #expect(indexBatches(loader) == [[0], [1], [2], [3]])
        #expect(seen.withLock { $0.sorted() } == [3, 13, 23])
        #expect(WorkerInfo.current == nil)
    }

    @Test(arguments: DataFixtures.shared.iterables.indices)
    func iterableWorkersInterleaveLikePyTorch(_ i: Int) {
        let c = DataFixtures.shared.iterables[i]
        let loader = DataLoader(Sharded(n: c.n), batchSize: c.batch, numWorkers: c.workers, dropLast: c.dropLast,
                                generator: Generator(seed: 0))
        #expect(indexBatches(loader) == c.batches)
        #expect(indexBatches(loader) == c.batches)
    }

    @Test(arguments: [0, 2])
    func sampleErrorsNameTheIndexAndWorker(_ workers: Int) throws {
        let data = Faulty(count: 10, failing: 5)
        let loader = DataLoader(data, batchSize: 2, numWorkers: workers, generator: Generator(seed: 0))
        let iterator = loader.makeIterator()
        var batches: [[Int]] = []
        var caught: DataLoaderError?
        while true {
            do {
                guard let batch = try iterator.nextBatch() else { break }
                batches.append(ints(batch))
            } catch {
                caught = error
            }
        }
        let error = try #require(caught)
        #expect(error.index == 5 && error.stage == .sample(index: 5))
        #expect(error.worker == (workers == 0 ? nil : 2 % workers))  // batch 2 goes to worker 2 mod W
        #expect("\(error.underlying)" == "bad record 5")
        let place = workers == 0 ? "" : " in worker 0"
        #expect(error.description == "DataLoader: loading sample 5 failed\(place): bad record 5")
        // The pass goes on after the failed batch, as PyTorch's does.
        #expect(batches == [[0, 1], [2, 3], [6, 7], [8, 9]])
    }

    @Test func collateErrorsNameTheBatch() {
        let loader = DataLoader(Indices(count: 4), batchSize: 2, numWorkers: 2, generator: Generator(seed: 0)) { samples in
            if samples.contains(3) { throw Failure(description: "odd batch") }
            return samples
        }
        #expect(performing: { try loader.forEachBatch { _ in } }, throws: { error in
            let e = error as? DataLoaderError
            return e?.stage == .collate(indices: [2, 3]) && e?.worker == 1
                && "\(error)" == "DataLoader: collating samples [2, 3] failed in worker 1: odd batch"
        })
    }

    @Test func iterableStreamErrors() {
        struct Broken: IterableDataset {
            struct Stream: SampleStream {
                var position = 0
                mutating func next() throws -> Int? {
                    defer { position += 1 }
                    if position == 2 { throw Failure(description: "truncated") }
                    return position < 4 ? position : nil
                }
            }
            func makeStream() -> Stream { Stream() }
        }
        let loader = DataLoader(Broken(), batchSize: 3, numWorkers: 1, generator: Generator(seed: 0))
        #expect(performing: { try loader.forEachBatch { _ in } }, throws: {
            "\($0)" == "DataLoader: reading sample 2 of the dataset's stream failed in worker 0: truncated"
        })
    }

    @Test func earlyExitStopsTheWorkers() throws {
        let data = Faulty(count: 1000, failing: -1)
        let loader = DataLoader(data, batchSize: 2, numWorkers: 2, prefetchFactor: 3, generator: Generator(seed: 0))
        for batch in loader {
            #expect(ints(batch) == [0, 1])
            break
        }
        // The iterator is gone: its workers have stopped, having loaded at most the batches
        // in flight (the one returned plus prefetchFactor × workers).
        #expect(WorkerThreads.count == 0)
        let loaded = data.loads.count
        #expect(loaded <= 2 * (1 + 3 * 2))
        Thread.sleep(forTimeInterval: 0.02)
        #expect(data.loads.count == loaded)
        // An iterator made and dropped without reading stops too.
        _ = loader.makeIterator()
        #expect(WorkerThreads.count == 0)
    }
}
