import EmberCore
import Foundation

@testable import EmberData

/// The cases recorded from PyTorch by Scripts/make_data_fixtures.py (Fixtures/data.json).
struct DataFixtures: Decodable {
    struct Loader: Decodable {
        let seed: Int, n: Int, batch: Int, dropLast: Bool, `default`: Bool
        let epochs: [[[Int]]]
    }
    struct RandomSampling: Decodable {
        let seed: Int, n: Int, replacement: Bool, numSamples: Int?, `default`: Bool
        let epochs: [[Int]]
    }
    struct SubsetSampling: Decodable {
        let seed: Int, indices: [Int], `default`: Bool
        let epochs: [[Int]]
    }
    struct WeightedSampling: Decodable {
        let seed: Int, weights: [Double], numSamples: Int, replacement: Bool
        let epochs: [[Int]]
    }
    struct Split: Decodable {
        let seed: Int, n: Int, lengths: [Double], fractions: Bool, `default`: Bool
        let splits: [[Int]]
    }
    struct Iterable: Decodable {
        let n: Int, workers: Int, batch: Int, dropLast: Bool
        let batches: [[Int]]
    }
    struct WorkerSeeds: Decodable {
        let seed: Int, workers: Int, batch: Int
        let rows: [[Int64]]
    }

    let loaders: [Loader]
    let randomSamplers: [RandomSampling]
    let subsetSamplers: [SubsetSampling]
    let weightedSamplers: [WeightedSampling]
    let splits: [Split]
    let iterables: [Iterable]
    let workerSeeds: [WorkerSeeds]

    /// The fixtures, decoded once.
    static let shared: DataFixtures = {
        guard let url = Bundle.module.url(forResource: "data", withExtension: "json", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url),
              let fixtures = try? JSONDecoder().decode(DataFixtures.self, from: data)
        else { fatalError("cannot read Fixtures/data.json") }
        return fixtures
    }()
}

/// Runs `body` with EmberData's default generator replaced by a fresh one seeded with `seed`
/// (like `torch.manual_seed(seed)` on a private default generator).
func withDefaultGenerator<R>(seed: Int, _ body: () throws -> R) rethrows -> R {
    try DefaultGenerator.$override.withValue(Generator(seed: seed), operation: body)
}
