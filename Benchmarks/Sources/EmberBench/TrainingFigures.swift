import EmberAutograd
import EmberCore
import EmberNN
import EmberOptim

/// The training figures of `shared/anchors/torch_ops.py`, with the anchor's exact workloads
/// built from EmberNN layers and EmberOptim optimizers; compare.py times the PyTorch twins.
/// - `lenet_train_step_b64_ms`: LeNet-5 on a batch of 64 28×28 images, cross entropy,
///   SGD (lr 0.01, momentum 0.9): zeroGrad, forward, loss, backward, step.
/// - `mlp784_train_step_b128_ms`: 784-256-10 MLP on a batch of 128, cross entropy, Adam (lr 1e-3).
/// - `conv3x3_64c_56_b32_fwd_gflops`: a 64→64 3×3 convolution (padding 1, no bias) forward on
///   [32, 64, 56, 56] under `noGrad`.
enum TrainingFigures {
    /// LeNet-5 as the anchor builds it.
    static func lenet() -> Sequential {
        Sequential(Conv2d(1, 6, kernelSize: [5], padding: 2), ReLU(), MaxPool2d(kernelSize: [2]),
                   Conv2d(6, 16, kernelSize: [5]), ReLU(), MaxPool2d(kernelSize: [2]), Flatten(),
                   Linear(400, 120), ReLU(), Linear(120, 84), ReLU(), Linear(84, 10))
    }

    /// One training step: zeroGrad, cross entropy of `model(x)` against `y`, backward, step.
    static func trainStep(_ model: Module, _ optimizer: Optimizer, _ x: Tensor, _ y: Tensor) {
        optimizer.zeroGrad()
        let loss = Functional.crossEntropy(model(x), y)
        try! loss.backward()
        try! optimizer.step()
    }

    static var all: [Figure] {
        [
            Figure(name: "lenet_train_step_b64_ms", unit: "ms") {
                let model = lenet()
                let optimizer = try! SGD(model.parameters(), lr: 0.01, momentum: 0.9)
                let x = Tensor.randn([64, 1, 28, 28]), y = Tensor.randint(high: 10, shape: [64])
                return secondsPerCall(iterations: 50) { trainStep(model, optimizer, x, y) } * 1e3
            },
            Figure(name: "mlp784_train_step_b128_ms", unit: "ms") {
                let model = Sequential(Linear(784, 256), ReLU(), Linear(256, 10))
                let optimizer = try! Adam(model.parameters(), lr: 1e-3)
                let x = Tensor.randn([128, 784]), y = Tensor.randint(high: 10, shape: [128])
                return secondsPerCall(iterations: 200) { trainStep(model, optimizer, x, y) } * 1e3
            },
            Figure(name: "conv3x3_64c_56_b32_fwd_gflops", unit: "GFLOP/s") {
                let conv = Conv2d(64, 64, kernelSize: [3], padding: 1, bias: false)
                let x = Tensor.randn([32, 64, 56, 56])
                let seconds = noGrad { secondsPerCall(iterations: 3, repetitions: 3) { blackHole(conv(x)) } }
                return 2.0 * 32 * 64 * 64 * 9 * 56 * 56 / seconds / 1e9
            },
        ]
    }
}
