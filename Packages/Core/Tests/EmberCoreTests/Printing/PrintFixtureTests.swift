import Testing
@testable import EmberCore
import EmberTestSupport

/// `Tensor.description` against PyTorch's `repr` of the same tensors
/// (Scripts/make_print_fixtures.py), character for character.
@Suite struct PrintFixtureTests {
    /// A tensor the fixture generated from a rule instead of storing its data.
    static func generated(_ entry: [String: Any]) throws -> Tensor {
        guard let gen = entry["gen"] as? String, let shape = entry["shape"] as? [Int],
              let dtype = DType(name: entry["dtype"] as? String ?? "") else {
            throw EmberError(.invalidFile, op: "Fixture", "malformed generated tensor")
        }
        let n = shape.reduce(1, *), scale = entry["scale"] as? Double ?? 1
        let values: [Double] = (0..<n).map { i in
            switch gen {
            case "arange": return Double(i) * scale
            case "hash": return Double((i * 7919) % 1000 - 500) / 64 * scale
            case "even": return i % 2 == 0 ? scale : 0
            default: return (i < 3 || i >= n - 3 ? 1 : 1e9) * scale
            }
        }
        return castTensor(Tensor(values, shape: shape), to: dtype)
    }

    static func tensor(_ c: [String: Any]) throws -> Tensor {
        guard let entry = c["tensor"] as? [String: Any] else { throw EmberError(.invalidFile, op: "Fixture", "no tensor") }
        let stored = entry["gen"] != nil ? try generated(entry) : try Fixture.tensor(from: entry)
        guard c["view"] as? String == "T" else { return stored }
        var shape = stored.shape, strides = stored.strides
        shape.swapAt(shape.count - 2, shape.count - 1)
        strides.swapAt(strides.count - 2, strides.count - 1)
        return Tensor(storage: stored.storage, shape: shape, strides: strides, dtype: stored.dtype)
    }

    static func options(_ c: [String: Any]) -> PrintOptions {
        let o = c["options"] as? [String: Any] ?? [:]
        return PrintOptions(
            precision: o["precision"] as? Int ?? 4, threshold: o["threshold"] as? Int ?? 1000,
            edgeitems: o["edgeitems"] as? Int ?? 3, linewidth: o["linewidth"] as? Int ?? 80,
            sciMode: o["sci_mode"] as? Bool)
    }

    @Test func descriptionsMatchPyTorchRepr() throws {
        let cases = try #require(try Fixture("print")["cases"] as? [[String: Any]])
        #expect(cases.count > 90)
        for c in cases {
            let name = c["name"] as? String ?? "?", expected = c["repr"] as? String ?? "?"
            let t = try Self.tensor(c)
            if let annotations = c["annotations"] as? [String], !annotations.isEmpty {
                t.autogradMeta = Annotations(annotations)
            }
            let actual = t.formatted(Self.options(c))
            #expect(actual == expected, "\(name)\n--- ember\n\(actual)\n--- pytorch\n\(expected)")
        }
    }
}

/// Stands in for autograd's per-tensor metadata.
final class Annotations: TensorDescriptionAnnotating {
    let descriptionSuffixes: [String]
    init(_ suffixes: [String]) { descriptionSuffixes = suffixes }
}
