import EmberAutograd
import EmberCore
import EmberData
import EmberNN
import EmberOptim
import EmberPlot

/// The guide's network, written as a `Module` subclass (`class NeuralNetworks(nn.Module)`).
final class NeuralNetworks: Module {
    let hidden1 = Linear(1, 200)
    let hidden2 = Linear(200, 100)
    let output = Linear(100, 1)
    let relu = ReLU()

    override func forward(_ x: Tensor) -> Tensor {
        output(relu(hidden2(relu(hidden1(x)))))
    }
}

/// The guide's neural network regression: 100 points of y = sin(x) + 0.5·U(0, 1) on
/// [-10, 10], a 1-200-100-1 ReLU network, Adam lr 0.01 on the mean squared error, 1000 epochs.
public enum NeuralNetwork {
    /// The guide's number of epochs.
    public static let defaultEpochs = 1000

    /// Trains the subclassed network, or the same layers in a `Sequential` when `sequential`.
    public static func run(_ options: ProgramOptions = ProgramOptions(), sequential: Bool = false) throws -> ProgramReport {
        let loop = try TrainingLoop(options, defaultEpochs: defaultEpochs)
        let loss = try seeded(options.seed) { () throws -> Double in
            let x = Tensor.linspace(-10, 10, steps: 100).unsqueeze(1)
            let y = x.sin() + 0.5 * Tensor.rand(like: x)
            let model: Module = sequential
                ? Sequential(Linear(1, 200), ReLU(), Linear(200, 100), ReLU(), Linear(100, 1))
                : NeuralNetworks()
            return try loop.run(model: model, optimizer: try Adam(model.parameters(), lr: 0.01), criterion: MSELoss(),
                                loader: DataLoader(TensorDataset(x, y), batchSize: 100)) { ax, epoch, loss, prediction in
                draw(ax, x: x, y: y, prediction: prediction, caption: epochCaption(epoch, loss))
            }
        }
        let milliseconds = try loop.finish()
        return ProgramReport(
            program: "neural-network", epochs: loop.epochs, finalLoss: loss, trainingMilliseconds: milliseconds,
            values: [:], summary: ["Model: \(sequential ? "Sequential" : "NeuralNetworks (a Module subclass)")"])
    }

    private static func draw(_ ax: Axes, x: Tensor, y: Tensor, prediction: Tensor, caption: String) {
        ax.setTitle("Neural Networks Regression Analysis", fontSize: 20)
        ax.setXLabel("x", fontSize: 15)
        ax.setYLabel("y", fontSize: 15)
        ax.setXLim(-10.5, 10.5)
        ax.setYLim(-1.5, 2)
        ax.scatter(x.doubleScalars, y.doubleScalars, color: "purple")
        ax.plot(x.doubleScalars, prediction.doubleScalars, "g-", lineWidth: 3)
        ax.text(6.0, -1.0, caption)
    }
}
