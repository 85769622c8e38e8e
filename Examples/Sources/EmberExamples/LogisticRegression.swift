import EmberAutograd
import EmberCore
import EmberCSV
import EmberData
import EmberNN
import EmberOptim
import EmberPlot

/// The guide's logistic regression model: a linear layer and a sigmoid.
final class LogisticRegressionModel: Module {
    let linear = Linear(2, 1)
    let sigmoid = Sigmoid()

    override func forward(_ x: Tensor) -> Tensor { sigmoid(linear(x)) }
}

/// The guide's logistic regression: setosa against versicolor (the bundled Iris, first 100
/// rows) by sepal length and width; `Linear(2, 1)` + sigmoid, BCELoss, SGD lr 0.2, 100 epochs.
public enum LogisticRegression {
    /// The guide's number of epochs.
    public static let defaultEpochs = 100

    /// Trains and reports the final loss and the accuracy on the 100 flowers.
    public static func run(_ options: ProgramOptions = ProgramOptions()) throws -> ProgramReport {
        let loop = try TrainingLoop(options, defaultEpochs: defaultEpochs)
        let (loss, accuracy) = try seeded(options.seed) { () throws -> (Double, Double) in
            let iris = try Iris.load()
            let x = iris.features.narrow(dim: 0, start: 0, length: 100).narrow(dim: 1, start: 0, length: 2).contiguous()
            let y = iris.targets.narrow(dim: 0, start: 0, length: 100).to(.float32).reshape([-1, 1])
            let model = LogisticRegressionModel()
            let loss = try loop.run(model: model, optimizer: try SGD(model.parameters(), lr: 0.2), criterion: BCELoss(),
                                    loader: DataLoader(TensorDataset(x, y), batchSize: 100)) { ax, epoch, loss, _ in
                draw(ax, x: x, model: model, caption: epochCaption(epoch, loss))
            }
            let predicted = noGrad { model(x).gt(Tensor(wrapping: 0.5)).to(.float32) }
            return (loss, predicted.eq(y).to(.float32).mean().value)
        }
        let milliseconds = try loop.finish()
        return ProgramReport(
            program: "logistic-regression", epochs: loop.epochs, finalLoss: loss, trainingMilliseconds: milliseconds,
            values: ["accuracy": accuracy],
            summary: ["Accuracy = \(format(accuracy * 100, decimals: 2)) % (setosa vs versicolor, 100 flowers)"])
    }

    /// The seed's frame: both species, the decision boundary w0·x + w1·y + b = 0, the legend.
    private static func draw(_ ax: Axes, x: Tensor, model: LogisticRegressionModel, caption: String) {
        let length = x.narrow(dim: 1, start: 0, length: 1).doubleScalars
        let width = x.narrow(dim: 1, start: 1, length: 1).doubleScalars
        let w = model.linear.weight.detach().doubleScalars, b = model.linear.bias!.detach().value
        let boundaryX = (0..<1000).map { 4 + 4 * Double($0) / 999 }
        ax.setTitle("Logistic Regression", fontSize: 20)
        ax.setXLabel("SepalLength (cm)", fontSize: 15)
        ax.setYLabel("SepalWidth (cm)", fontSize: 15)
        ax.setXLim(3.5, 8.5)
        ax.setYLim(1.0, 5.0)
        ax.scatter(length[..<50], width[..<50], color: "red", label: "setosa")
        ax.scatter(length[50...], width[50...], color: "blue", label: "versicolor")
        ax.plot(boundaryX, boundaryX.map { (-w[0] * $0 - b) / w[1] }, "g-", lineWidth: 3)
        ax.legend(location: .upperRight, fontSize: 14)
        ax.text(7.5, 1.5, caption)
    }
}
