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
                let n = 16 * 1024 * 1024
                let x = Tensor([Float](repeating: 1, count: n), shape: [n])
                let y = Tensor([Float](repeating: 2, count: n), shape: [n])
                return 3 * 4 * Double(n) / secondsPerCall(iterations: 20) { blackHole(x + y) } / 1e9
            },
        ]
    }
}
