import Foundation
import Testing
@testable import EmberExamples

/// The four programs against PyTorch running the same programs with the same seed
/// (Scripts/make_examples_fixtures.py): losses within 1 %, the fitted line near y = 7.5 + 5x.
@Suite struct ExamplesTests {
    static let fixture: [String: [String: Double]] = {
        let url = Bundle.module.url(forResource: "examples", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode([String: [String: Double]].self, from: Data(contentsOf: url))
    }()

    static func expected(_ key: String, _ value: String) -> Double { fixture[key]![value]! }

    @Test func bceMatchesTheGuideAndPyTorch() {
        let (module, formula) = BCEProgram.run()
        #expect(abs(module - Self.expected("bce", "module")) < 1e-6)
        #expect(abs(formula - Self.expected("bce", "formula")) < 1e-6)
        #expect(format(module, decimals: 4) == "1.8835")
    }

    @Test(arguments: [0, 1]) func linearRegressionMatchesPyTorch(seed: Int) throws {
        let report = try LinearRegression.run(ProgramOptions(seed: seed))
        let key = "linear-regression/\(seed)"
        #expect(abs(report.finalLoss / Self.expected(key, "loss") - 1) < 0.01)
        #expect(abs(report.values["weight"]! - Self.expected(key, "weight")) < 1e-3)
        #expect(abs(report.values["bias"]! - Self.expected(key, "bias")) < 1e-3)
        #expect(abs(report.values["weight"]! - 5) < 0.5 && abs(report.values["bias"]! - 7.5) < 0.5)
        #expect(report.closingLines.last == "Epoch = 100, Loss = \(format(report.finalLoss, decimals: 4))")
    }

    @Test(arguments: [0, 1]) func logisticRegressionMatchesPyTorch(seed: Int) throws {
        let report = try LogisticRegression.run(ProgramOptions(seed: seed))
        let key = "logistic-regression/\(seed)"
        #expect(abs(report.finalLoss / Self.expected(key, "loss") - 1) < 0.01)
        #expect(abs(report.values["accuracy"]! - Self.expected(key, "accuracy")) < 1e-6)
    }

    /// 50 epochs keep the debug test fast; the full 1000 run in the release benchmark.
    @Test(arguments: [(0, false), (1, true)]) func neuralNetworkMatchesPyTorch(seed: Int, sequential: Bool) throws {
        let report = try NeuralNetwork.run(ProgramOptions(seed: seed, epochs: 50), sequential: sequential)
        #expect(abs(report.finalLoss / Self.expected("neural-network-short/\(seed)", "loss") - 1) < 0.01)
    }

    @Test func picturesAreWritten() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ember-examples-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let gif = dir.appendingPathComponent("lr.gif").path, png = dir.appendingPathComponent("lr.png").path
        _ = try LinearRegression.run(ProgramOptions(epochs: 3, animationPath: gif, plotPath: png))
        let gifBytes = try Data(contentsOf: URL(fileURLWithPath: gif))
        #expect(gifBytes.prefix(6) == Data("GIF89a".utf8))
        #expect(gifBytes.last == 0x3B)  // the trailer
        let pngBytes = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(pngBytes.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    }

    @Test func formatRoundsLikePython() {
        #expect(format(1.88348, decimals: 4) == "1.8835")
        #expect(format(-0.25, decimals: 1) == "-0.2")
        #expect(format(2, decimals: 0) == "2")
        #expect(format(0.04, decimals: 3) == "0.040")
    }
}
