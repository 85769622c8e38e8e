import EmberAutograd
import EmberCore
@testable import EmberOptim
import Testing

/// Every optimizer and option combination against PyTorch's trajectory on the fixture MLP.
@Suite struct TrajectoryTests {
    /// Runs `steps` steps and returns the parameters after each.
    static func run(_ c: OptimCase, strided: Bool, steps: Int = 10) throws -> [[Double]] {
        let mlp = MLP(dtype: c.dtype, strided: strided)
        let opt = try c.make(mlp)
        var out: [[Double]] = []
        for _ in 0..<steps {
            try mlp.backward(opt)
            try opt.step()
            out.append(mlp.flat)
        }
        return out
    }

    static func tolerance(_ c: OptimCase) -> Double { c.dtype == .float64 ? 1e-6 : 2e-5 }

    @Test(arguments: optimCases)
    func fusedPathMatchesPyTorch(_ c: OptimCase) throws {
        let got = try Self.run(c, strided: false)
        #expect(got.count == c.trajectory.count)
        for (k, (a, b)) in zip(got, c.trajectory).enumerated() {
            #expect(close(a, b, tol: Self.tolerance(c)), "step \(k + 1): max diff \(maxDiff(a, b))")
        }
    }

    @Test(arguments: optimCases)
    func referencePathMatchesPyTorch(_ c: OptimCase) throws {
        let got = try Self.run(c, strided: true)
        #expect(got.count == c.trajectory.count)
        for (k, (a, b)) in zip(got, c.trajectory).enumerated() {
            #expect(close(a, b, tol: Self.tolerance(c)), "step \(k + 1): max diff \(maxDiff(a, b))")
        }
    }

    @Test(arguments: optimCases.filter { $0.dtype == .float64 })
    func fusedAndReferencePathsAgree(_ c: OptimCase) throws {
        let fused = try Self.run(c, strided: false), reference = try Self.run(c, strided: true)
        for (a, b) in zip(fused, reference) { #expect(close(a, b, tol: 1e-12), "max diff \(maxDiff(a, b))") }
    }

    @Test func stridedParametersReallyTakeTheReferencePath() {
        let mlp = MLP(strided: true)
        #expect(mlp.params.allSatisfy { !$0.isContiguous })
        #expect(MLP().params.allSatisfy { $0.isContiguous })
    }

    @Test(arguments: optimCases)
    func fixtureTrajectoriesMove(_ c: OptimCase) {
        #expect(maxDiff(c.trajectory.last!, MLP().flat) > 1e-3)
    }

    @Test func everyOptimizerIsCovered() {
        let names = Set(optimCases.map(\.opt))
        #expect(names == ["SGD", "Adam", "AdamW", "RMSprop", "Adagrad", "Adadelta", "Adamax", "NAdam", "RAdam"])
    }
}
