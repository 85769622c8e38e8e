import EmberAutograd
import EmberCore
import EmberNN

/// The guide's first program: binary cross-entropy of `sigmoid(x)` against `y`, through
/// `BCELoss` and through the formula written out; both give 1.8835.
public enum BCEProgram {
    /// The two losses: `(module, formula)`.
    public static func run() -> (module: Double, formula: Double) {
        let x = Tensor([-4.5, 0.7, 3.3] as [Float], shape: [3])
        let y = Tensor([1, 0, 1] as [Float], shape: [3])
        let p = Sigmoid()(x)
        let byModule = BCELoss()(p, y).value
        let byFormula = (-(y * p.log() + (1 - y) * (1 - p).log())).mean().value
        return (byModule, byFormula)
    }

    /// The lines the program prints.
    public static func lines() -> [String] {
        let (module, formula) = run()
        return ["BCELoss(Sigmoid(x), y) = \(format(module, decimals: 4))",
                "-mean(y·log(p) + (1 - y)·log(1 - p)) = \(format(formula, decimals: 4))"]
    }
}
