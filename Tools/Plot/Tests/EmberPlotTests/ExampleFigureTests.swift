import EmberImage
import EmberPlot
import Foundation
import Testing

/// The seed's linear-regression frame: scatter, fitted line, title, labels, epoch text.
func linearRegressionFigure(epoch: Int = 7, loss: Double = 1.2345) -> Figure {
    let fig = Figure(inches: (12, 7))
    let ax = fig.axes
    let x = (0..<100).map { -1 + 2 * Double($0) / 99 }
    let y = x.enumerated().map { 5 + 5 * $0.element + 5 * Double(($0.offset * 37) % 100) / 100 }
    ax.setTitle("Linear Regression", fontSize: 20)
    ax.setXLabel("x", fontSize: 15)
    ax.setYLabel("y", fontSize: 15)
    ax.setXLim(-1.5, 1.5)
    ax.setYLim(-1.0, 16.0)
    ax.scatter(x, y, color: "purple", label: "data")
    ax.plot(x, x.map { 7.5 + 4.6 * $0 }, "g-", lineWidth: 3, label: "fit")
    ax.text(0.8, 1.0, "Epoch = \(epoch), Loss = \(TickLocator.format(loss, decimals: 2))", fontSize: 10, color: .black)
    ax.legend(location: .upperLeft, fontSize: 14.4)
    return fig
}

/// The seed's logistic-regression frame: two classes, a decision boundary that leaves the
/// view, a legend in the upper right.
func logisticRegressionFigure() -> Figure {
    let fig = Figure(inches: (12, 7))
    let ax = fig.axes
    let setosa: [(Double, Double)] = (0..<50).map { i in
        let a: Double = Double((i * 7) % 15), b: Double = Double((i * 11) % 15)
        return (4.3 + a / 10, 2.9 + b / 10)
    }
    let versicolor: [(Double, Double)] = (0..<50).map { i in
        let a: Double = Double((i * 7) % 21), b: Double = Double((i * 13) % 14)
        return (4.9 + a / 10, 2.0 + b / 10)
    }
    ax.setTitle("Logistic Regression", fontSize: 20)
    ax.setXLabel("SepalLength (cm)", fontSize: 15)
    ax.setYLabel("SepalWidth (cm)", fontSize: 15)
    ax.setXLim(3.5, 8.5)
    ax.setYLim(1.0, 5.0)
    ax.scatter(setosa.map(\.0), setosa.map(\.1), color: "red", label: "setosa")
    ax.scatter(versicolor.map(\.0), versicolor.map(\.1), color: "blue", label: "versicolor")
    let px = (0..<1000).map { 4 + 4 * Double($0) / 999 }
    let py: [Double] = px.map { x in (18.2 - 3.1 * x) / -2.9 + 0.4 }
    ax.plot(px, py, "g-", lineWidth: 3)
    ax.legend(location: .upperRight, fontSize: 14.4)
    ax.text(7.5, 1.5, "Epoch = 99, Loss = 0.07", fontSize: 10, color: .black)
    return fig
}

@Suite struct ExampleFigureTests {
    /// Lines leaving the view are clipped at the spines.
    @Test func dataIsClippedToTheAxes() throws {
        let fig = logisticRegressionFigure()
        let image = fig.render()
        if let path = ProcessInfo.processInfo.environment["EMBER_PLOT_EXAMPLE"] {
            try image.writePNG(to: path.replacing(".png", with: "-logistic.png"), layout: .rgb)
        }
        let green = RGBAPixel(0, 128, 0)
        var inside = 0
        for y in 0..<700 {
            for x in 0..<1200 where image[x, y] == green {
                #expect(x > 150 && x < 1080 && y > 84 && y < 623, "green at (\(x), \(y))")
                inside += 1
            }
        }
        #expect(inside > 1000)
    }

    /// Writes the example to $EMBER_PLOT_EXAMPLE (for a person to look at) when set.
    @Test func exampleRenders() throws {
        let image = linearRegressionFigure().render()
        #expect(image.width == 1200 && image.height == 700)
        if let path = ProcessInfo.processInfo.environment["EMBER_PLOT_EXAMPLE"] {
            try image.writePNG(to: path, layout: .rgb)
        }
    }

    /// Three epochs as a GIF: frames stream to a temporary file renamed by finish().
    @Test func animationOfEpochs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ember-plot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = ProcessInfo.processInfo.environment["EMBER_PLOT_EXAMPLE"].map { $0 + ".gif" }
            ?? folder.appendingPathComponent("epochs.gif").path
        try? FileManager.default.removeItem(atPath: path)
        let first = linearRegressionFigure(epoch: 0, loss: 9.87)
        let gif = try Animation(path: path, figure: first)
        try gif.append(first)
        try gif.append(linearRegressionFigure(epoch: 1, loss: 5.5))
        try gif.append(linearRegressionFigure(epoch: 2, loss: 1.25).render())
        #expect(gif.frameCount == 3)
        #expect(!FileManager.default.fileExists(atPath: path))
        try gif.finish()
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Array(bytes.prefix(6)) == Array("GIF89a".utf8))
        // Later frames only re-encode the text that changed: much smaller than the first.
        #expect(bytes.count < 60_000)
    }
}
