// Matrix products taken over by a plugin (a BLAS library): Core keeps each product
// operator's checks and messages, broadcasting, 1-D operand rules and output layout; the
// plugin supplies only the float32/float64 GEMM that multiplies two strided matrices, and
// registers the kernels built here under its own name (later registration wins).

/// `c = beta * c + alpha * a · b` for an `m×k` matrix `a` and a `k×n` matrix `b`, supplied
/// by a plugin. Core calls it only with `m, n, k > 0` and `alpha ≠ 0`; when `beta` is zero
/// `c` must not be read (BLAS semantics). Operands may have any strides, including zero
/// and negative ones; the output has unit column stride.
@_spi(EmberBackend)
public typealias GEMMRoutine<T> = @Sendable (
    _ m: Int, _ n: Int, _ k: Int, _ alpha: T, _ a: MatrixView<T>, _ b: MatrixView<T>, _ beta: T,
    _ c: OutputMatrix<T>) -> Void

/// The GEMM routines a product kernel multiplies with; a missing one means Core's
/// reference kernel.
@_spi(EmberBackend)
public struct GEMMBackend: Sendable {
    /// The float32 routine (`sgemm`).
    public var float32: GEMMRoutine<Float>?
    /// The float64 routine (`dgemm`).
    public var float64: GEMMRoutine<Double>?

    /// A backend with the given routines.
    public init(float32: GEMMRoutine<Float>?, float64: GEMMRoutine<Double>?) {
        self.float32 = float32
        self.float64 = float64
    }

    /// Core's reference kernels for every type.
    static let reference = GEMMBackend(float32: nil, float64: nil)

    /// The routine for elements of type `T`, if the backend has one.
    func routine<T: LinalgElement>(_ type: T.Type) -> GEMMRoutine<T>? {
        if T.self == Float.self { return float32 as? GEMMRoutine<T> }
        if T.self == Double.self { return float64 as? GEMMRoutine<T> }
        return nil
    }
}

/// Float32/float64 kernels for Core's product operators that multiply with a plugin's
/// ``GEMMBackend``: same checks, messages and results as Core's, faster products.
@_spi(EmberBackend)
public enum MatrixProductKernels {
    /// The operators ``kernels(for:backend:)`` builds kernels for.
    public static let operatorNames = ["mm", "addmm", "bmm", "baddbmm", "matmul"]

    /// The float32 and float64 kernels of operator `name` (one of ``operatorNames``).
    public static func kernels(for name: String, backend: GEMMBackend) -> (float32: Kernel, float64: Kernel) {
        switch name {
        case "mm": return pair(MmKernel(backend: backend))
        case "addmm": return pair(AddmmKernel(backend: backend))
        case "bmm": return pair(BmmKernel(backend: backend))
        case "baddbmm": return pair(BaddbmmKernel(backend: backend))
        case "matmul": return pair(MatmulKernel(backend: backend))
        default: preconditionFailure("MatrixProductKernels: no GEMM kernel for \(name)")
        }
    }

    private static func pair(_ kernel: some LinalgKernel) -> (float32: Kernel, float64: Kernel) {
        ({ try kernel.run($0, Float.self) }, { try kernel.run($0, Double.self) })
    }
}
