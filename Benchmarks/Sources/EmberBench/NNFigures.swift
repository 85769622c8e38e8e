import EmberAutograd
import EmberCore
import EmberNN

/// Figures for EmberNN: a LeNet-5 training step (conv 1→6 k5, max-pool 2, conv 6→16 k5,
/// max-pool 2, 256→120→84→10, ReLUs, MSE loss, plain SGD update) on a batch of 64 28×28
/// images; compare.py times the same model in PyTorch.
enum NNFigures {
    final class LeNet5: Module {
        let conv1 = Conv2d(1, 6, kernelSize: [5])
        let conv2 = Conv2d(6, 16, kernelSize: [5])
        let fc1 = Linear(256, 120)
        let fc2 = Linear(120, 84)
        let fc3 = Linear(84, 10)

        override func forward(_ x: Tensor) -> Tensor {
            var h = Functional.maxPool2d(conv1(x).relu(), kernelSize: [2])
            h = Functional.maxPool2d(conv2(h).relu(), kernelSize: [2])
            return fc3(fc2(fc1(h.reshape([h.shape[0], -1])).relu()).relu())
        }
    }

    static var all: [Figure] {
        [
            Figure(name: "lenet5_train_step_b64_ms", unit: "ms") {
                let model = LeNet5()
                let x = Tensor.randn([64, 1, 28, 28]), target = Tensor.randn([64, 10])
                return secondsPerCall(iterations: 20) {
                    model.zeroGrad()
                    let loss = (model(x) - target).square().mean()
                    try! loss.backward()
                    noGrad { for p in model.parameters() { _ = p.sub_(p.grad! * 0.01) } }
                } * 1e3
            },
        ]
    }
}
