@_spi(EmberBackend) import EmberCore
#if canImport(Glibc)
import Glibc
#endif
import CBLAS

/// Float32/float64 matrix products on OpenBLAS: `mm`, `addmm`, `bmm`, `baddbmm` and
/// `matmul` (and the operators built on them) run `sgemm`/`dgemm`, with the same checks,
/// messages and result layouts as Core's reference kernels, which stay registered for the
/// other dtypes.
///
/// A program that links the `Ember` product has it registered at load; one that depends
/// on this package alone calls ``register(into:)`` (idempotent for the shared dispatcher).
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
        stopOpenBLASThreads()
    }()

    /// Ends the threads OpenBLAS started when it was loaded: they would otherwise spin on
    /// `sched_yield` for their first ~0.1 s and take a core from Core's pool. Looked up at
    /// run time (OpenBLAS's pthread builds export it; others have no such threads).
    private static func stopOpenBLASThreads() {
        typealias Shutdown = @convention(c) () -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "blas_thread_shutdown_") else { return }
        _ = unsafeBitCast(symbol, to: Shutdown.self)()
    }

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
