import Testing
import Ember

/// The umbrella re-exports EmberData: one import gives datasets and the loader.
@Suite struct DataUmbrellaTests {
    @Test func umbrellaExposesTheDataLoader() {
        let data = TensorDataset(Tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), Tensor([0, 1, 0]))
        let loader = DataLoader(data, batchSize: 2, generator: Generator(seed: 0))
        #expect(loader.count == 2)
        #expect(loader.map { $0.0.shape } == [[2, 2], [1, 2]])
    }
}
