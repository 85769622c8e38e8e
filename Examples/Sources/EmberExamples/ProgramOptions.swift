/// The options every seed program takes (`--seed`, `--epochs`, `--animate`, `--plot`, `--quiet`).
public struct ProgramOptions: Sendable {
    /// The seed of the default generator for the program's random draws (`torch.manual_seed`).
    public var seed: Int
    /// The number of epochs; `nil` keeps the seed guide's number.
    public var epochs: Int?
    /// Where to write the training animation (one GIF frame per epoch), if anywhere.
    public var animationPath: String?
    /// Where to write the final frame as a PNG, if anywhere.
    public var plotPath: String?
    /// Whether to show a progress line (epoch, loss, rate) while training.
    public var showsProgress: Bool

    /// Options with the guide's defaults: seed 0, its epochs, no pictures, no progress line.
    public init(seed: Int = 0, epochs: Int? = nil, animationPath: String? = nil, plotPath: String? = nil,
                showsProgress: Bool = false) {
        self.seed = seed
        self.epochs = epochs
        self.animationPath = animationPath
        self.plotPath = plotPath
        self.showsProgress = showsProgress
    }

    /// Whether any picture is drawn.
    var draws: Bool { animationPath != nil || plotPath != nil }
}

/// What a program reports when it ends.
public struct ProgramReport: Sendable {
    /// The program's command name (`linear-regression`).
    public var program: String
    /// The number of epochs trained.
    public var epochs: Int
    /// The loss of the last batch of the last epoch.
    public var finalLoss: Double
    /// Data preparation plus the training loop, without start-up or drawing.
    public var trainingMilliseconds: Double
    /// Program-specific results by name (`weight`, `bias`, `accuracy`), for tests and printing.
    public var values: [String: Double]
    /// Lines the program prints before its timing (fitted parameters, accuracy).
    public var summary: [String]

    /// The closing lines: the summary, `Trained in X ms`, then `Epoch = N, Loss = X.XXXX`.
    public var closingLines: [String] {
        summary + ["Trained in \(format(trainingMilliseconds, decimals: 1)) ms",
                   "Epoch = \(epochs), Loss = \(format(finalLoss, decimals: 4))"]
    }
}

/// `value` with exactly `decimals` digits after the point (Python's `'{:.4f}'`).
func format(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    var scaled = (abs(value) * pow10(decimals)).rounded(.toNearestOrEven)
    var digits = String(Int64(scaled))
    if decimals > 0 {
        while digits.count <= decimals { digits = "0" + digits }
        digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
    }
    scaled = 0
    return (value < 0 && digits.contains { $0 != "0" && $0 != "." } ? "-" : "") + digits
}

private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { acc, _ in acc * 10 } }
