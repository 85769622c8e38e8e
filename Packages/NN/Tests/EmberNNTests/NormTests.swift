import Testing
import EmberCore
import EmberAutograd
import EmberTestSupport
@testable import EmberNN

@Suite struct NormTests {
    let fixture = try! Fixture("conv")

    @Test func batchNorm2dTrainingStepsRunningStatisticsAndEval() throws {
        let bn = BatchNorm2d(3, dtype: .float64)
        bn.weight = try fixture.tensor("bn_weight")
        bn.bias = try fixture.tensor("bn_bias")
        for step in 0..<3 {
            let y = bn(try fixture.tensor("bn_x\(step)"))
            expectClose(y, try fixture.tensor("bn_y\(step)"), rtol: 1e-10, atol: 1e-12, "step \(step)")
        }
        expectClose(bn.runningMean, try fixture.tensor("bn_running_mean"), rtol: 1e-12, "running_mean")
        expectClose(bn.runningVar, try fixture.tensor("bn_running_var"), rtol: 1e-12, "running_var")
        #expect(bn.numBatchesTracked?.dtype == .int64)
        #expect(bn.numBatchesTracked?.item(as: Int64.self) == Int64(fixture["bn_batches"] as? Int ?? -1))
        bn.eval()
        expectClose(bn(try fixture.tensor("bn_eval_x")), try fixture.tensor("bn_eval_y"), rtol: 1e-10, atol: 1e-12, "eval")
    }

    @Test func cumulativeMovingAverageWithoutMomentum() throws {
        let bn = BatchNorm1d(4, momentum: nil, dtype: .float64)
        for step in 0..<3 { _ = bn(try fixture.tensor("bncum_x\(step)")) }
        expectClose(bn.runningMean, try fixture.tensor("bncum_running_mean"), rtol: 1e-12)
        expectClose(bn.runningVar, try fixture.tensor("bncum_running_var"), rtol: 1e-12)
    }

    @Test func withoutRunningStatisticsEvalUsesTheBatch() throws {
        let bn = BatchNorm1d(3, affine: false, trackRunningStats: false, dtype: .float64)
        bn.eval()
        expectClose(bn(try fixture.tensor("bnplain_x")), try fixture.tensor("bnplain_y"), rtol: 1e-10, atol: 1e-12)
        #expect(bn.stateDict().isEmpty)
        #expect(Array(BatchNorm2d(3).stateDict().keys).sorted() == (fixture["keys_bn"] as? [String] ?? []).sorted())
    }

    @Test(arguments: [DType.float64, .float32]) func functionalBatchNormGradients(_ dtype: DType) throws {
        try replayRecorded(fixture, "bntrain", inputs: 3, dtype: dtype) {
            [Functional.batchNorm($0[0], runningMean: nil, runningVar: nil, weight: $0[1], bias: $0[2], training: true)]
        }
        let rm = try fixture.tensor("bneval_rm").to(dtype), rv = try fixture.tensor("bneval_rv").to(dtype)
        try replayRecorded(fixture, "bneval", inputs: 3, dtype: dtype) {
            [Functional.batchNorm($0[0], runningMean: rm, runningVar: rv, weight: $0[1], bias: $0[2], training: false, eps: 1e-3)]
        }
    }

    @Test(arguments: [DType.float64, .float32]) func groupNorm(_ dtype: DType) throws {
        try replayRecorded(fixture, "groupnorm", inputs: 3, dtype: dtype) {
            [Functional.groupNorm($0[0], numGroups: 2, weight: $0[1], bias: $0[2])]
        }
        try replayRecorded(fixture, "groupnorm_plain", inputs: 1, dtype: dtype) { [GroupNorm(3, 6, eps: 1e-3, affine: false)($0[0])] }
    }

    @Test func printsLikePyTorch() {
        let cases: [(String, Module)] = [
            ("norm_a", BatchNorm2d(6)),
            ("norm_b", BatchNorm1d(4, eps: 1e-3, momentum: nil, affine: false, trackRunningStats: false)),
            ("norm_c", GroupNorm(2, 4)),
            ("norm_d", GroupNorm(3, 6, eps: 1e-3, affine: false)),
        ]
        for (key, module) in cases {
            #expect(module.description == fixture.string("repr_\(key)"), "\(key)")
        }
    }

    @Test func errorsUsePyTorchsWording() {
        let message = callMessage
        let one = IValue.tensor(Tensor.zeros([1, 3], dtype: .float32))
        #expect(message("batch_norm", [one, .none, .none, .none, .none, .bool(true), .double(0.1), .double(1e-5)])
                == "Expected more than 1 value per channel when training, got input size [1, 3]")
        let four = IValue.tensor(Tensor.zeros([4], dtype: .float32)), x = IValue.tensor(Tensor.zeros([4, 3], dtype: .float32))
        #expect(message("batch_norm", [x, .none, .none, four, four, .bool(true), .double(0.1), .double(1e-5)])
                == "running_mean should contain 3 elements not 4")
        #expect(message("group_norm", [.tensor(Tensor.zeros([2, 5, 3], dtype: .float32)), .int(2)])
                == "Expected number of channels in input to be divisible by num_groups, but got input of shape [2, 5, 3] and num_groups=2")
        #expect(BatchNorm2d(3).checkInputDim(3) == "expected 4D input (got 3D input)")
        #expect(BatchNorm1d(3).checkInputDim(4) == "expected 2D or 3D input (got 4D input)")
    }
}
