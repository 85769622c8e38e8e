import Testing
@testable import EmberCore

/// Helpers for the indexing tests (fixtures from Scripts/make_indexing_fixtures.py).
enum IndexingTest {
    /// The dtypes the fixtures cover.
    static let dtypes = ["float32", "float64", "int64", "bool"]

    /// A transposed, non-contiguous view of a 2-D tensor (built by hand, so these tests do not
    /// depend on the view operators).
    static func transposed(_ t: Tensor) -> Tensor {
        precondition(t.rank == 2)
        let v = Tensor(storage: t.storage, shape: [t.shape[1], t.shape[0]], strides: [t.strides[1], t.strides[0]],
                       storageOffset: t.storageOffset, dtype: t.dtype)
        return v
    }

    /// An int64 index tensor.
    static func index(_ values: [Int64], _ shape: [Int]? = nil) -> Tensor {
        Tensor(values, shape: shape ?? [values.count])
    }

    /// Expects `actual` to equal `expected` exactly (dtype, shape, values; NaN matches NaN).
    static func expectEqual(
        _ actual: Tensor, _ expected: Tensor, _ comment: String = "", sourceLocation: SourceLocation = #_sourceLocation
    ) {
        expectClose(actual, expected, rtol: 0, atol: 0, comment, sourceLocation: sourceLocation)
    }

    /// Expects calling `op` with `args` to throw an error whose description is `message`.
    static func expectError(
        _ op: String, _ args: [IValue], _ message: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            _ = try Dispatcher.shared.call(op, args)
            Issue.record("\(op) did not throw; expected \(message)", sourceLocation: sourceLocation)
        } catch {
            #expect("\(error)" == message, sourceLocation: sourceLocation)
        }
    }
}
