import Testing
@testable import EmberCore

/// Records an issue unless `actual` has `expected`'s dtype, shape and exactly its values
/// (int64 compared as integers, everything else through float64, which is exact for every
/// dtype Ember has). For random operators, which must reproduce PyTorch's numbers.
func expectExact(
    _ actual: Tensor, _ expected: Tensor, _ comment: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.dtype == expected.dtype, "dtype \(actual.dtype) != \(expected.dtype) \(comment)", sourceLocation: sourceLocation)
    #expect(actual.shape == expected.shape, "shape \(actual.shape) != \(expected.shape) \(comment)", sourceLocation: sourceLocation)
    guard actual.dtype == expected.dtype, actual.shape == expected.shape else { return }
    if actual.dtype == .int64 {
        let a = actual.scalars(as: Int64.self), e = expected.scalars(as: Int64.self)
        let bad = zip(a, e).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
        #expect(bad.isEmpty, "\(comment): \(bad.count) of \(a.count) differ, first at \(bad.prefix(5)): \(bad.prefix(5).map { (a[$0], e[$0]) })",
                sourceLocation: sourceLocation)
    } else {
        let a = actual.doubleScalars, e = expected.doubleScalars
        let bad = zip(a, e).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
        #expect(bad.isEmpty, "\(comment): \(bad.count) of \(a.count) differ, first at \(bad.prefix(5)): \(bad.prefix(5).map { (a[$0], e[$0]) })",
                sourceLocation: sourceLocation)
    }
}

/// The message of the `EmberError` that `body` throws (nil when it throws none).
func emberErrorMessage(_ body: () throws -> Any) -> String? {
    do {
        _ = try body()
        return nil
    } catch let error as EmberError {
        return error.message
    } catch {
        return "\(error)"
    }
}

/// A view of `t`'s storage as a contiguous tensor of `shape` (to read a non-contiguous
/// result in storage order).
func storageView(_ t: Tensor, shape: [Int]) -> Tensor {
    Tensor(storage: t.storage, shape: shape, strides: Tensor.contiguousStrides(for: shape), dtype: t.dtype)
}
