@_spi(EmberBackend) import EmberCore
import CBLAS

/// Float32/float64 matrix products on OpenBLAS: `mm`, `addmm`, `bmm`, `baddbmm` and
/// `matmul` (and the operators built on them) run `sgemm`/`dgemm`, with the same checks,
/// messages and result layouts as Core's reference kernels, which stay registered for the
/// other dtypes.
///
/// Swift has no load-time constructors, so the plugin registers explicitly:
/// ``register(into:)`` is idempotent for the shared dispatcher. The `Ember` umbrella does
/// it in `Ember.registerBundledPlugins()`.
public enum EmberBLAS {
    /// The provenance this plugin's registrations carry.
    public static let package = "EmberBLAS"

    /// Registers the BLAS kernels with `dispatcher` (the shared one by default), over the
    /// kernels registered before. Safe to call more than once for the shared dispatcher.
    public static func register(into dispatcher: Dispatcher = .shared) {
        if dispatcher === Dispatcher.shared {
            _ = sharedRegistration
        } else {
            registerKernels(dispatcher)
        }
    }

    private static let sharedRegistration: Void = {
        registerKernels(.shared)
        // OpenBLAS runs single-threaded: large products are split over Core's pool
        // (BLASSplit), so one pool of threads serves products and the loops around them.
        openblas_set_num_threads(1)
    }()

    /// The GEMM routines Core's product kernels call.
    static let backend = GEMMBackend(
        float32: { m, n, k, alpha, a, b, beta, c in BLASGEMM.gemm(m: m, n: n, k: k, alpha: alpha, a, b, beta: beta, c) },
        float64: { m, n, k, alpha, a, b, beta, c in BLASGEMM.gemm(m: m, n: n, k: k, alpha: alpha, a, b, beta: beta, c) })

    private static func registerKernels(_ d: Dispatcher) {
        for name in MatrixProductKernels.operatorNames {
            guard let op = try? d.lookup(name) else { continue }
            let kernels = MatrixProductKernels.kernels(for: name, backend: backend)
            d.register(op, dtypes: [.float32], package: package, kernel: kernels.float32)
            d.register(op, dtypes: [.float64], package: package, kernel: kernels.float64)
        }
    }

    /// The number of threads OpenBLAS itself runs a product on: 1 once registered with the
    /// shared dispatcher (products are split over Core's `Parallel` pool instead).
    public static var numThreads: Int { Int(openblas_get_num_threads()) }
}
