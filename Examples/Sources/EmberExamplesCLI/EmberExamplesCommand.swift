import ArgumentParser
import EmberExamples
import Foundation

/// `ember-examples`: the seed guide's four programs.
@main
struct EmberExamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ember-examples",
        abstract: "The four programs of the PyTorch introduction, in Swift with Ember.",
        subcommands: [BCE.self, LinearRegressionCommand.self, LogisticRegressionCommand.self,
                      NeuralNetworkCommand.self, All.self])
}

/// The options the training programs share.
struct TrainingOptions: ParsableArguments {
    @Option(help: "Seed of the default generator (torch.manual_seed).")
    var seed = 0
    @Option(help: "Number of epochs (default: the guide's).")
    var epochs: Int?
    @Option(name: .customLong("animate"), help: "Write the training animation (one frame per epoch) to this GIF.")
    var animationPath: String?
    @Option(name: .customLong("plot"), help: "Write the final frame to this PNG.")
    var plotPath: String?
    @Flag(help: "No progress line.")
    var quiet = false

    func programOptions() -> ProgramOptions {
        ProgramOptions(seed: seed, epochs: epochs, animationPath: animationPath, plotPath: plotPath, showsProgress: !quiet)
    }

    func validate() throws {
        if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1") }
    }
}

/// Prints a report's closing lines (the last one is `Epoch = N, Loss = X.XXXX`).
func printReport(_ report: ProgramReport) {
    for line in report.closingLines { print(line) }
}

struct BCE: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bce", abstract: "Binary cross-entropy through BCELoss and by hand (both 1.8835).")

    func run() {
        for line in BCEProgram.lines() { print(line) }
    }
}

struct LinearRegressionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "linear-regression", abstract: "Fit y = 5 + 5x + noise with Linear(1, 1) and SGD.")
    @OptionGroup var options: TrainingOptions

    func run() throws { printReport(try LinearRegression.run(options.programOptions())) }
}

struct LogisticRegressionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logistic-regression", abstract: "Separate setosa from versicolor (Iris) with Linear(2, 1) + Sigmoid.")
    @OptionGroup var options: TrainingOptions

    func run() throws { printReport(try LogisticRegression.run(options.programOptions())) }
}

struct NeuralNetworkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neural-network", abstract: "Fit sin(x) + noise with a 1-200-100-1 ReLU network and Adam.")
    @OptionGroup var options: TrainingOptions
    @Flag(help: "Build the network as a Sequential instead of a Module subclass.")
    var sequential = false

    func run() throws { printReport(try NeuralNetwork.run(options.programOptions(), sequential: sequential)) }
}

struct All: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the four programs (the network in both of the guide's forms), writing each training animation (GIF) and final frame (PNG) to a folder.")
    @Option(help: "Seed of the default generator.")
    var seed = 0
    @Option(name: .customLong("output-dir"), help: "Folder for the GIFs and PNGs.")
    var outputDirectory = "ember-examples-output"
    @Flag(help: "Skip the animations (faster; the PNGs are still written).")
    var noAnimation = false
    @Flag(help: "No progress line.")
    var quiet = false

    func run() throws {
        try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        print("== bce")
        for line in BCEProgram.lines() { print(line) }
        let programs: [(String, (ProgramOptions) throws -> ProgramReport)] = [
            ("linear-regression", { try LinearRegression.run($0) }),
            ("logistic-regression", { try LogisticRegression.run($0) }),
            ("neural-network", { try NeuralNetwork.run($0) }),
            ("neural-network-sequential", { try NeuralNetwork.run($0, sequential: true) }),
        ]
        for (name, program) in programs {
            print("\n== \(name)")
            let base = (outputDirectory as NSString).appendingPathComponent(name.replacingOccurrences(of: "-", with: "_"))
            let options = ProgramOptions(seed: seed, animationPath: noAnimation ? nil : base + ".gif",
                                         plotPath: base + ".png", showsProgress: !quiet)
            printReport(try program(options))
            print("Pictures: \(noAnimation ? "" : base + ".gif, ")\(base).png")
        }
    }
}
