import EmberCore
import Foundation
import Testing
@testable import EmberCLIKit

@Suite struct ConvertTests {
    func convert(_ arguments: [String]) throws -> String {
        try parse(["convert"] + arguments, as: Convert.self).execute()
    }

    func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    /// Python's file → .npz → .safetensors gives Python's bytes back: names, dtypes, values
    /// and layout survive both directions.
    @Test func safetensorsToNpzAndBackIsByteIdentical() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let original = fixture("numpy_dtypes.safetensors")
        let npz = scratch.file("weights.npz"), back = scratch.file("back.safetensors")
        #expect(try convert([original, npz]) == """
            \(npz): 9 tensors from \(original)
            note: the metadata of \(original) is not kept: .npz files have none
            """)
        let archive = try NumPy.loadArchive(npz)
        #expect(archive.names == ["int64", "float64", "float32", "int32", "float16", "int16", "int8", "uint8", "bool"])
        #expect(archive["int64"]!.scalars(as: Int64.self) == [.min, -9, 0, (1 << 53) + 1, 1 << 40, .max])
        #expect(archive["uint8"]!.scalars(as: UInt8.self) == [0, 1, 255, 7, 128, 42])
        #expect(archive["bool"]!.dtype == .bool && archive["float16"]!.dtype == .float16)
        #expect(try convert([npz, back, "--metadata", "format=pt"]) == "\(back): 9 tensors from \(npz)")
        #expect(try bytes(back) == bytes(original))
    }

    @Test func npzToSafetensorsKeepsNamesAndDTypes() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let out = scratch.file("stored.safetensors")
        #expect(try convert([fixture("stored.npz"), out]) == "\(out): 3 tensors from \(fixture("stored.npz"))")
        let file = try SafeTensors.load(out)
        #expect(file.names == ["bias", "weight", "step"])  // float32 by name, then int32
        #expect(file.metadata == nil)
        let npz = try NumPy.loadArchive(fixture("stored.npz"))
        for (name, t) in npz {
            let converted = try #require(file[name])
            #expect(converted.dtype == t.dtype && converted.shape == t.shape, "\(name)")
            #expect(converted.doubleScalars.map(\.bitPattern) == t.doubleScalars.map(\.bitPattern), "\(name)")
        }
    }

    @Test func npyBecomesATensorNamedAfterTheFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let out = scratch.file("v.safetensors")
        _ = try convert([fixture("vector_f32.npy"), out, "--metadata", "format=np", "--metadata", "k=a=b"])
        let file = try SafeTensors.load(out)
        #expect(file.names == ["vector_f32"] && file.metadata == ["format": "np", "k": "a=b"])
        #expect(file["vector_f32"]!.scalars(as: Float.self) == [1, 2, 3, 4, 5])

        // One tensor converts back to .npy; a new name is pointed out.
        let npy = scratch.file("w.npy")
        #expect(try convert([fixture("no_metadata.safetensors"), npy]) == """
            \(npy): 1 tensor from \(fixture("no_metadata.safetensors"))
            note: the tensor 'weight' is now named after the file
            """)
        #expect(try NumPy.load(npy).scalars(as: Float.self) == [0.5, -1, 2, 4])
        let same = scratch.file("vector_f32.npy")
        #expect(try convert([out, same]) == "\(same): 1 tensor from \(out)\nnote: the metadata of \(out) is not kept: .npy files have none")
    }

    @Test func unsupportedCombinationsAreClearErrors() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let npz = scratch.file("o.npz")
        let cases: [([String], String)] = [
            ([fixture("stored.npz"), npz], "Error: \(fixture("stored.npz")) and \(npz) are both .npz files; ember converts between .npy, .npz and .safetensors"),
            ([fixture("stored.npz"), scratch.file("o.pt")], "Error: \(scratch.file("o.pt")): unknown tensor file format (ember reads .npy, .npz and .safetensors)"),
            ([fixture("all_dtypes.safetensors"), npz],
             "Error: \(fixture("all_dtypes.safetensors")): tensor 'bfloat16' is bfloat16, which .npz files cannot hold (NumPy has no bfloat16); convert to .safetensors, or cast it to float32 first"),
            ([fixture("stored.npz"), scratch.file("o.npy")],
             "Error: \(fixture("stored.npz")) holds 3 tensors (weight, bias, step), but a .npy file holds one; write a .npz or .safetensors file instead"),
            ([fixture("stored.npz"), scratch.file("o.safetensors"), "--metadata", "=x"], "Error: --metadata expects KEY=VALUE, got '=x'"),
            ([fixture("no_metadata.safetensors"), npz, "--metadata", "a=b"], "Error: --metadata applies to a .safetensors output, not .npz"),
        ]
        for (arguments, message) in cases {
            #expect { try convert(arguments) } throws: { errorText($0) == message }
        }
        #expect(scratch.contents.isEmpty, "nothing is written when a conversion fails")
    }
}
