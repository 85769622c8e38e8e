import EmberCore
import Testing

@testable import EmberData

/// A dataset of dictionaries: an image-like tensor and a label.
private struct Records: Dataset {
    let count: Int
    func sample(at index: Int) throws -> [String: Tensor] {
        ["image": Tensor([Float(index), Float(-index)], shape: [1, 2]), "label": Tensor(scalar: Int64(index % 3))]
    }
}

@Suite struct DataLoaderTests {
    private let g0 = Generator(seed: 0)

    @Test func sequentialBatchesInOrder() throws {
        let x = Tensor((0..<20).map { Float($0) }, shape: [10, 2])
        let y = Tensor((0..<10).map { Int64($0 * 10) }, shape: [10])
        let loader = DataLoader(TensorDataset(x, y), batchSize: 4, generator: g0)
        #expect(loader.count == 3 && loader.batchSize == 4)
        let batches = Array(loader)
        #expect(batches.map { $0.0.shape } == [[4, 2], [4, 2], [2, 2]])
        #expect(batches.map { ints($0.1) } == [[0, 10, 20, 30], [40, 50, 60, 70], [80, 90]])
        #expect(floats(batches[2].0) == [16, 17, 18, 19])
    }

    @Test(arguments: [(10, 3, false, 4), (10, 3, true, 3), (9, 3, true, 3), (9, 3, false, 3), (2, 5, true, 0), (2, 5, false, 1), (1, 1, false, 1)])
    func countAndDropLast(_ n: Int, _ batch: Int, _ dropLast: Bool, _ expected: Int) {
        let loader = DataLoader(Indices(count: n), batchSize: batch, dropLast: dropLast, generator: g0)
        #expect(loader.count == expected)
        let batches = indexBatches(loader)
        #expect(batches.count == expected)
        #expect(batches.allSatisfy { $0.count == batch } || !dropLast)
        #expect(batches.joined().count == (dropLast ? expected * batch : n))
    }

    @Test(arguments: DataFixtures.shared.loaders.indices)
    func shuffledOrderMatchesPyTorch(_ i: Int) {
        let c = DataFixtures.shared.loaders[i]
        withDefaultGenerator(seed: c.seed) {
            let loader = DataLoader(
                Indices(count: c.n), batchSize: c.batch, shuffle: true, dropLast: c.dropLast,
                generator: c.default ? nil : Generator(seed: c.seed))
            for (epoch, expected) in c.epochs.enumerated() {
                #expect(indexBatches(loader) == expected, "case \(i) epoch \(epoch)")
            }
        }
    }

    @Test func shufflingIsReproducibleAndVaries() {
        let make = { (seed: Int) in DataLoader(Indices(count: 30), batchSize: 7, shuffle: true, generator: Generator(seed: seed)) }
        let a = make(5), b = make(5)
        let firstA = indexBatches(a), firstB = indexBatches(b)
        #expect(firstA == firstB)
        #expect(indexBatches(a) == indexBatches(b))  // second epochs agree too
        #expect(indexBatches(a) != firstA)  // but differ from the first
        #expect(indexBatches(make(6)) != firstA)
        #expect(firstA.joined().sorted() == Array(0..<30))
    }

    @Test func customSamplerAndBatchSampler() {
        let sampler = SubsetRandomSampler(indices: [9, 8, 7, 6], generator: Generator(seed: 1))
        let loader = DataLoader(Indices(count: 10), batchSize: 3, sampler: sampler, generator: g0)
        #expect(loader.count == 2)
        #expect(indexBatches(loader).joined().sorted() == [6, 7, 8, 9])
        let batches = BatchSampler(SequentialSampler(count: 5), batchSize: 2, dropLast: false)
        let byBatch = DataLoader(Indices(count: 10), batchSampler: batches, generator: g0)
        #expect(byBatch.batchSize == nil && byBatch.count == 3)
        #expect(indexBatches(byBatch) == [[0, 1], [2, 3], [4]])
    }

    @Test func customCollate() {
        let loader = DataLoader(Indices(count: 5), batchSize: 2, generator: g0) { samples in samples.reduce(0, +) }
        #expect(Array(loader) == [1, 5, 4])
    }

    @Test func dictionarySamples() throws {
        let loader = DataLoader(Records(count: 5), batchSize: 2, generator: g0)
        let batch = try #require(loader.first(where: { _ in true }))
        #expect(batch["image"]?.shape == [2, 1, 2])
        #expect(batch["image"].map(floats) == [0, 0, 1, -1])
        #expect(batch["label"].map(ints) == [0, 1])
    }

    @Test func iterableDatasetInOneThread() {
        let loader = DataLoader(SequenceDataset(Array(0..<7)), batchSize: 3, generator: g0)
        #expect(loader.count == 3)
        #expect(indexBatches(loader) == [[0, 1, 2], [3, 4, 5], [6]])
        let dropping = DataLoader(SequenceDataset(Array(0..<7)), batchSize: 3, dropLast: true, generator: g0)
        #expect(dropping.count == 2 && indexBatches(dropping) == [[0, 1, 2], [3, 4, 5]])
    }

    @Test func eachPassDrawsABaseSeed() {
        // PyTorch draws the base seed even without workers: one int64 draw per pass.
        let g = Generator(seed: 4), reference = Generator(seed: 4)
        let loader = DataLoader(Indices(count: 3), batchSize: 2, generator: g)
        _ = Array(loader)
        _ = drawSeed(from: reference)
        #expect(g.state == reference.state)
    }
}

@Suite struct BatchGatheringTests {
    @Test func gatheredBatchesEqualSampleBySampleCollation() throws {
        let x = Tensor((0..<40).map { Float($0) }, shape: [20, 2])
        let y = Tensor((0..<20).map { Int64($0 * 3) }, shape: [20])
        let data = TensorDataset(x, y)
        for shuffle in [false, true] {
            let gathered = DataLoader(data, batchSize: 6, shuffle: shuffle, generator: Generator(seed: 3))
            let stacked = DataLoader(data, batchSize: 6, shuffle: shuffle, generator: Generator(seed: 3)) {
                (samples: [(Tensor, Tensor)]) in try (Tensor.collate(samples.map(\.0)), Tensor.collate(samples.map(\.1)))
            }
            for (a, b) in zip(gathered, stacked) {
                #expect(a.0.shape == b.0.shape && a.0.doubleScalars == b.0.doubleScalars)
                #expect(a.1.dtype == b.1.dtype && a.1.doubleScalars == b.1.doubleScalars)
            }
        }
    }

    @Test func gatheredBatchesAreCopies() throws {
        let x = Tensor((0..<6).map { Float($0) }, shape: [3, 2])
        let batch = try #require(Array(DataLoader(TensorDataset(x), batchSize: 3)).first)
        batch.fill_(.double(-1))
        #expect(x.doubleScalars == [0, 1, 2, 3, 4, 5])
    }

    @Test func anIndexOutOfRangeNamesTheSample() throws {
        let data = TensorDataset(Tensor.zeros([4, 2]))
        let loader = DataLoader(data, batchSampler: FixedBatches(batches: [[0, 1], [2, 9]]))
        let iterator = loader.makeIterator()
        _ = try iterator.nextBatch()
        var message = ""
        do { _ = try iterator.nextBatch() } catch { message = "\(error)" }
        #expect(message.contains("index 9"), "\(message)")
    }
}

/// A batch sampler replaying fixed index lists.
struct FixedBatches: Sampler {
    let batches: [[Int]]
    var count: Int { batches.count }
    func makeIterator() -> IndexingIterator<[[Int]]> { batches.makeIterator() }
}
