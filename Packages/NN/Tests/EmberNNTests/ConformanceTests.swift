import Testing
import EmberCore
import EmberAutograd
import EmberTestSupport
import EmberNN

/// Every EmberNN operator passes the registry-driven suites: kernels against the reference
/// checks (dtypes, non-contiguous inputs), and gradcheck + gradgradcheck on its samples.
@Suite struct ConformanceTests {
    static let operators: [String] = {
        EmberNN.register()
        return Dispatcher.shared.operators.filter { $0.definition.package == EmberNN.package }.map(\.schema.name)
    }()

    @Test func everyOperatorHasSamples() {
        let without = Self.operators.filter { Dispatcher.shared.definition(Dispatcher.shared.handle($0)).samples == nil }
        #expect(without.isEmpty, "no samples: \(without)")
        #expect(Self.operators.contains("linear"))
    }

    @Test(arguments: operators) func kernelsConform(_ name: String) throws {
        let op = try #require(Dispatcher.shared.operators.first { $0.schema.name == name })
        let failures = Conformance.check(op)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test(arguments: operators.filter { !Autograd.isRandomOperator($0) }) func gradchecks(_ name: String) {
        let failures = Autograd.checkSamples(of: name)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}
