import EmberCore
import Testing

@testable import EmberData

@Suite struct SamplerTests {
    @Test func sequentialSamplerCountsUp() {
        #expect(Array(SequentialSampler(count: 4)) == [0, 1, 2, 3])
        #expect(SequentialSampler(Indices(count: 2)).count == 2)
        #expect(Array(SequentialSampler(count: 0)).isEmpty)
    }

    @Test func batchSamplerGroupsIndices() {
        let keep = BatchSampler(SequentialSampler(count: 7), batchSize: 3, dropLast: false)
        #expect(Array(keep) == [[0, 1, 2], [3, 4, 5], [6]])
        #expect(keep.count == 3)
        let drop = BatchSampler(SequentialSampler(count: 7), batchSize: 3, dropLast: true)
        #expect(Array(drop) == [[0, 1, 2], [3, 4, 5]])
        #expect(drop.count == 2)
        let exact = BatchSampler(SequentialSampler(count: 6), batchSize: 3, dropLast: true)
        #expect(Array(exact) == [[0, 1, 2], [3, 4, 5]] && exact.count == 2)
        #expect(BatchSampler(SequentialSampler(count: 2), batchSize: 5, dropLast: true).count == 0)
        #expect(Array(BatchSampler(SequentialSampler(count: 2), batchSize: 5, dropLast: true)).isEmpty)
    }

    @Test(arguments: DataFixtures.shared.randomSamplers.indices)
    func randomSamplerMatchesPyTorch(_ i: Int) {
        let c = DataFixtures.shared.randomSamplers[i]
        withDefaultGenerator(seed: c.seed) {
            let sampler = RandomSampler(
                count: c.n, replacement: c.replacement, numSamples: c.numSamples,
                generator: c.default ? nil : Generator(seed: c.seed))
            #expect(sampler.count == (c.numSamples ?? c.n))
            for (epoch, expected) in c.epochs.enumerated() {
                #expect(Array(sampler) == expected, "case \(i) epoch \(epoch)")
            }
        }
    }

    @Test func randomSamplerWithoutReplacementIsAPermutation() {
        let sampler = RandomSampler(count: 50, generator: Generator(seed: 3))
        let first = Array(sampler), second = Array(sampler)
        #expect(first.sorted() == Array(0..<50) && second.sorted() == Array(0..<50))
        #expect(first != second)
        // The same seed gives the same passes.
        #expect(Array(RandomSampler(count: 50, generator: Generator(seed: 3))) == first)
    }

    @Test func randomSamplerDrawsLazily() {
        // PyTorch's samplers are generators: nothing is drawn before the first index.
        let g = Generator(seed: 8)
        let sampler = RandomSampler(count: 10, generator: g)
        let state = g.state
        var pass = sampler.makeIterator()
        #expect(g.state == state)
        _ = pass.next()
        #expect(g.state != state)
    }

    @Test(arguments: DataFixtures.shared.subsetSamplers.indices)
    func subsetRandomSamplerMatchesPyTorch(_ i: Int) {
        let c = DataFixtures.shared.subsetSamplers[i]
        withDefaultGenerator(seed: c.seed) {
            let sampler = SubsetRandomSampler(indices: c.indices, generator: c.default ? nil : Generator(seed: c.seed))
            #expect(sampler.count == c.indices.count)
            for (epoch, expected) in c.epochs.enumerated() {
                #expect(Array(sampler) == expected, "case \(i) epoch \(epoch)")
            }
        }
    }

    @Test(arguments: DataFixtures.shared.weightedSamplers.indices)
    func weightedRandomSamplerMatchesPyTorch(_ i: Int) {
        let c = DataFixtures.shared.weightedSamplers[i]
        let sampler = WeightedRandomSampler(
            weights: c.weights, numSamples: c.numSamples, replacement: c.replacement, generator: Generator(seed: c.seed))
        #expect(sampler.count == c.numSamples)
        for (epoch, expected) in c.epochs.enumerated() {
            #expect(Array(sampler) == expected, "case \(i) epoch \(epoch)")
        }
    }

    @Test func weightedRandomSamplerFromATensor() {
        let weights = Tensor([0.0, 0.0, 1.0, 0.0])
        let sampler = WeightedRandomSampler(weights: weights, numSamples: 5, generator: Generator(seed: 1))
        #expect(Array(sampler) == [2, 2, 2, 2, 2])
    }
}
