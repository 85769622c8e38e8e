import EmberCore
import Foundation
import Testing

@testable import EmberData

/// Programmer errors stop the program with PyTorch's messages; each test runs the failing
/// code in a child process and reads its standard error.
@Suite struct TrapTests {
    @Test func forLoopStopsTheProgramWithTheLoadError() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let loader = DataLoader(Faulty(count: 4, failing: 1), batchSize: 1, numWorkers: 1, generator: Generator(seed: 0))
            for _ in loader {}
        }
        #expect(stderr(result).contains("DataLoader: loading sample 1 failed in worker 0: bad record 1"))
    }

    @Test func samplerExcludesShuffle() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = DataLoader(Indices(count: 3), shuffle: true, sampler: SequentialSampler(count: 3))
        }
        #expect(stderr(result).contains("sampler option is mutually exclusive with shuffle"))
    }

    @Test func batchSamplerExcludesBatchOptions() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let batches = BatchSampler(SequentialSampler(count: 3), batchSize: 2, dropLast: false)
            _ = DataLoader(Indices(count: 3), batchSize: 2, batchSampler: batches)
        }
        #expect(stderr(result).contains(
            "batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last"))
    }

    @Test func negativeWorkers() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = DataLoader(Indices(count: 3), numWorkers: -1)
        }
        #expect(stderr(result).contains(
            "num_workers option should be non-negative; use num_workers=0 to disable multiprocessing."))
    }

    @Test func nonPositiveSampleCounts() async throws {
        let zero = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = RandomSampler(count: 5, replacement: true, numSamples: 0)
        }
        #expect(stderr(zero).contains("num_samples should be a positive integer value, but got num_samples=0"))
        let batch = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = BatchSampler(SequentialSampler(count: 5), batchSize: 0, dropLast: false)
        }
        #expect(stderr(batch).contains("batch_size should be a positive integer value, but got batch_size=0"))
    }

    @Test func unknownIterableCount() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = DataLoader(SequenceDataset(sequence(first: 0) { $0 + 1 }), batchSize: 2).count
        }
        #expect(stderr(result).contains("the number of batches of an IterableDataset without an expectedCount is unknown"))
    }
}

private func stderr(_ result: ExitTest.Result) -> String {
    String(decoding: result.standardErrorContent, as: UTF8.self)
}
