import EmberCore
import Foundation
import Testing

@testable import EmberCSV

/// Options with a few fields changed.
func options(_ change: (inout CSVOptions) -> Void) -> CSVOptions {
    var o = CSVOptions()
    change(&o)
    return o
}

/// Reads `text` (named "t.csv" in errors) into a tensor.
func readText(_ text: String, columns: [CSVColumnRef]? = nil, dtype: DType = .float32,
              options: CSVOptions = CSVOptions()) throws -> CSVTensor
{
    try CSV.readTensor(.text(text, name: "t.csv"), columns: columns, dtype: dtype, options: options)
}

/// The rows of a 2-d float32 tensor.
func rows(_ t: Tensor) -> [[Float]] {
    let values = t.scalars(as: Float.self)
    let width = t.shape[1]
    return (0..<t.shape[0]).map { Array(values[$0 * width..<($0 + 1) * width]) }
}

/// The rows of a 2-d float64 tensor.
func rows64(_ t: Tensor) -> [[Double]] {
    let values = t.scalars(as: Double.self)
    let width = t.shape[1]
    return (0..<t.shape[0]).map { Array(values[$0 * width..<($0 + 1) * width]) }
}

/// The description of the error `body` throws, or a recorded issue when it throws none.
func errorText(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Any) -> String {
    do {
        let value = try body()
        Issue.record("expected an error, got \(value)", sourceLocation: sourceLocation)
        return ""
    } catch {
        return "\(error)"
    }
}

/// The thrown error as a `CSVError`.
func csvError(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Any) -> CSVError? {
    do {
        _ = try body()
        Issue.record("expected a CSVError", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error as? CSVError
    }
}

/// Bitwise equality of float arrays (NaN equals NaN of the same bits).
func sameBits(_ a: [Float], _ b: [Float]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
}

/// The URL of a fixture file.
func fixtureURL(_ name: String) throws -> URL {
    try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
}
