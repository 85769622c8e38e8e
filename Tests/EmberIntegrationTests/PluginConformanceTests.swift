import Testing
import Ember
import EmberTestSupport

/// Operators registered by plugins pass the same registry-driven conformance suite as
/// Core's, with no test code of their own.
@Suite struct PluginConformanceTests {
    static let pluginOperators: [String] = {
        EmberDistance.register()
        EmberNN.register()
        return Conformance.operatorsWithSamples().filter { $0.definition.package != "EmberCore" }.map(\.schema.name)
    }()

    @Test func pluginOperatorsAreEnumerated() {
        #expect(Self.pluginOperators.contains("distance::cdist"))
    }

    @Test(arguments: pluginOperators)
    func pluginOperatorConforms(_ name: String) throws {
        let op = try #require(Dispatcher.shared.operators.first { $0.schema.name == name })
        let failures = Conformance.check(op)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// gradcheck and gradgradcheck on every plugin operator with a derivative.
    @Test(arguments: pluginOperators.filter { Autograd.checkableOperators().outOfPlace.contains($0) })
    func pluginOperatorGradchecks(_ name: String) {
        let failures = Autograd.checkSamples(of: name)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}
