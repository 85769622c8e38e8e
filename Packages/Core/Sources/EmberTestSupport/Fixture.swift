import Foundation
import EmberCore

/// Reads JSON fixtures written by the scripts in `Packages/Core/Scripts/` (which run
/// PyTorch/NumPy). A fixture file maps names to tensors written as
/// `{"dtype": "float32", "shape": [2, 3], "data": [...]}`; non-finite values are the strings
/// `"nan"`, `"inf"` and `"-inf"`, and negative zero is `"-0.0"`. Other JSON values (numbers, lists) are kept as they are.
public struct Fixture {
    /// The decoded JSON object.
    public let entries: [String: Any]

    /// Loads `Fixtures/<name>.json` from `bundle` (a test target's `Bundle.module`).
    public init(_ name: String, bundle: Bundle) throws {
        guard let url = bundle.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
            throw EmberError(.invalidFile, op: "Fixture", "missing fixture \(name).json")
        }
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        guard let dict = object as? [String: Any] else {
            throw EmberError(.invalidFile, op: "Fixture", "\(name).json is not an object")
        }
        entries = dict
    }

    /// The raw JSON value for `key`.
    public subscript(key: String) -> Any? { entries[key] }

    /// The tensor stored under `key`.
    public func tensor(_ key: String) throws -> Tensor {
        guard let entry = entries[key] as? [String: Any] else {
            throw EmberError(.invalidFile, op: "Fixture", "no tensor '\(key)'")
        }
        return try Fixture.tensor(from: entry)
    }

    /// Decodes a `{"dtype", "shape", "data"}` object.
    public static func tensor(from entry: [String: Any]) throws -> Tensor {
        guard let dtypeName = entry["dtype"] as? String, let dtype = DType(name: dtypeName),
              let shape = entry["shape"] as? [Int], let raw = entry["data"] as? [Any]
        else { throw EmberError(.invalidFile, op: "Fixture", "malformed tensor entry") }
        let values: [Double] = raw.map { v in
            if let s = v as? String {
                switch s {
                case "nan": return .nan
                case "inf": return .infinity
                case "-0.0": return -0.0  // JSON parsing drops the sign of a literal -0.0
                default: return -.infinity
                }
            }
            // Foundation parses long decimals as NSDecimalNumber, whose doubleValue can be
            // off by an ulp; its decimal string converts exactly.
            if let d = v as? NSDecimalNumber { return Double(d.stringValue) ?? d.doubleValue }
            // NSNumber before Bool: `as? Bool` also accepts the number -0.0 (as false), losing its sign.
            if let n = v as? NSNumber { return n.doubleValue }
            if let b = v as? Bool { return b ? 1 : 0 }
            return .nan
        }
        if dtype == .int64 {
            let ints = raw.map { ($0 as? NSNumber)?.int64Value ?? 0 }
            return Tensor(ints, shape: shape)
        }
        return Tensor(values, shape: shape).to(dtype)
    }
}

/// Whether `actual` has `expected`'s shape and dtype and every element satisfies
/// `|a - e| <= atol + rtol * |e|` (NaNs must match NaNs), like `torch.allclose`.
public func isClose(_ actual: Tensor, _ expected: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8) -> Bool {
    guard actual.shape == expected.shape else { return false }
    let a = actual.doubleScalars, e = expected.doubleScalars
    for (x, y) in zip(a, e) {
        if x.isNaN || y.isNaN { if x.isNaN != y.isNaN { return false } else { continue } }
        if x == y { continue }
        if x.isInfinite || y.isInfinite { return false }  // inf - inf is no tolerance
        if abs(x - y) > atol + rtol * abs(y) { return false }
    }
    return true
}

