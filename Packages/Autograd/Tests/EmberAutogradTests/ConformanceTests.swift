import Testing
import EmberCore
@testable import EmberAutograd

/// Registry-driven: every operator with an autograd derivative and sample inputs passes
/// gradcheck in float64 on each of its samples, and the differentiable operators still
/// without a derivative are listed.
@Suite struct ConformanceTests {
    /// Operators whose second derivative is not checked (none yet).
    static let firstOrderOnly: Set<String> = []

    static var differentiable: [String] { Autograd.checkableOperators().outOfPlace }
    static var inPlace: [String] { Autograd.checkableOperators().inPlace }

    @Test(arguments: differentiable) func gradcheckOnSamples(_ name: String) {
        let failures = Autograd.checkSamples(of: name, secondOrder: !ConformanceTests.firstOrderOnly.contains(name))
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// In-place forms on a non-leaf copy of self: the rebased history gives the same
    /// gradients as the values' finite differences.
    @Test(arguments: inPlace) func gradcheckInPlaceOnSamples(_ name: String) {
        let failures = Autograd.checkSamples(of: name)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func reportsDifferentiableOperatorsWithoutDerivatives() {
        Autograd.ensureInstalled()
        let missing = Dispatcher.shared.operators.filter { info in
            info.composite == nil && !info.hasLayer("autograd") && !info.schema.name.hasSuffix("_")
                && info.kernels.contains { $0.dtype == .float64 }
                && floatingOutputs(info.schema.name)
        }.map(\.schema.name)
        #expect(missing.isEmpty, "no derivative: \(missing)")
        print("Operators with float inputs and no derivative (\(missing.count)): \(missing.joined(separator: ", "))")
        #expect(!Autograd.differentiableOperators.isEmpty)
    }

    /// Whether the operator's first float64 sample gives a floating-point result.
    func floatingOutputs(_ name: String) -> Bool {
        let op = Dispatcher.shared.handle(name)
        guard let args = Dispatcher.shared.definition(op).samples?(.float64).first,
              args.contains(where: { $0.tensorValue?.dtype == .float64 }),
              let out = try? Dispatcher.shared.call(op, args) else { return false }
        return out.contains { $0.tensorValue?.dtype.isFloatingPoint ?? false }
    }
}
