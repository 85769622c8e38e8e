import Testing
@testable import EmberCore
import EmberTestSupport

/// Reads `Fixtures/views.json` (written by `Scripts/make_view_fixtures.py`): base tensors
/// described as `arange(storage)` with an explicit geometry, and what PyTorch reports for
/// views of them (shape, strides, storage offset, values) and for errors (messages).
struct ViewFixture {
    /// One tensor as PyTorch reported it.
    struct Geometry {
        let shape: [Int]
        let stride: [Int]
        let offset: Int
        let data: [Double]
    }

    let fixture: Fixture

    init() throws { fixture = try Fixture("views") }

    /// The base tensors in `dtype`, built directly from storage (no Ember view operator).
    func bases(_ dtype: DType) throws -> Bases {
        guard let entries = fixture["bases"] as? [String: [String: Any]] else { throw missing("bases") }
        var tensors: [String: Tensor] = [:]
        for (name, e) in entries {
            guard let size = e["storage"] as? Int, let shape = e["shape"] as? [Int],
                  let stride = e["stride"] as? [Int], let offset = e["offset"] as? Int
            else { throw missing("base \(name)") }
            let storage = Tensor((0..<size).map(Double.init), shape: [size]).to(dtype)
            tensors[name] = Tensor(storage: storage.storage, shape: shape, strides: stride, storageOffset: offset, dtype: dtype)
        }
        return Bases(tensors: tensors)
    }

    /// The names in a section (`views`, `assignments`, `errors`).
    func names(_ section: String) -> Set<String> {
        Set((fixture[section] as? [String: Any])?.keys.map { $0 } ?? [])
    }

    /// The tensors PyTorch produced for `name` in `section` (one, or a list for split ops).
    func geometries(_ section: String, _ name: String) throws -> [Geometry] {
        guard let entry = (fixture[section] as? [String: Any])?[name] else { throw missing("\(section)/\(name)") }
        let list = (entry as? [[String: Any]]) ?? [(entry as? [String: Any]) ?? [:]]
        return try list.map { e in
            guard let shape = e["shape"] as? [Int], let stride = e["stride"] as? [Int],
                  let offset = e["offset"] as? Int, let data = e["data"] as? [Double]
            else { throw missing("\(section)/\(name) entry") }
            return Geometry(shape: shape, stride: stride, offset: offset, data: data)
        }
    }

    /// PyTorch's message for error case `name`.
    func message(_ name: String) throws -> String {
        guard let m = (fixture["errors"] as? [String: String])?[name] else { throw missing("errors/\(name)") }
        return m
    }

    private func missing(_ what: String) -> EmberError {
        EmberError(.invalidFile, op: "ViewFixture", "views.json has no \(what)")
    }
}

/// The fixture's base tensors, named as in `make_view_fixtures.py`.
struct Bases {
    let tensors: [String: Tensor]
    subscript(name: String) -> Tensor { tensors[name]! }
    var A: Tensor { self["A"] }     // [2, 3, 4] contiguous
    var AT: Tensor { self["AT"] }   // A.transpose(0, 2)
    var S: Tensor { self["S"] }     // A[:, 1:, ::2]
    var M: Tensor { self["M"] }     // [3, 4] contiguous
    var MT: Tensor { self["MT"] }   // M.t()
    var Z: Tensor { self["Z"] }     // 0-d view at offset 7
    var V: Tensor { self["V"] }     // [10]
    var V5: Tensor { self["V5"] }   // [5]
    var C: Tensor { self["C"] }     // [3, 1]
    var O: Tensor { self["O"] }     // [1, 4]
    var R: Tensor { self["R"] }     // [2, 1, 3, 1]
    var Q: Tensor { self["Q"] }     // [1, 2, 1, 3]
    var E: Tensor { self["E"] }     // [0, 2]
    var Q3: Tensor { self["Q3"] }   // [3, 3]
}

/// Records an issue unless `t` has exactly the geometry and values PyTorch reported.
func expectGeometry(
    _ t: Tensor, _ g: ViewFixture.Geometry, _ comment: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(t.shape == g.shape, "\(comment): shape", sourceLocation: sourceLocation)
    #expect(t.strides == g.stride, "\(comment): strides", sourceLocation: sourceLocation)
    #expect(t.storageOffset == g.offset, "\(comment): storage offset", sourceLocation: sourceLocation)
    #expect(t.doubleScalars == g.data, "\(comment): values", sourceLocation: sourceLocation)
}

/// The message of the `EmberError` that `body` throws, or `nil` when it does not throw one.
func emberErrorMessage(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let error as EmberError {
        return error.message
    } catch {
        return "\(error)"
    }
}
