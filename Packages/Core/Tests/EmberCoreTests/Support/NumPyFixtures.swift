import Foundation
import Testing
@testable import EmberCore
import EmberTestSupport

/// The `.npy`/`.npz` files written by Scripts/make_npy_fixtures.py and their expected values
/// (Fixtures/npy.json).
enum NumPyFixtures {
    /// The arrays written by `np.save`, one file each, with their expected values in npy.json.
    static let arrays = [
        "bool", "uint8", "int8", "int16", "int32", "int64", "float16", "float32", "float64",
        "fortran_f32", "fortran_i16_3d", "big_f4", "big_f8", "big_f2", "big_i2", "big_i4", "big_i8",
        "scalar_f64", "scalar_i32", "empty_f32", "empty_2x0_i64", "vector_f32", "cube_f64",
    ]
    /// The C-ordered little-endian files: what Ember's writer must reproduce byte for byte.
    static let nativeCOrder = [
        "bool", "uint8", "int8", "int16", "int32", "int64", "float16", "float32", "float64",
        "scalar_f64", "scalar_i32", "empty_f32", "empty_2x0_i64", "vector_f32", "cube_f64",
    ]

    /// The path of `Fixtures/npy/<file>`.
    static func path(_ file: String) -> String {
        Bundle.module.resourcePath! + "/Fixtures/npy/" + file
    }

    /// The bytes of `Fixtures/npy/<file>`.
    static func bytes(_ file: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(file))))
    }

    /// The expected tensor for fixture `name`.
    static func tensor(_ name: String) throws -> Tensor { try Fixture("npy").tensor(name) }
}

/// Records an issue unless `actual` has `expected`'s dtype, shape and exactly its values
/// (NaN matching NaN; int64 compared as integers).
func expectIdentical(_ actual: Tensor, _ expected: Tensor, _ comment: String = "",
                     sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.dtype == expected.dtype, "\(comment): dtype \(actual.dtype) != \(expected.dtype)", sourceLocation: sourceLocation)
    #expect(actual.shape == expected.shape, "\(comment): shape \(actual.shape) != \(expected.shape)", sourceLocation: sourceLocation)
    guard actual.dtype == expected.dtype, actual.shape == expected.shape else { return }
    if actual.dtype == .int64 {
        #expect(actual.scalars(as: Int64.self) == expected.scalars(as: Int64.self), "\(comment)", sourceLocation: sourceLocation)
        return
    }
    let a = actual.doubleScalars, e = expected.doubleScalars
    let same = zip(a, e).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    #expect(same, "\(comment): \(a) != \(e)", sourceLocation: sourceLocation)
}

/// A scratch folder removed when the test ends (via `defer`).
struct ScratchFolder {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "ember-npy-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { path + "/" + name }
    var contents: [String] { (try? FileManager.default.contentsOfDirectory(atPath: path).sorted()) ?? [] }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
