import Foundation
import Testing
import EmberCore
import EmberAutograd
@testable import EmberNN

/// Models in checkpoints: `addModel`, `restoreModel`, `stateDict(section:)`.
@Suite struct CheckpointModuleTests {
    @Test func modelSurvivesACheckpointFile() throws {
        let path = NSTemporaryDirectory() + "ember-ckpt-\(UUID().uuidString).safetensors"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let model = Sequential(Linear(3, 4, dtype: .float64), ReLU(), Linear(4, 2))
        var checkpoint = Checkpoint(epoch: 1)
        checkpoint.addModel(model)
        checkpoint.addModel(Stored(), as: "extra")
        try checkpoint.save(to: path)

        let file = try SafeTensors.load(path)
        #expect(file.names.contains("model.0.weight") && file.names.contains("extra.count"))
        let loaded = try Checkpoint(contentsOf: path)
        let fresh = Sequential(Linear(3, 4, dtype: .float64), ReLU(), Linear(4, 2))
        let keys = try loaded.restoreModel(fresh)
        #expect(keys == IncompatibleKeys(missingKeys: [], unexpectedKeys: []))
        for (name, t) in model.stateDict() {
            #expect(fresh.stateDict()[name]!.dtype == t.dtype)
            #expect(fresh.stateDict()[name]!.doubleScalars == t.doubleScalars, "\(name)")
        }
        #expect(try loaded.stateDict(section: "extra")["count"]?.dtype == .int64)
    }

    @Test func restoreErrorsAreTyped() throws {
        var checkpoint = Checkpoint()
        checkpoint.addModel(Linear(2, 2))
        let missing = #expect(throws: CheckpointError.self) { try checkpoint.restoreModel(Linear(2, 2), from: "ema") }
        #expect(missing?.code == .missingSection)
        #expect(errorText { try checkpoint.restoreModel(Linear(2, 3)) } == """
            Error(s) in loading state_dict for Linear:
            \tsize mismatch for weight: copying a param with shape torch.Size([2, 2]) from checkpoint, the shape in current model is torch.Size([3, 2]).
            \tsize mismatch for bias: copying a param with shape torch.Size([2]) from checkpoint, the shape in current model is torch.Size([3]).
            """)
        let noBias = Linear(2, 2, bias: false)
        #expect(errorText { try checkpoint.restoreModel(noBias) }?.contains("Unexpected key(s) in state_dict: \"bias\"") == true)
        #expect(try checkpoint.restoreModel(noBias, strict: false).unexpectedKeys == ["bias"])
        #expect(try noBias.weight.doubleScalars == checkpoint.stateDict()["weight"]!.doubleScalars)
    }
}
