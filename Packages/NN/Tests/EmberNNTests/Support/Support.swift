import Foundation
import Testing
import EmberCore
import EmberTestSupport

extension Fixture {
    /// Loads `Fixtures/<name>.json` from this test target's bundle.
    init(_ name: String) throws { try self.init(name, bundle: .module) }

    /// The JSON string under `key`.
    func string(_ key: String) -> String { entries[key] as? String ?? "<missing \(key)>" }
}

/// Records an issue showing both tensors when they are not close (`torch.allclose`).
func expectClose(_ actual: Tensor?, _ expected: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8,
                 _ comment: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
    guard let actual else {
        Issue.record("missing tensor \(comment)", sourceLocation: sourceLocation)
        return
    }
    #expect(isClose(actual, expected, rtol: rtol, atol: atol),
            "\(comment)\nactual   \(actual.shape) \(actual.doubleScalars.prefix(12))\nexpected \(expected.shape) \(expected.doubleScalars.prefix(12))",
            sourceLocation: sourceLocation)
}

/// The message of a thrown error.
func errorText(_ body: () throws -> Void) -> String? {
    do { try body(); return nil } catch let e as EmberError { return e.message } catch { return "\(error)" }
}
