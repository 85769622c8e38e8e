import EmberImage
import EmberPlot

/// Draws the training pictures as the seed guide does (`plt.subplots(figsize=(12, 7))`):
/// one animation frame per epoch when animating, and the last frame as a PNG when asked.
final class FrameRecorder {
    /// The figure every frame is drawn on.
    let figure = Figure(inches: (12, 7))
    private var animation: Animation?
    private let plotPath: String?

    /// A recorder for `options` (no pictures when it asks for none).
    init(_ options: ProgramOptions) throws {
        plotPath = options.plotPath
        if let path = options.animationPath {
            animation = try Animation(path: path, width: figure.width, height: figure.height, durationMilliseconds: 100)
        }
    }

    /// Whether `epoch` gets a frame.
    func wantsFrame(last: Bool) -> Bool { animation != nil || (last && plotPath != nil) }

    /// Draws the frame of an epoch with `draw` on cleared axes, and records it.
    func record(last: Bool, _ draw: (Axes) -> Void) throws {
        guard wantsFrame(last: last) else { return }
        figure.axes.cla()
        draw(figure.axes)
        let image = figure.render()
        try animation?.append(image)
        if last, let plotPath { try image.writePNG(to: plotPath) }
    }

    /// Finishes the animation file.
    func finish() throws { try animation?.finish() }
}

/// The caption the seed draws on every frame: `Epoch = 7, Loss = 1.23`.
func epochCaption(_ epoch: Int, _ loss: Double) -> String {
    "Epoch = \(epoch), Loss = \(format(loss, decimals: 2))"
}
