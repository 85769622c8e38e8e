import Testing
import EmberCore
import EmberTestSupport

/// Every Core operator with sample inputs passes the registry-driven conformance checks.
@Suite struct ConformanceTests {
    @Test(arguments: Conformance.operatorsWithSamples().map(\.schema.name))
    func operatorConforms(_ name: String) throws {
        let op = try #require(Dispatcher.shared.operators.first { $0.schema.name == name })
        let failures = Conformance.check(op)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func relayoutKeepsValuesAndBreaksContiguity() {
        let t = Tensor([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], shape: [2, 3])
        let s = Conformance.relayout(t, strided: true)
        #expect(!s.isContiguous)
        #expect(s.strides == [6, 2])
        #expect(s.scalars(as: Double.self) == t.scalars(as: Double.self))
    }
}
