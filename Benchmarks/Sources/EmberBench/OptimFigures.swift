import EmberAutograd
import EmberCore
import EmberOptim

/// Figures for optimizers: Adam's update alone over the 203,530 parameters of a 784-256-10 MLP
/// (the whole training step is `mlp784_train_step_b128_ms` in TrainingFigures).
enum OptimFigures {
    /// The MLP's parameters (`x W1 + b1`, ReLU, `h W2 + b2`), float32, requiring grad.
    static func parameters() -> [Tensor] {
        let ps = [Tensor.randn([784, 256]) * 0.05, Tensor.zeros([256]), Tensor.randn([256, 10]) * 0.05, Tensor.zeros([10])]
        for p in ps { p.requiresGrad = true }
        return ps
    }

    static var all: [Figure] {
        [
            Figure(name: "adam_update_203k_params_us", unit: "us") {
                let ps = parameters()
                for p in ps { p.grad = Tensor.randn(p.shape) }
                let opt = try! Adam(ps, lr: 1e-3)
                return secondsPerCall(iterations: 200) { try! opt.step() } * 1e6
            },
        ]
    }
}
