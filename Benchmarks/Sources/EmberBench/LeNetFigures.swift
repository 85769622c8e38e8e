import EmberAutograd
import EmberCore
import EmberNN

/// The pieces of the LeNet-5 training step (`lenet_train_step_b64_ms`), each timed alone on
/// the step's shapes (batch 64), to see where the step goes. No PyTorch twins.
enum LeNetFigures {
    static var all: [Figure] {
        let x1 = Tensor.randn([64, 1, 28, 28]), x2 = Tensor.randn([64, 6, 14, 14]).relu()
        let w1 = Tensor.randn([6, 1, 5, 5]), w2 = Tensor.randn([16, 6, 5, 5])
        let pooled = Tensor.randn([64, 6, 28, 28]).relu()
        return [
            Figure(name: "lenet_part_conv1_fwd_us", unit: "us") {
                noGrad { secondsPerCall(iterations: 50) { blackHole(Functional.conv2d(x1, weight: w1, padding: 2)) } } * 1e6
            },
            Figure(name: "lenet_part_conv2_fwd_us", unit: "us") {
                noGrad { secondsPerCall(iterations: 50) { blackHole(Functional.conv2d(x2, weight: w2)) } } * 1e6
            },
            Figure(name: "lenet_part_conv1_fwd_bwd_us", unit: "us") {
                let w = w1.detach()
                w.requiresGrad = true
                return secondsPerCall(iterations: 50) { try! Functional.conv2d(x1, weight: w, padding: 2).sum().backward() } * 1e6
            },
            Figure(name: "lenet_part_conv2_fwd_bwd_us", unit: "us") {
                let x = x2.detach(), w = w2.detach()
                x.requiresGrad = true
                w.requiresGrad = true
                return secondsPerCall(iterations: 50) { try! Functional.conv2d(x, weight: w).sum().backward() } * 1e6
            },
            Figure(name: "lenet_part_maxpool1_fwd_us", unit: "us") {
                noGrad { secondsPerCall(iterations: 50) { blackHole(Functional.maxPool2d(pooled, kernelSize: [2])) } } * 1e6
            },
            Figure(name: "lenet_part_maxpool1_fwd_bwd_us", unit: "us") {
                let x = pooled.detach()
                x.requiresGrad = true
                return secondsPerCall(iterations: 50) { try! Functional.maxPool2d(x, kernelSize: [2]).sum().backward() } * 1e6
            },
        ]
    }
}
