// mm and addmm: the 2-D matrix product `self @ mat2`, and `beta * self + alpha * (mat1 @ mat2)`
// with `self` broadcast to the product's shape. Operands must share one dtype (PyTorch does
// not promote here); integer products wrap on overflow.

extension CoreOperators {
    static func registerMm(_ d: Dispatcher) {
        let mm = define(d, "mm(Tensor self, Tensor mat2) -> Tensor",
                        doc: "Matrix product of two 2-D tensors.")
        Linalg.register(d, mm, MmKernel())
        d.registerSamples(mm) { dtype in
            guard dtype != .bool else { return [] }
            return [
                [.tensor(Linalg.sample([3, 4], dtype)), .tensor(Linalg.sample([4, 5], dtype, seed: 1))],
                [.tensor(Linalg.transposedSample([2, 3], dtype)), .tensor(Linalg.transposedSample([3, 4], dtype, seed: 2))],
            ]
        }
        let addmm = define(d, "addmm(Tensor self, Tensor mat1, Tensor mat2, *, Scalar beta=1, Scalar alpha=1) -> Tensor",
                           doc: "beta * self + alpha * (mat1 @ mat2), self broadcast to the product's shape.")
        Linalg.register(d, addmm, AddmmKernel())
        d.registerSamples(addmm) { dtype in
            guard dtype != .bool else { return [] }
            return [
                [.tensor(Linalg.sample([3, 5], dtype, seed: 3)), .tensor(Linalg.sample([3, 4], dtype)),
                 .tensor(Linalg.sample([4, 5], dtype, seed: 1)), .scalar(1), .scalar(1)],
                [.tensor(Linalg.sample([5], dtype, seed: 3)), .tensor(Linalg.transposedSample([3, 4], dtype)),
                 .tensor(Linalg.sample([4, 5], dtype, seed: 1)), .scalar(2), .scalar(3)],
            ]
        }
    }
}

/// The 2-D product's checks, in PyTorch's order: ranks, then inner sizes, then dtypes.
enum MatrixProductCheck {
    /// Throws unless matrices of shapes `mat1` (`m×k`) and `mat2` (`k×n`) can be multiplied.
    static func shapes(_ mat1: [Int], _ mat2: [Int], op: String) throws {
        guard mat1[1] == mat2[0] else {
            throw EmberError(.shapeMismatch, op: op,
                "mat1 and mat2 shapes cannot be multiplied (\(Linalg.matrixShape(mat1[0], mat1[1])) "
                + "and \(Linalg.matrixShape(mat2[0], mat2[1])))")
        }
    }

    /// `mm`'s dtype check.
    static func dtypes(_ mat1: Tensor, _ mat2: Tensor, op: String) throws {
        guard mat1.dtype == mat2.dtype else {
            throw EmberError(.invalidDType, op: op,
                "expected m1 and m2 to have the same dtype, but got: "
                + "\(Linalg.cppTypeName(mat1.dtype)) != \(Linalg.cppTypeName(mat2.dtype))")
        }
    }

    /// Multiplies two matrices of one dtype into a new `m×n` tensor (`input`, if given, is
    /// broadcast into it first and scaled by `beta`).
    static func product<T: LinalgElement>(
        _ type: T.Type, _ mat1: Tensor, _ mat2: Tensor, input: Tensor? = nil, beta: T = 0, alpha: T = 1,
        gemm: GEMMRoutine<T>? = nil
    ) -> Tensor {
        let m = mat1.shape[0], k = mat1.shape[1], n = mat2.shape[1]
        let out = Tensor(empty: [m, n], dtype: T.dtype)
        if let input { BatchedProduct.fillScaledInput(T.self, input, beta: beta, into: out) }
        // BLAS semantics, which PyTorch's addmm inherits: alpha = 0 skips the product (NaNs in
        // the matrices do not propagate); k = 0 leaves beta * self.
        let skipProduct = alpha == 0
        BatchedProduct.run(
            T.self, batchShape: [], m: m, n: n, k: skipProduct ? 0 : k, alpha: alpha,
            .matrices(mat1, batchShape: []), .matrices(mat2, batchShape: []), beta: input == nil ? 0 : beta, into: out, gemm: gemm)
        return out
    }
}

/// `self @ mat2` for 2-D tensors of one dtype.
struct MmKernel: LinalgKernel {
    /// The GEMM the product runs on (a plugin's, or the reference kernels).
    var backend = GEMMBackend.reference

    func validate(_ args: Arguments) throws {
        let a = try args.tensor(0), b = try args.tensor(1)
        guard a.rank == 2 else { throw EmberError(.shapeMismatch, op: "mm", "self must be a matrix") }
        guard b.rank == 2 else { throw EmberError(.shapeMismatch, op: "mm", "mat2 must be a matrix") }
        try MatrixProductCheck.shapes(a.shape, b.shape, op: "mm")
        try MatrixProductCheck.dtypes(a, b, op: "mm")
    }

    func run<T: LinalgElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        try validate(args)
        return [.tensor(MatrixProductCheck.product(T.self, try args.tensor(0), try args.tensor(1),
                                                  gemm: backend.routine(T.self)))]
    }
}

/// `beta * self + alpha * (mat1 @ mat2)`.
struct AddmmKernel: LinalgKernel {
    /// The GEMM the product runs on (a plugin's, or the reference kernels).
    var backend = GEMMBackend.reference

    func validate(_ args: Arguments) throws {
        let input = try args.tensor(0), a = try args.tensor(1), b = try args.tensor(2)
        for (t, name) in [(a, "mat1"), (b, "mat2")] where t.rank != 2 {
            throw EmberError(.shapeMismatch, op: "addmm", "\(name) must be a matrix, got \(t.rank)-D tensor")
        }
        for (t, name) in [(input, "self"), (a, "mat1")] where t.dtype != b.dtype {
            throw EmberError(.invalidDType, op: "addmm",
                "\(name) and mat2 must have the same dtype, but got "
                + "\(t.dtype.scalarTypeName) and \(b.dtype.scalarTypeName)")
        }
        try MatrixProductCheck.shapes(a.shape, b.shape, op: "addmm")
        try Linalg.checkExpandable(input, to: [a.shape[0], b.shape[1]], op: "addmm")
    }

    func run<T: LinalgElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        try validate(args)
        let out = MatrixProductCheck.product(
            T.self, try args.tensor(1), try args.tensor(2), input: try args.tensor(0),
            beta: T.coefficient(try args.scalar(3)), alpha: T.coefficient(try args.scalar(4)),
            gemm: backend.routine(T.self))
        return [.tensor(out)]
    }
}

extension Tensor {
    private static let mmOp = Dispatcher.shared.handle("mm")
    private static let addmmOp = Dispatcher.shared.handle("addmm")

    /// The matrix product of two 2-D tensors of the same dtype (`torch.mm`): `[m, k] × [k, n]
    /// → [m, n]`. No broadcasting; see ``matmul(_:)`` for the general product.
    ///
    /// - Complexity: O(m·n·k).
    public func mm(_ mat2: Tensor) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.mmOp, [.tensor(self), .tensor(mat2)])
    }

    /// `beta * self + alpha * (mat1 @ mat2)` (`torch.addmm`), with `self` broadcast to the
    /// product's shape `[m, n]`. `beta = 0` ignores `self` (NaNs in it do not propagate), and
    /// for integer tensors `beta` and `alpha` are truncated to integers, as in PyTorch.
    public func addmm(_ mat1: Tensor, _ mat2: Tensor, beta: Scalar = 1, alpha: Scalar = 1) -> Tensor {
        Dispatcher.shared.callForTensor(
            Tensor.addmmOp, [.tensor(self), .tensor(mat1), .tensor(mat2), .scalar(beta), .scalar(alpha)])
    }
}
