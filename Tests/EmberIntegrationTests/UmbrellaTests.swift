import Testing
import Ember

/// The umbrella product re-exports Core: one import gives tensors and the dispatcher.
@Suite struct UmbrellaTests {
    @Test func umbrellaExposesCoreOperators() throws {
        let t = Tensor([1.0, 2.0]) + Tensor([3.0, 4.0])
        #expect(t.scalars(as: Float.self) == [4, 6])
        #expect(Dispatcher.shared.operators.contains { $0.schema.name == "add" })
    }

    /// Linking the umbrella registers the bundled plugins before `main`: no call needed.
    @Test func bundledPluginsAreRegisteredAtLoad() throws {
        #expect(bundledPluginsRegisteredAtLoad)
        let info = Dispatcher.shared.info(try Dispatcher.shared.lookup("mm"))
        let kernel = info.kernels.first { $0.dtype == .float32 && $0.key == Device.Kind.cpu.name }
        #expect(kernel?.package == EmberBLAS.package)
        #expect(Dispatcher.shared.operators.contains { $0.schema.name == "distance::cdist" })
    }
}
