import EmberAutograd
import EmberCore

// Normalisation operators (ATen names): native_batch_norm (kernel + derivative),
// batch_norm (its composite front, with PyTorch's batch-size check) and group_norm (a
// composite of differentiable operators).

enum NormOps {
    static let nativeSchema = "native_batch_norm(Tensor input, Tensor? weight, Tensor? bias, Tensor? running_mean, Tensor? running_var, bool training, float momentum, float eps) -> (Tensor, Tensor, Tensor)"
    static let batchNormSchema = "batch_norm(Tensor input, Tensor? weight, Tensor? bias, Tensor? running_mean, Tensor? running_var, bool training, float momentum, float eps, bool cudnn_enabled=True) -> Tensor"
    static let groupNormSchema = "group_norm(Tensor input, int num_groups, Tensor? weight=None, Tensor? bias=None, float eps=1e-05, bool cudnn_enabled=True) -> Tensor"

    static func register(_ d: Dispatcher) throws {
        let native = try d.define(nativeSchema, package: EmberNN.package,
                                  doc: "Batch normalisation over dimension 1; returns the output, the mean and 1/√(var + eps) used.")
        d.register(native, floating: BatchNormKernel(), package: EmberNN.package)
        Autograd.register("native_batch_norm", BatchNormDerivative.derivative, into: d)
        d.registerSamples(native) { NormSamples.native($0) }

        let batchNorm = try d.define(batchNormSchema, package: EmberNN.package,
                                     doc: "Batch normalisation (F.batch_norm); updates the running statistics in training mode.")
        d.registerComposite(batchNorm, package: EmberNN.package) { args in
            let input = try args.tensor(0)
            if try args.bool(5), input.rank >= 2, input.count / Swift.max(input.shape[1], 1) <= 1 {
                throw EmberError(.invalidArgument, op: args.op,
                    "Expected more than 1 value per channel when training, got input size \(input.shape)")
            }
            return [try d.call(nativeOp, Array(args.values.prefix(8)))[0]]
        }
        d.registerSamples(batchNorm) { NormSamples.native($0).map { $0 + [.bool(true)] } }

        let groupNorm = try d.define(groupNormSchema, package: EmberNN.package, doc: "Group normalisation (F.group_norm).")
        d.registerComposite(groupNorm, package: EmberNN.package) { args in
            [.tensor(try groupNormCompute(try args.tensor(0), groups: try args.int(1), weight: try args.optionalTensor(2),
                                          bias: try args.optionalTensor(3), eps: try args.double(4)))]
        }
        d.registerSamples(groupNorm) { NormSamples.group($0) }
    }

    static let nativeOp = EmberNN.handle("native_batch_norm")

    /// Normalises each group of channels of each sample to zero mean and unit (biased)
    /// variance, then applies the per-channel affine map.
    static func groupNormCompute(_ input: Tensor, groups: Int, weight: Tensor?, bias: Tensor?, eps: Double) throws -> Tensor {
        guard input.rank >= 2 else {
            throw EmberError(.shapeMismatch, op: "group_norm", "Expected at least 2 dimensions for input tensor but received \(input.rank)")
        }
        let n = input.shape[0], c = input.shape[1]
        guard groups > 0, c % groups == 0 else {
            throw EmberError(.shapeMismatch, op: "group_norm",
                "Expected number of channels in input to be divisible by num_groups, but got input of shape \(input.shape) and num_groups=\(groups)")
        }
        for (name, t) in [("weight", weight), ("bias", bias)] {
            if let t, t.rank != 1 || t.count != c {
                throw EmberError(.shapeMismatch, op: "group_norm",
                    "Expected \(name) to be a vector of size equal to the number of channels in input, but got \(name) of shape \(t.shape) and input of shape \(input.shape)")
            }
        }
        // Contiguous first: the reductions then add in one order whatever the input's layout.
        let grouped = input.contiguous().reshape([n, groups, input.count / Swift.max(n * groups, 1)])
        let mean = grouped.mean(dim: 2, keepdim: true)
        let variance = grouped.var(dim: 2, correction: 0, keepdim: true)
        var y = ((grouped - mean) * (variance + Scalar.double(eps)).rsqrt()).reshape(input.shape)
        var view = [Int](repeating: 1, count: input.rank)
        view[1] = c
        if let weight { y = y * weight.reshape(view) }
        if let bias { y = y + bias.reshape(view) }
        return y
    }
}
