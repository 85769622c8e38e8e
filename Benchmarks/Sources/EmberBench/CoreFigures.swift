import EmberCore

/// Figures for Core: operator overhead, dispatcher lookup, memory-bound elementwise ops.
/// Names and workloads match `shared/anchors/torch_ops.py` where PyTorch has a twin.
enum CoreFigures {
    static var all: [Figure] {
        [
            Figure(name: "op_overhead_add_us", unit: "us") {
                let a = Tensor([Float(1)], shape: [1]), b = Tensor([Float(1)], shape: [1])
                return secondsPerCall(iterations: 20_000) { blackHole(a + b) } * 1e6
            },
            Figure(name: "dispatcher_lookup_ns", unit: "ns") {
                let op = Dispatcher.shared.handle("add")
                let d = Dispatcher.shared
                return secondsPerCall(iterations: 1_000_000) { blackHole(d.kernel(for: op, dtype: .float32) != nil) } * 1e9
            },
            Figure(name: "add_16M_GBps", unit: "GB/s") {
                let (x, y) = bigOperands()
                return 12 * Double(x.count) / secondsPerCall(iterations: 20) { blackHole(x + y) } / 1e9
            },
            Figure(name: "mul_16M_GBps", unit: "GB/s") {
                let (x, y) = bigOperands()
                return 12 * Double(x.count) / secondsPerCall(iterations: 20) { blackHole(x * y) } / 1e9
            },
            Figure(name: "sum_16M_GBps", unit: "GB/s") {
                let (x, _) = bigOperands()
                return 4 * Double(x.count) / secondsPerCall(iterations: 20) { blackHole(x.sum()) } / 1e9
            },
            Figure(name: "exp_16M_GBps", unit: "GB/s") {
                let (x, _) = bigOperands()
                return 8 * Double(x.count) / secondsPerCall(iterations: 20) { blackHole(x.exp()) } / 1e9
            },
        ]
    }

    /// Two 16M-element float32 vectors of values in [-1, 1).
    static func bigOperands() -> (Tensor, Tensor) {
        let n = 16 * 1024 * 1024
        let x = Tensor((0..<n).map { Float($0 % 1000) / 500 - 1 }, shape: [n])
        let y = Tensor((0..<n).map { Float($0 % 777) / 388.5 - 1 }, shape: [n])
        return (x, y)
    }
}
