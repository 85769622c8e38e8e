import Foundation
import Testing
@testable import EmberCore
import EmberTestSupport

/// Checkpoints: the safetensors layout, round trips, format errors, and atomic saving.
@Suite struct CheckpointTests {
    /// A model section (two dtypes), an optimizer section, an empty section, epoch and a note.
    static func sample() -> Checkpoint {
        var c = Checkpoint(epoch: 7, metadata: ["note": "after warm-up", "run": "a.b"])
        c[section: "model"] = .init(tensors: ["0.weight": Tensor([[1.5, -2], [0.25, 3]], dtype: .float32),
                                              "0.bias": Tensor([0.1, -0.2], dtype: .float64),
                                              "steps": Tensor([3, 4], dtype: .int64)])
        c[section: "optimizer"] = .init(tensors: ["state.0.step": Tensor(scalar: Float(3))],
                                        metadata: ["param_groups.0.lr": "0.001", "class": "Adam"])
        c[section: "scheduler"] = .init(metadata: ["last_epoch": "7"])
        return c
    }

    @Test func fileLayoutIsPrefixedNamesAndMetadata() throws {
        let file = try SafeTensors.load(try Self.sample().encode())
        #expect(Set(file.names) == ["model.0.weight", "model.0.bias", "model.steps", "optimizer.state.0.step"])
        #expect(file.metadata == [
            "format": "pt", "ember.checkpoint": "1", "ember.sections": "model,optimizer,scheduler", "epoch": "7",
            "optimizer.param_groups.0.lr": "0.001", "optimizer.class": "Adam", "scheduler.last_epoch": "7",
            "note": "after warm-up", "run": "a.b",
        ])
        #expect(file["model.0.bias"]?.dtype == .float64)
    }

    @Test func roundTripsThroughAFileKeepingDTypesAndOrder() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let original = Self.sample()
        try original.save(to: URL(fileURLWithPath: folder.file("c.safetensors")))
        for loaded in [try Checkpoint(contentsOf: folder.file("c.safetensors")),
                       try Checkpoint(contentsOf: URL(fileURLWithPath: folder.file("c.safetensors")))] {
            #expect(loaded.sectionNames == ["model", "optimizer", "scheduler"])
            #expect(loaded.epoch == 7)
            #expect(loaded.metadata == ["note": "after warm-up", "run": "a.b"])
            for name in original.sectionNames {
                let a = try #require(original[section: name]), b = try loaded.section(name)
                #expect(b.metadata == a.metadata, "\(name)")
                #expect(Set(b.tensors.names) == Set(a.tensors.names), "\(name)")
                for (key, t) in a.tensors { expectIdentical(try #require(b.tensors[key]), t, "\(name).\(key)") }
            }
        }
        #expect(folder.contents == ["c.safetensors"])
    }

    @Test func sectionsCanBeReplacedAndRemoved() {
        var c = Self.sample()
        c[section: "model"] = .init(metadata: ["x": "1"])
        c[section: "optimizer"] = nil
        #expect(c.sectionNames == ["model", "scheduler"])
        #expect(c[section: "model"]?.tensors.isEmpty == true)
        #expect(Checkpoint.isValidSectionName("ema") && !Checkpoint.isValidSectionName("a.b")
                && !Checkpoint.isValidSectionName("a,b") && !Checkpoint.isValidSectionName(""))
    }

    @Test func missingSectionNamesThePresentOnes() {
        expectCheckpointError(.missingSection, "<memory>: no section 'ema' in the checkpoint (sections: model, optimizer, scheduler)") {
            _ = try Self.sample().section("ema")
        }
        expectCheckpointError(.missingSection, "<memory>: no section 'model' in the checkpoint (sections: none)") {
            _ = try Checkpoint().section("model")
        }
    }

    @Test func filesThatAreNotCheckpointsThrowTypedErrors() throws {
        func decode(_ metadata: [String: String]?, _ tensors: NamedTensors = [:]) throws -> Checkpoint {
            try Checkpoint(try SafeTensors.load(try SafeTensors.encode(tensors, metadata: metadata)), name: "f")
        }
        expectCheckpointError(.notACheckpoint,
            "f: no 'ember.checkpoint' metadata: not an Ember checkpoint (read a plain state dict with StateDict(contentsOf:) or SafeTensors.load)") {
            _ = try decode(["format": "pt"], ["weight": Tensor([1.0])])
        }
        let base = ["ember.checkpoint": "1", "ember.sections": "model"]
        expectCheckpointError(.unsupportedVersion, "f: checkpoint format version '2' is not supported (expected '1')") {
            _ = try decode(base.merging(["ember.checkpoint": "2"]) { $1 })
        }
        expectCheckpointError(.invalidMetadata, "f: 'epoch' is not an integer: \"3.5\"") {
            _ = try decode(base.merging(["epoch": "3.5"]) { $1 })
        }
        expectCheckpointError(.invalidMetadata, "f: 'ember.sections' is not a list of distinct section names: \"model,,x\"") {
            _ = try decode(base.merging(["ember.sections": "model,,x"]) { $1 })
        }
        expectCheckpointError(.invalidMetadata, "f: no 'ember.sections' metadata") {
            _ = try decode(["ember.checkpoint": "1"])
        }
        expectCheckpointError(.invalidLayout, "f: tensor 'stray' is in no section (sections: model)") {
            _ = try decode(base, ["model.w": Tensor([1.0]), "stray": Tensor([2.0])])
        }
        let empty = try decode(["ember.checkpoint": "1", "ember.sections": ""])
        #expect(empty.sectionNames.isEmpty && empty.epoch == nil && empty.metadata.isEmpty)
    }

    @Test func truncatedOrCorruptFilesThrowSafeTensorsErrors() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let bytes = try Self.sample().encode()
        let path = folder.file("cut.safetensors")
        try bytes.prefix(bytes.count - 5).write(to: URL(fileURLWithPath: path))
        let cut = #expect(throws: SafeTensorsError.self) { _ = try Checkpoint(contentsOf: path) }
        #expect(cut?.code == .truncated)
        var corrupt = bytes
        corrupt[9] = UInt8(ascii: "!")  // inside the JSON header
        try corrupt.write(to: URL(fileURLWithPath: path))
        let bad = #expect(throws: SafeTensorsError.self) { _ = try Checkpoint(contentsOf: path) }
        #expect(bad?.code == .invalidHeader)
    }

    @Test func reservedUserMetadataKeysAreRefused() {
        for (key, problem) in [("epoch", "is reserved by the checkpoint format"), ("format", "is reserved by the checkpoint format"),
                               ("ember.x", "is reserved by the checkpoint format"),
                               ("optimizer.lr", "would be read as metadata of section 'optimizer'")] {
            var c = Self.sample()
            c.metadata[key] = "1"
            expectCheckpointError(.invalidMetadata, "<memory>: metadata key '\(key)' \(problem)") { _ = try c.encode() }
        }
    }
}
