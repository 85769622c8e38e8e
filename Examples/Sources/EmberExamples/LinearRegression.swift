import EmberCore
import EmberData
import EmberNN
import EmberOptim
import EmberPlot

/// The guide's linear regression: 100 points of y = 5 + 5x + 5·U(0, 1) on [-1, 1], fitted by
/// `Linear(1, 1)` with SGD (lr 0.2) on the mean squared error, full batches, 100 epochs.
public enum LinearRegression {
    /// The guide's number of epochs.
    public static let defaultEpochs = 100

    /// Trains and reports the final loss, the fitted weight and bias.
    public static func run(_ options: ProgramOptions = ProgramOptions()) throws -> ProgramReport {
        let loop = try TrainingLoop(options, defaultEpochs: defaultEpochs)
        let (model, loss) = try seeded(options.seed) { () throws -> (Linear, Double) in
            let x = Tensor.linspace(-1, 1, steps: 100).unsqueeze(1)
            let y = 5 + 5 * x + 5 * Tensor.rand(like: x)
            let model = Linear(1, 1)
            let loss = try loop.run(model: model, optimizer: try SGD(model.parameters(), lr: 0.2), criterion: MSELoss(),
                                    loader: DataLoader(TensorDataset(x, y), batchSize: 100)) { ax, epoch, loss, prediction in
                draw(ax, x: x, y: y, prediction: prediction, caption: epochCaption(epoch, loss))
            }
            return (model, loss)
        }
        let milliseconds = try loop.finish()
        let weight = model.weight.value, bias = model.bias!.value
        return ProgramReport(
            program: "linear-regression", epochs: loop.epochs, finalLoss: loss, trainingMilliseconds: milliseconds,
            values: ["weight": weight, "bias": bias],
            summary: ["Fitted y = \(format(bias, decimals: 4)) + \(format(weight, decimals: 4)) x (the data follow y = 7.5 + 5x on average)"])
    }

    private static func draw(_ ax: Axes, x: Tensor, y: Tensor, prediction: Tensor, caption: String) {
        ax.setTitle("Linear Regression", fontSize: 20)
        ax.setXLabel("x", fontSize: 15)
        ax.setYLabel("y", fontSize: 15)
        ax.setXLim(-1.5, 1.5)
        ax.setYLim(-1.0, 16.0)
        ax.scatter(x.doubleScalars, y.doubleScalars, color: "purple")
        ax.plot(x.doubleScalars, prediction.doubleScalars, "g-", lineWidth: 3)
        ax.text(0.8, 1.0, caption)
    }
}
