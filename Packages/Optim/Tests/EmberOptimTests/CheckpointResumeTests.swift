import EmberAutograd
import EmberCore
import EmberNN
@testable import EmberOptim
import EmberTestSupport
import Foundation
import Testing

/// Checkpoints of a model and its optimizer: resuming gives the uninterrupted run's steps,
/// a checkpoint written by PyTorch resumes as PyTorch does, and Python reads Ember's.
@Suite struct CheckpointResumeTests {
    /// Written by Packages/NN/Scripts/make_checkpoint_fixtures.py.
    static var fixture: Fixture { try! Fixture("checkpoint", bundle: .module) }
    static let x = try! fixture.tensor("x")
    static let y = try! fixture.tensor("y")

    static func mlp(_ dtype: DType = .float64) -> Sequential {
        Sequential(Linear(4, 8, dtype: dtype), ReLU(), Linear(8, 3, dtype: dtype))
    }

    /// The fixture's Adam; resuming replaces every hyperparameter, so `lr` may differ.
    static func adam(_ model: Module, lr: Double = 0.01) throws -> Adam {
        try Adam(model.parameters(), lr: lr, betas: (0.8, 0.95), eps: 1e-6, weightDecay: 0.01, amsgrad: true)
    }

    /// One step on the mean squared error of `model(x)` against `y`.
    static func step(_ model: Module, _ optimizer: Optimizer) throws {
        optimizer.zeroGrad()
        let dtype = model.parameters()[0].dtype
        try Functional.mseLoss(model(x.to(dtype)), y.to(dtype)).backward()
        try optimizer.step()
    }

    static func temporaryPath() -> String {
        NSTemporaryDirectory() + "ember-ckpt-\(UUID().uuidString).safetensors"
    }

    @Test(arguments: [DType.float64, .float32])
    func resumingGivesTheUninterruptedRunsSteps(_ dtype: DType) throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let model = Self.mlp(dtype), optimizer = try Self.adam(model)
        for _ in 0..<3 { try Self.step(model, optimizer) }
        var checkpoint = Checkpoint(epoch: 3, metadata: ["note": "three steps"])
        checkpoint.addModel(model)
        checkpoint.addOptimizer(optimizer)
        try checkpoint.save(to: path)
        var uninterrupted: [[Double]] = []
        for _ in 0..<2 {
            try Self.step(model, optimizer)
            uninterrupted.append(model.parameters().flatMap(\.doubleScalars))
        }

        let fresh = Self.mlp(dtype), resumedOptimizer = try Adam(fresh.parameters(), lr: 0.5)
        let loaded = try Checkpoint(contentsOf: path)
        #expect(loaded.epoch == 3 && loaded.metadata == ["note": "three steps"])
        try loaded.restoreModel(fresh)
        try loaded.restoreOptimizer(resumedOptimizer)
        #expect(resumedOptimizer.paramGroups[0].options == optimizer.paramGroups[0].options)
        let state = try #require(loaded[section: "optimizer"])
        #expect(state.tensors["state.0.exp_avg"]?.dtype == dtype && state.tensors["state.0.step"]?.dtype == .float32)
        #expect(state.metadata["class"] == "Adam" && state.metadata["param_groups.0.params"] == "[0, 1, 2, 3]")
        for expected in uninterrupted {
            try Self.step(fresh, resumedOptimizer)
            let got = fresh.parameters().flatMap(\.doubleScalars)
            #expect(maxDiff(got, expected) <= 1e-12, "\(dtype): \(maxDiff(got, expected))")
        }
    }

    @Test func aCheckpointWrittenByPyTorchResumesAsPyTorchDoes() throws {
        let url = Bundle.module.url(forResource: "torch_checkpoint", withExtension: "safetensors", subdirectory: "Fixtures/checkpoint")!
        let model = Self.mlp(), optimizer = try Adam(model.parameters(), lr: 0.5)
        let checkpoint = try Checkpoint(contentsOf: url)
        #expect(checkpoint.epoch == 2 && checkpoint.metadata == ["note": "written by PyTorch"])
        #expect(checkpoint.sectionNames == ["model", "optimizer"])
        try checkpoint.restoreModel(model)
        try checkpoint.restoreOptimizer(optimizer)
        #expect(optimizer.paramGroups[0].options["betas"] == .pair(0.8, 0.95))
        #expect(optimizer.paramGroups[0].options["amsgrad"] == .bool(true))
        for step in [3, 4] {
            try Self.step(model, optimizer)
            for (name, p) in model.namedParameters() {
                let expected = try Self.fixture.tensor("step\(step)/\(name)")
                #expect(maxDiff(p.doubleScalars, expected.doubleScalars) <= 1e-12, "step \(step) \(name)")
            }
        }
    }

    @Test func aSchedulerResumesItsSchedule() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let model = Self.mlp(), optimizer = try Self.adam(model)
        let scheduler = try StepLR(optimizer, stepSize: 2, gamma: 0.5)
        for _ in 0..<3 {
            try Self.step(model, optimizer)
            try scheduler.step()
        }
        var checkpoint = Checkpoint(epoch: 3)
        checkpoint.addModel(model)
        checkpoint.addOptimizer(optimizer)
        checkpoint.addScheduler(scheduler)
        try checkpoint.save(to: path)
        var rates: [Double] = []
        for _ in 0..<3 {
            try Self.step(model, optimizer)
            try scheduler.step()
            rates.append(optimizer.paramGroups[0].lr)
        }
        #expect(rates == [0.0025, 0.0025, 0.00125])

        let fresh = Self.mlp(), resumedOptimizer = try Self.adam(fresh)
        let resumedScheduler = try StepLR(resumedOptimizer, stepSize: 2, gamma: 0.5)
        let loaded = try Checkpoint(contentsOf: path)
        #expect(loaded[section: "scheduler"]?.metadata["last_epoch"] == "3")
        try loaded.restoreModel(fresh)
        try loaded.restoreOptimizer(resumedOptimizer)
        try loaded.restoreScheduler(resumedScheduler)
        var resumedRates: [Double] = []
        for _ in 0..<3 {
            try Self.step(fresh, resumedOptimizer)
            try resumedScheduler.step()
            resumedRates.append(resumedOptimizer.paramGroups[0].lr)
        }
        #expect(resumedRates == rates)
        #expect(fresh.parameters().flatMap(\.doubleScalars) == model.parameters().flatMap(\.doubleScalars))
    }

    @Test func restoreErrorsAreTyped() throws {
        let model = Self.mlp(), optimizer = try Self.adam(model)
        try Self.step(model, optimizer)
        var checkpoint = Checkpoint()
        checkpoint.addOptimizer(optimizer)
        let missing = #expect(throws: CheckpointError.self) { try checkpoint.restoreModel(Self.mlp()) }
        #expect(missing?.description == "<memory>: no section 'model' in the checkpoint (sections: optimizer)")

        let other = Sequential(Linear(4, 8, dtype: .float64), ReLU(), Linear(8, 2, dtype: .float64))
        let text = message { try checkpoint.restoreOptimizer(try Self.adam(other)) } ?? ""
        // Parameters 2 and 3 both differ; the first entry checked is reported.
        #expect(text.hasSuffix(" has shape [3, 8] but parameter 2 has shape [2, 8]")
                || text.hasSuffix(" has shape [3] but parameter 3 has shape [2]"), "\(text)")
        let fewer = try Adam(Array(Self.mlp().parameters().prefix(2)))
        #expect(message { try checkpoint.restoreOptimizer(fewer) }?.contains("(4 vs 2 parameters)") == true)
    }

    /// Writes what PyTorch must read back into $EMBER_CHECKPOINT_EXPORT_DIR, when set; then run
    /// `python Packages/NN/Scripts/make_checkpoint_fixtures.py --verify $EMBER_CHECKPOINT_EXPORT_DIR`.
    @Test func exportForPython() throws {
        guard let folder = ProcessInfo.processInfo.environment["EMBER_CHECKPOINT_EXPORT_DIR"] else { return }
        let model = Self.mlp(), optimizer = try Self.adam(model)
        for _ in 0..<2 { try Self.step(model, optimizer) }
        try model.save(to: folder + "/model.safetensors", metadata: ["format": "pt"])
        var checkpoint = Checkpoint(epoch: 2, metadata: ["note": "written by Ember"])
        checkpoint.addModel(model)
        checkpoint.addOptimizer(optimizer)
        try checkpoint.save(to: folder + "/checkpoint.safetensors")
        var expected: NamedTensors = ["x": Self.x, "y": Self.y, "epoch": Tensor(Int64(2))]
        expected["output"] = noGrad { model(Self.x) }
        try Self.step(model, optimizer)
        for (name, t) in model.stateDict() { expected["next." + name] = t.clone() }
        try SafeTensors.save(expected, to: folder + "/expected.safetensors")
    }
}
