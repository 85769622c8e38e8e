import EmberAutograd
import EmberCore

/// Figures for autograd: the recording overhead of one operator, and a scalar chain's
/// forward plus backward (twins in `shared/anchors` where PyTorch has them).
enum AutogradFigures {
    static var all: [Figure] {
        [
            Figure(name: "op_overhead_add_autograd_us", unit: "us") {
                let a = Tensor([Float(1)], shape: [1]), b = Tensor([Float(1)], shape: [1])
                a.requiresGrad = true
                return secondsPerCall(iterations: 20_000) { blackHole(a + b) } * 1e6
            },
            Figure(name: "chain_1000_forward_backward_us", unit: "us") {
                let x = Tensor([Float(1)], shape: [1])
                x.requiresGrad = true
                let c = Tensor([Float(1.0001)], shape: [1])
                return secondsPerCall(iterations: 20) {
                    var y = x
                    for _ in 0..<1000 { y = y * c }
                    try! y.backward()
                } * 1e6
            },
        ]
    }
}
