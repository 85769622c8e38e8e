import EmberAutograd
import EmberCore
@testable import EmberOptim
import Testing

/// The fused loops run vector lanes and then single elements: both must give the same bits.
@Suite struct FusedLaneTests {
    static let configurations: [(String, [String: OptimValue])] = [
        ("SGD", ["lr": 0.1, "momentum": 0.9, "nesterov": true, "weight_decay": 0.1]),
        ("SGD", ["lr": 0.1, "maximize": true]),
        ("Adam", ["lr": 0.01, "amsgrad": true, "weight_decay": 0.1]), ("Adam", ["betas": .pair(0.3, 0.9)]),
        ("AdamW", ["lr": 0.01, "amsgrad": true]), ("RMSprop", ["centered": true, "momentum": 0.5, "alpha": 0.3]),
        ("RMSprop", ["weight_decay": 0.1]), ("Adagrad", ["lr_decay": 0.1, "weight_decay": 0.1]),
        ("Adadelta", ["weight_decay": 0.1, "maximize": true]), ("Adamax", ["weight_decay": 0.1]),
        ("NAdam", ["weight_decay": 0.1, "decoupled_weight_decay": true]), ("NAdam", ["weight_decay": 0.1]),
        ("RAdam", ["weight_decay": 0.1]), ("RAdam", ["decoupled_weight_decay": true, "weight_decay": 0.1]),
    ]

    /// A parameter of 37 elements whose first 5 values repeat at the end (the scalar tail).
    static func parameter(_ dtype: DType) -> Tensor {
        var v = (0..<37).map { Double($0 % 9) * 0.37 - 1.1 }
        for k in 0..<5 { v[32 + k] = v[k] }
        let p = Tensor(v, shape: [37]).to(dtype)
        p.requiresGrad = true
        return p
    }

    static func gradient(_ dtype: DType, step: Int) -> Tensor {
        var v = (0..<37).map { Double(($0 * 5 + step) % 11) * 0.21 - 0.9 }
        for k in 0..<5 { v[32 + k] = v[k] }
        return Tensor(v, shape: [37]).to(dtype)
    }

    @Test(arguments: [DType.float32, .float64])
    func vectorLanesAndTheTailAgreeBitwise(_ dtype: DType) throws {
        for (name, options) in Self.configurations {
            let p = Self.parameter(dtype)
            let opt = try makeOptimizer(name, [ParamGroup(params: [p], options: options)])
            for step in 0..<6 {
                p.grad = Self.gradient(dtype, step: step)
                try opt.step()
            }
            let v = doubles(p)
            #expect(Array(v[0..<5]) == Array(v[32..<37]), "\(name) \(options) \(dtype)")
            #expect(v != doubles(Self.parameter(dtype)))
        }
    }
}

/// Half-precision parameters take the tensor-operation path.
@Suite struct HalfPrecisionTests {
    @Test(arguments: [DType.float16, .bfloat16])
    func halfParametersFollowTheFloat32Trajectory(_ dtype: DType) throws {
        for name in ["SGD", "Adam", "RMSprop", "NAdam"] {
            let half = FusedLaneTests.parameter(dtype), single = FusedLaneTests.parameter(.float32)
            let a = try makeOptimizer(name, [ParamGroup(params: [half], options: ["lr": 0.01])])
            let b = try makeOptimizer(name, [ParamGroup(params: [single], options: ["lr": 0.01])])
            for step in 0..<3 {
                half.grad = FusedLaneTests.gradient(dtype, step: step)
                single.grad = FusedLaneTests.gradient(.float32, step: step)
                try a.step()
                try b.step()
            }
            #expect(half.dtype == dtype)
            #expect(close(doubles(half), doubles(single), tol: dtype == .float16 ? 4e-3 : 2e-2), "\(name) \(dtype)")
            #expect(doubles(half) != doubles(FusedLaneTests.parameter(dtype)))
        }
    }
}
