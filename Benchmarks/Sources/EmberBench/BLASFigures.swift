import EmberCore

/// Matrix-product figures: square float32 `mm` (EmberBLAS's `sgemm` once registered), named
/// as in `shared/anchors/torch_ops.py`.
enum BLASFigures {
    static var all: [Figure] {
        [64, 256, 1024, 2048].map { n in
            Figure(name: "sgemm_\(n)_gflops", unit: "GFLOP/s") {
                let a = Tensor.randn([n, n]), b = Tensor.randn([n, n])
                let iterations = Swift.max(1, Int(2e8 / Double(n * n * n)))
                return 2 * Double(n * n * n) / secondsPerCall(iterations: iterations) { blackHole(a.mm(b)) } / 1e9
            }
        }
    }
}
