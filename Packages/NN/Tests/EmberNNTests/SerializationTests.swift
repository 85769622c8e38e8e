import Foundation
import Testing
import EmberCore
import EmberAutograd
import EmberTestSupport
@testable import EmberNN

/// State dicts as safetensors files: files written by PyTorch, round trips, dtypes, errors.
@Suite struct SerializationTests {
    /// `Fixtures/checkpoint/<name>.safetensors`, written by Scripts/make_checkpoint_fixtures.py
    /// with `safetensors.torch.save_file(model.state_dict(), path)`.
    static func url(_ name: String) -> URL {
        URL(fileURLWithPath: Bundle.module.resourcePath! + "/Fixtures/checkpoint/\(name).safetensors")
    }

    static func mlp(_ dtype: DType) -> Sequential {
        Sequential(Linear(4, 8, dtype: dtype), ReLU(), Linear(8, 3, dtype: dtype))
    }

    @Test(arguments: [("mlp_f32", DType.float32), ("mlp_f64", DType.float64)])
    func pyTorchStateDictGivesPyTorchsOutputs(_ name: String, _ dtype: DType) throws {
        let fixture = try Fixture("checkpoint")
        let model = Self.mlp(dtype)
        let keys = try model.load(from: Self.url(name))
        #expect(keys == IncompatibleKeys(missingKeys: [], unexpectedKeys: []))
        let tol = dtype == .float64 ? 1e-12 : 1e-6
        let output = noGrad { model(try! fixture.tensor(name + "/x")) }
        #expect(output.dtype == dtype)
        expectClose(output, try fixture.tensor(name + "/output"), rtol: tol, atol: tol, name)
        let dict = try StateDict(contentsOf: Self.url(name).path)
        #expect(Set(dict.keys) == Set(fixture.entries[name + "/keys"] as! [String]))
        #expect(dict.keys == model.stateDict().keys.sorted(), "safetensors lays same-dtype tensors out by name")
        #expect(dict.allSatisfy { $0.tensor.dtype == dtype })
    }

    @Test func layerNormModelFromPyTorch() throws {
        let fixture = try Fixture("checkpoint")
        let model = Sequential(Linear(4, 6), LayerNorm([6]), Tanh(), Linear(6, 2))
        try model.load(from: Self.url("normed").path)
        let output = noGrad { model(try! fixture.tensor("normed/x")) }
        expectClose(output, try fixture.tensor("normed/output"), rtol: 1e-6, atol: 1e-6)
    }

    @Test func aFloat32FileLoadsIntoAFloat64ModelConverted() throws {
        let model = Self.mlp(.float64)
        try model.load(from: Self.url("mlp_f32"))
        let source = try StateDict(contentsOf: Self.url("mlp_f32"))
        #expect(model.stateDict()["0.weight"]!.dtype == .float64)
        #expect(model.stateDict()["0.weight"]!.doubleScalars == source["0.weight"]!.doubleScalars)
    }

    @Test func saveAndLoadRoundTripKeepingEveryDType() throws {
        let folder = NSTemporaryDirectory() + "ember-nn-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let model = Stored()
        _ = noGrad { model.half.fill_(0.5) }
        model.count = Tensor([Int64(7), -3])
        let path = folder + "/stored.safetensors"
        try model.save(to: path, metadata: ["format": "pt", "arch": "Stored"])

        let file = try SafeTensors.load(path)
        #expect(file.metadata == ["format": "pt", "arch": "Stored"])
        #expect(Set(file.names) == ["weight", "half", "count", "flag"], "the non-persistent buffer is not saved")
        let dtypes = Dictionary(uniqueKeysWithValues: file.tensors.map { ($0.name, $0.tensor.dtype) })
        #expect(dtypes == ["weight": .float64, "half": .float16, "count": .int64, "flag": .bool])

        let fresh = Stored()
        try fresh.load(from: URL(fileURLWithPath: path))
        for (name, t) in model.stateDict() {
            #expect(fresh.stateDict()[name]!.dtype == t.dtype)
            #expect(fresh.stateDict()[name]!.doubleScalars == t.doubleScalars, "\(name)")
        }
        #expect(fresh.scratch.doubleScalars == [0], "non-persistent buffers keep their value")

        try StateDict(contentsOf: path).save(to: URL(fileURLWithPath: folder + "/copy.safetensors"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/copy.safetensors"))
                == (try SafeTensors.encode(SafeTensors.load(path).tensors)))
    }

    @Test func strictAndNonStrictLoadingFromAFile() throws {
        let folder = NSTemporaryDirectory() + "ember-nn-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/sd.safetensors"
        try StateDict(["weight": Tensor.zeros([2, 3]), "extra": Tensor.zeros([1])]).save(to: path)

        let model = Linear(3, 3)
        let before = model.weight.doubleScalars
        #expect(errorText { try model.load(from: path) } == """
            Error(s) in loading state_dict for Linear:
            \tMissing key(s) in state_dict: "bias". 
            \tUnexpected key(s) in state_dict: "extra". 
            \tsize mismatch for weight: copying a param with shape torch.Size([2, 3]) from checkpoint, the shape in current model is torch.Size([3, 3]).
            """)
        #expect(errorText { try model.load(from: path, strict: false) } == """
            Error(s) in loading state_dict for Linear:
            \tsize mismatch for weight: copying a param with shape torch.Size([2, 3]) from checkpoint, the shape in current model is torch.Size([3, 3]).
            """)
        #expect(model.weight.doubleScalars == before, "nothing is copied when loading fails")

        let small = Linear(3, 2)
        let keys = try small.load(from: path, strict: false)
        #expect(keys == IncompatibleKeys(missingKeys: ["bias"], unexpectedKeys: ["extra"]))
        #expect(small.weight.doubleScalars == [Double](repeating: 0, count: 6))
    }

    @Test func damagedFilesThrowSafeTensorsErrors() throws {
        let folder = NSTemporaryDirectory() + "ember-nn-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bytes = try Data(contentsOf: Self.url("mlp_f32"))
        let path = folder + "/cut.safetensors"
        try bytes.prefix(bytes.count - 1).write(to: URL(fileURLWithPath: path))
        let model = Self.mlp(.float32)
        let cut = #expect(throws: SafeTensorsError.self) { try model.load(from: path) }
        #expect(cut?.code == .truncated)
        let missing = #expect(throws: SafeTensorsError.self) { _ = try StateDict(contentsOf: folder + "/missing.safetensors") }
        #expect(missing?.code == .io)
    }
}

/// A module with state of four dtypes and a non-persistent buffer.
final class Stored: Module {
    @Parameter var weight: Tensor = Tensor([[1.0, -2], [0.5, 4]], dtype: .float64)
    @Parameter var half: Tensor = Tensor([1.0, 2, 3], dtype: .float16)
    @Buffer var count: Tensor = Tensor([Int64(0), 0])
    @Buffer var flag: Tensor = Tensor([true, false])
    @Buffer(persistent: false) var scratch: Tensor = Tensor.zeros([1])
}
