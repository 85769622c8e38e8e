import Foundation
import Testing
import EmberCore
import EmberTestSupport

extension Fixture {
    /// Loads `Fixtures/<name>.json` from this test target's bundle.
    init(_ name: String) throws { try self.init(name, bundle: .module) }
}

/// Records an issue naming both tensors' values when they are not close.
func expectClose(
    _ actual: Tensor, _ expected: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8,
    _ comment: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.dtype == expected.dtype, "dtype \(actual.dtype) != \(expected.dtype) \(comment)", sourceLocation: sourceLocation)
    #expect(isClose(actual, expected, rtol: rtol, atol: atol),
            "\(comment)\nactual   \(actual.shape) \(actual.doubleScalars.prefix(20))\nexpected \(expected.shape) \(expected.doubleScalars.prefix(20))",
            sourceLocation: sourceLocation)
}
