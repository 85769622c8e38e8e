import Foundation
import Testing
import Ember

/// The README's training example, through the umbrella module: the bundled plugins are on
/// without a call.
final class ReadmeNet: Module {
    let hidden1 = Linear(1, 200)
    let hidden2 = Linear(200, 100)
    let output = Linear(100, 1)
    let relu = ReLU()
    override func forward(_ x: Tensor) -> Tensor { output(relu(hidden2(relu(hidden1(x))))) }
}

@Suite struct ReadmeTrainingTests {
    @Test func theReadmeLoopTrainsAndSaves() throws {
        let (model, first, last) = try Generator.withDefault(Generator(seed: 0)) { () throws -> (ReadmeNet, Double, Double) in
            let x = Tensor.linspace(-10, 10, steps: 100).unsqueeze(1)
            let y = x.sin() + 0.5 * Tensor.rand(like: x)
            let model = ReadmeNet()
            let optimizer = try Adam(model.parameters(), lr: 0.01)
            let criterion = MSELoss()
            var losses: [Double] = []
            for _ in 0..<30 {
                for (xb, yb) in DataLoader(TensorDataset(x, y), batchSize: 100) {
                    let loss = criterion(model(xb), yb)
                    optimizer.zeroGrad()
                    try loss.backward()
                    try optimizer.step()
                    losses.append(loss.doubleScalars[0])
                }
            }
            return (model, losses.first!, losses.last!)
        }
        #expect(last < first * 0.8, "loss \(first) -> \(last)")
        #expect(Dispatcher.shared.operators.first { $0.schema.name == "mm" }?.kernels
            .contains { $0.package == "EmberBLAS" } == true)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("readme-\(UUID()).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try model.save(to: url)
        let copy = ReadmeNet()
        try copy.load(from: url)
        #expect(copy.hidden2.weight.doubleScalars == model.hidden2.weight.doubleScalars)
    }
}
