import Foundation
import Testing
@testable import EmberCore
import EmberTestSupport

/// The `.safetensors` files written by Scripts/make_safetensors_fixtures.py with Python's
/// `safetensors.torch.save_file`, and their expected contents (Fixtures/safetensors.json).
enum SafeTensorsFixtures {
    /// Every fixture file, without the extension.
    static let files = ["all_dtypes", "numpy_dtypes", "special", "no_metadata", "empty_metadata", "no_tensors"]

    /// The URL of `Fixtures/safetensors/<name>.safetensors`.
    static func url(_ name: String) -> URL {
        URL(fileURLWithPath: Bundle.module.resourcePath! + "/Fixtures/safetensors/\(name).safetensors")
    }

    /// The bytes of a fixture file.
    static func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: url(name))) }

    /// The tensor names in file order, as Python read them back.
    static func names(_ name: String) throws -> [String] {
        try #require((try Fixture("safetensors")[name] as? [String: Any])?["names"] as? [String])
    }

    /// The metadata Python wrote (`nil` for none).
    static func metadata(_ name: String) throws -> [String: String]? {
        let entry = try #require(try Fixture("safetensors")[name] as? [String: Any])
        return entry["metadata"] as? [String: String]
    }

    /// The tensors Python saved into the file, built from the JSON values (in file order).
    static func tensors(_ name: String) throws -> NamedTensors {
        let fixture = try Fixture("safetensors")
        var result = NamedTensors()
        for tensor in try names(name) { result[tensor] = try fixture.tensor(name + "/" + tensor) }
        return result
    }

    /// A scratch folder removed when the test ends (via `defer`).
    static func scratch() throws -> ScratchFolder { try ScratchFolder() }
}

/// Records an issue unless `body` throws a ``SafeTensorsError`` with `code` whose
/// description is `message`.
func expectSafeTensorsError(
    _ code: SafeTensorsError.Code, _ message: String,
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
    do {
        try body()
        Issue.record("expected \(code): \(message)", sourceLocation: sourceLocation)
    } catch let error as SafeTensorsError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        #expect(error.description == message, sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
}
