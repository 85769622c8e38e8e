import EmberAutograd
import EmberCore
import EmberData
import EmberNN
import EmberOptim
import EmberPlot

/// The guide's six-line training loop with its bookkeeping: the training clock (start-up and
/// drawing left out), the progress line, and one picture per epoch.
final class TrainingLoop {
    /// The number of epochs to train.
    let epochs: Int
    private let clock = TrainingClock()
    private let frames: FrameRecorder
    private let progress: Progress

    /// Starts up Ember and the clock for a program with `options`.
    init(_ options: ProgramOptions, defaultEpochs: Int) throws {
        epochs = options.epochs ?? defaultEpochs
        frames = try FrameRecorder(options)
        progress = Progress(total: epochs, enabled: options.showsProgress)
        startUp()
        clock.resume()
    }

    /// Trains for ``epochs``: for each batch, `model` → `criterion` → `zeroGrad` → `backward`
    /// → `step`; after each epoch, `draw` gets the axes, the epoch, its last loss and last
    /// prediction. Returns the last batch's loss.
    func run(model: Module, optimizer: Optimizer, criterion: Loss, loader: DataLoader<(Tensor, Tensor)>,
             draw: (Axes, Int, Double, Tensor) -> Void) throws -> Double {
        var lossValue = Double.nan
        for epoch in 0..<epochs {
            var prediction: Tensor?
            for (x, y) in loader {
                prediction = model(x)
                let loss = criterion(prediction!, y)
                optimizer.zeroGrad()
                try loss.backward()
                try optimizer.step()
                lossValue = loss.value
            }
            progress.update(epoch: epoch, loss: lossValue)
            try clock.excluding {
                try frames.record(last: epoch == epochs - 1) { ax in draw(ax, epoch, lossValue, prediction!.detach()) }
            }
        }
        return lossValue
    }

    /// Stops the clock, clears the progress line and finishes the animation; returns the
    /// training time in milliseconds.
    func finish() throws -> Double {
        clock.pause()
        progress.finish()
        try frames.finish()
        return clock.milliseconds
    }
}
