import EmberAutograd
import EmberCore
import EmberOptim

/// Figures for optimizers: a whole MLP 784-256-10 training step with Adam (batch 128,
/// cross-entropy), and Adam's update alone over the same 203,530 parameters.
enum OptimFigures {
    /// The MLP's parameters (`x W1 + b1`, ReLU, `h W2 + b2`), float32, requiring grad.
    static func parameters() -> [Tensor] {
        let ps = [Tensor.randn([784, 256]) * 0.05, Tensor.zeros([256]), Tensor.randn([256, 10]) * 0.05, Tensor.zeros([10])]
        for p in ps { p.requiresGrad = true }
        return ps
    }

    static var all: [Figure] {
        [
            Figure(name: "mlp_784_256_10_adam_step_ms", unit: "ms") {
                let ps = parameters()
                let x = Tensor.randn([128, 784]), target = Tensor.randint(high: 10, shape: [128, 1])
                let opt = try! Adam(ps, lr: 1e-3)
                return secondsPerCall(iterations: 50) {
                    opt.zeroGrad()
                    let h = (x.matmul(ps[0]) + ps[1]).relu()
                    let logits = h.matmul(ps[2]) + ps[3]
                    let loss = -logits.logSoftmax(dim: 1).gather(dim: 1, index: target).mean()
                    try! loss.backward()
                    try! opt.step()
                } * 1e3
            },
            Figure(name: "adam_update_203k_params_us", unit: "us") {
                let ps = parameters()
                for p in ps { p.grad = Tensor.randn(p.shape) }
                let opt = try! Adam(ps, lr: 1e-3)
                return secondsPerCall(iterations: 200) { try! opt.step() } * 1e6
            },
        ]
    }
}
