import Foundation
import Testing
@testable import EmberCore
import EmberTestSupport

/// Reading what Python's `safetensors.torch.save_file` wrote, and writing the same bytes.
@Suite struct SafeTensorsTests {
    @Test(arguments: SafeTensorsFixtures.files)
    func readsWhatPythonWrote(_ name: String) throws {
        let file = try SafeTensors.load(contentsOf: SafeTensorsFixtures.url(name))
        #expect(file.names == (try SafeTensorsFixtures.names(name)), "\(name): file order")
        #expect(file.metadata == (try SafeTensorsFixtures.metadata(name)), "\(name)")
        for (tensor, expected) in try SafeTensorsFixtures.tensors(name) {
            let loaded = try #require(file[tensor], "\(name)/\(tensor)")
            expectIdentical(loaded, expected, "\(name)/\(tensor)")
            #expect(loaded.isContiguous)
        }
    }

    @Test func fileOrderFollowsTheDTypeLayout() throws {
        let file = try SafeTensors.load(contentsOf: SafeTensorsFixtures.url("all_dtypes"))
        #expect(file.names == ["int64", "float64", "float32", "int32", "bfloat16", "float16", "int16", "int8", "uint8", "bool"])
        #expect(file.metadata == ["format": "pt"])
        #expect(file["int64"]!.scalars(as: Int64.self) == [.min, -9, 0, (1 << 53) + 1, 1 << 40, .max])
        #expect(file["bool"]!.scalars(as: Bool.self) == [true, false, true, false, false, true])
        #expect(file["bfloat16"]!.to(.float32).scalars(as: Float.self)[0] == -1.5)
        let special = try SafeTensors.load(contentsOf: SafeTensorsFixtures.url("special"))
        #expect(special["scalar"]!.shape == [] && special["scalar"]!.scalars(as: Double.self) == [3.5])
        #expect(special["empty"]!.shape == [0, 3] && special["empty_i64"]!.shape == [2, 0])
        #expect(special["ünïcode.wéight"]!.scalars(as: Float.self) == [1, -2])
        #expect(special.metadata == ["note": "quote\" backslash\\ newline\n tab\t \u{1} é ✓ /"])
    }

    /// The same tensors, built from the JSON values, encode to Python's bytes exactly, whatever
    /// order they are given in.
    @Test(arguments: SafeTensorsFixtures.files)
    func writesTheBytesPythonWrites(_ name: String) throws {
        let expected = try SafeTensorsFixtures.bytes(name)
        let tensors = try SafeTensorsFixtures.tensors(name)
        let metadata = try SafeTensorsFixtures.metadata(name)
        #expect([UInt8](try SafeTensors.encode(tensors, metadata: metadata)) == expected, "\(name)")
        var reversed = NamedTensors()
        for (n, t) in tensors.reversed() { reversed[n] = t }
        #expect([UInt8](try SafeTensors.encode(reversed, metadata: metadata)) == expected, "\(name) reversed")
        let dictionary = Dictionary(uniqueKeysWithValues: tensors.map { ($0.name, $0.tensor) })
        #expect([UInt8](try SafeTensors.encode(dictionary, metadata: metadata)) == expected, "\(name) dictionary")
        // Decoding and re-encoding is the identity too.
        let file = try SafeTensors.load(Data(expected))
        #expect([UInt8](try SafeTensors.encode(file.tensors, metadata: file.metadata)) == expected, "\(name) re-encoded")
    }

    @Test func nonContiguousTensorsAreWrittenContiguously() throws {
        var tensors = try SafeTensorsFixtures.tensors("special")
        let transposed = try #require(tensors["transposed"])  // [3, 2] int16
        let view = transposed.t().contiguous().t()
        #expect(!view.isContiguous)
        tensors["transposed"] = view
        let sliced = Tensor([[9.0, 1, 9], [9, -2, 9]], dtype: .float32).transpose(0, 1)[1]  // [1, -2], stride 3
        #expect(!sliced.isContiguous)
        tensors["ünïcode.wéight"] = sliced
        let bytes = try SafeTensors.encode(tensors, metadata: try SafeTensorsFixtures.metadata("special"))
        #expect([UInt8](bytes) == (try SafeTensorsFixtures.bytes("special")))
    }

    @Test func savesAtomicallyAndRoundTripsEveryDType() throws {
        let folder = try SafeTensorsFixtures.scratch()
        defer { folder.remove() }
        let url = URL(fileURLWithPath: folder.file("model.safetensors"))
        var tensors = NamedTensors()
        for dtype in DType.allCases {
            tensors["\(dtype)"] = Tensor([[-3.0, 0, 1.5], [2, 100, -0.25]], dtype: dtype)
        }
        try SafeTensors.save(tensors, metadata: ["format": "pt", "epoch": "3"], to: url)
        let loaded = try SafeTensors.load(contentsOf: url)
        #expect(loaded.metadata == ["format": "pt", "epoch": "3"])
        for (name, t) in tensors { expectIdentical(try #require(loaded[name]), t, name) }
        #expect(folder.contents == ["model.safetensors"], "no temporary file is left behind")

        // A save that fails leaves the previous file as it was.
        let before = try Data(contentsOf: url)
        expectSafeTensorsError(.invalidTensor,
            "\(url.path): tensor '__metadata__': __metadata__ is reserved for the metadata") {
            try SafeTensors.save(["__metadata__": Tensor([1.0])], to: url)
        }
        #expect(try Data(contentsOf: url) == before)
        #expect(folder.contents == ["model.safetensors"])

        // A dictionary saves to a path, replacing the file.
        try SafeTensors.save(["b": Tensor([1, 2]), "a": Tensor([true])], to: url.path)
        #expect(try SafeTensors.load(url.path).names == ["b", "a"])  // int64 before bool
        #expect(folder.contents == ["model.safetensors"])
    }

    @Test func ioErrorsNameTheFile() throws {
        let folder = try SafeTensorsFixtures.scratch()
        defer { folder.remove() }
        let missing = folder.file("missing.safetensors")
        expectSafeTensorsError(.io, "\(missing): cannot open: No such file or directory") {
            _ = try SafeTensors.load(missing)
        }
        let nowhere = folder.file("no/such/folder/x.safetensors")
        expectSafeTensorsError(.io, "\(nowhere): cannot create a file in its folder: No such file or directory") {
            try SafeTensors.save(["a": Tensor([1.0])], to: URL(fileURLWithPath: nowhere))
        }
        expectSafeTensorsError(.io, "https://example.com/x.safetensors: not a file URL") {
            _ = try SafeTensors.load(contentsOf: URL(string: "https://example.com/x.safetensors")!)
        }
    }

    /// Writes what Python's safetensors must read back into $EMBER_SAFETENSORS_EXPORT_DIR, when
    /// set; then run `python Scripts/make_safetensors_fixtures.py --verify $EMBER_SAFETENSORS_EXPORT_DIR`.
    @Test func exportForPython() throws {
        guard let folder = ProcessInfo.processInfo.environment["EMBER_SAFETENSORS_EXPORT_DIR"] else { return }
        for name in SafeTensorsFixtures.files {
            try SafeTensors.save(try SafeTensorsFixtures.tensors(name), metadata: try SafeTensorsFixtures.metadata(name),
                                 to: URL(fileURLWithPath: folder + "/\(name).safetensors"))
        }
        var tensors = try SafeTensorsFixtures.tensors("all_dtypes")
        tensors["float64"] = tensors["float64"]!.t().contiguous().t()
        try SafeTensors.save(tensors, metadata: ["format": "pt", "b": "2", "a": "1"], to: folder + "/multi_metadata.safetensors")
    }

    @Test func dtypeNames() {
        #expect(DType.allCases.map(SafeTensors.dtypeName) == ["BOOL", "U8", "I8", "I16", "I32", "I64", "F16", "BF16", "F32", "F64"])
        for dtype in DType.allCases { #expect(SafeTensors.dtype(named: SafeTensors.dtypeName(dtype)) == dtype) }
        #expect(SafeTensors.dtype(named: "U16") == nil && SafeTensors.dtype(named: "f32") == nil)
    }
}
