// bmm and baddbmm: batched products of 3-D tensors `[b, n, m] × [b, m, p] → [b, n, p]`, and
// `beta * self + alpha * (batch1 @ batch2)` with `self` broadcast to the result's shape.

extension CoreOperators {
    static func registerBmm(_ d: Dispatcher) {
        let bmm = define(d, "bmm(Tensor self, Tensor mat2) -> Tensor",
                         doc: "Batched matrix product of two 3-D tensors.")
        Linalg.register(d, bmm, BmmKernel())
        d.registerSamples(bmm) { dtype in
            guard dtype != .bool else { return [] }
            return [
                [.tensor(Linalg.sample([2, 3, 4], dtype)), .tensor(Linalg.sample([2, 4, 2], dtype, seed: 1))],
                [.tensor(Linalg.transposedSample([3, 2, 3], dtype)), .tensor(Linalg.sample([3, 3, 4], dtype, seed: 2))],
            ]
        }
        let baddbmm = define(
            d, "baddbmm(Tensor self, Tensor batch1, Tensor batch2, *, Scalar beta=1, Scalar alpha=1) -> Tensor",
            doc: "beta * self + alpha * (batch1 @ batch2), self broadcast to the product's shape.")
        Linalg.register(d, baddbmm, BaddbmmKernel())
        d.registerSamples(baddbmm) { dtype in
            guard dtype != .bool else { return [] }
            return [
                [.tensor(Linalg.sample([2, 3, 2], dtype, seed: 3)), .tensor(Linalg.sample([2, 3, 4], dtype)),
                 .tensor(Linalg.sample([2, 4, 2], dtype, seed: 1)), .scalar(1), .scalar(1)],
                [.tensor(Linalg.sample([1, 4], dtype, seed: 4)), .tensor(Linalg.transposedSample([2, 3, 2], dtype)),
                 .tensor(Linalg.sample([2, 2, 4], dtype, seed: 1)), .scalar(2), .scalar(3)],
            ]
        }
    }
}

/// The batched product's checks, in PyTorch's order.
enum BatchedProductCheck {
    /// Throws unless `batch2`'s first two sizes are `[batch1.size(0), batch1.size(2)]`.
    static func shapes(_ batch1: Tensor, _ batch2: Tensor, op: String) throws {
        try sizes(batch: batch1.shape[0], contraction: batch1.shape[2],
                  found: [batch2.shape[0], batch2.shape[1]], op: op)
    }

    /// PyTorch's message for a second operand whose first two sizes are not `[batch, contraction]`.
    static func sizes(batch: Int, contraction: Int, found: [Int], op: String) throws {
        guard found == [batch, contraction] else {
            throw EmberError(.shapeMismatch, op: op,
                "Expected size for first two dimensions of batch2 tensor to be: [\(batch), \(contraction)] "
                + "but got: \(found).")
        }
    }

    /// The dtype check of the batched kernels.
    static func dtypes(_ expected: Tensor, _ found: Tensor, op: String) throws {
        guard expected.dtype == found.dtype else {
            throw EmberError(.invalidDType, op: op,
                "expected scalar type \(expected.dtype.scalarTypeName) "
                + "but found \(found.dtype.scalarTypeName)")
        }
    }

    /// Multiplies two 3-D tensors of one dtype into a new `[b, n, p]` tensor (`input`, if
    /// given, is broadcast into it first and scaled by `beta`).
    static func product<T: LinalgElement>(
        _ type: T.Type, _ batch1: Tensor, _ batch2: Tensor, input: Tensor? = nil, beta: T = 0, alpha: T = 1,
        gemm: GEMMRoutine<T>? = nil
    ) -> Tensor {
        let b = batch1.shape[0], n = batch1.shape[1], m = batch1.shape[2], p = batch2.shape[2]
        let out = Tensor(empty: [b, n, p], dtype: T.dtype)
        if let input { BatchedProduct.fillScaledInput(T.self, input, beta: beta, into: out) }
        BatchedProduct.run(
            T.self, batchShape: [b], m: n, n: p, k: m, alpha: alpha,
            .matrices(batch1, batchShape: [b]), .matrices(batch2, batchShape: [b]),
            beta: input == nil ? 0 : beta, into: out, gemm: gemm)
        return out
    }
}

/// `self @ mat2` for 3-D tensors of one dtype.
struct BmmKernel: LinalgKernel {
    /// The GEMM the product runs on (a plugin's, or the reference kernels).
    var backend = GEMMBackend.reference

    func validate(_ args: Arguments) throws {
        let a = try args.tensor(0), b = try args.tensor(1)
        guard a.rank == 3 else { throw EmberError(.shapeMismatch, op: "bmm", "batch1 must be a 3D tensor") }
        guard b.rank == 3 else { throw EmberError(.shapeMismatch, op: "bmm", "batch2 must be a 3D tensor") }
        try BatchedProductCheck.shapes(a, b, op: "bmm")
        try BatchedProductCheck.dtypes(a, b, op: "bmm")
    }

    func run<T: LinalgElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        try validate(args)
        return [.tensor(BatchedProductCheck.product(T.self, try args.tensor(0), try args.tensor(1),
                                                  gemm: backend.routine(T.self)))]
    }
}

/// `beta * self + alpha * (batch1 @ batch2)`. Unlike `addmm`, `alpha = 0` still computes the
/// product (PyTorch's CPU kernel does, so NaNs in the batches propagate).
struct BaddbmmKernel: LinalgKernel {
    /// The GEMM the product runs on (a plugin's, or the reference kernels).
    var backend = GEMMBackend.reference

    func validate(_ args: Arguments) throws {
        let input = try args.tensor(0), a = try args.tensor(1), b = try args.tensor(2)
        guard a.rank == 3 else { throw EmberError(.shapeMismatch, op: "baddbmm", "batch1 must be a 3D tensor") }
        guard b.rank == 3 else { throw EmberError(.shapeMismatch, op: "baddbmm", "batch2 must be a 3D tensor") }
        try Linalg.checkExpandable(input, to: [a.shape[0], a.shape[1], b.shape[2]], op: "baddbmm")
        guard input.dtype == a.dtype else {
            throw EmberError(.invalidDType, op: "baddbmm",
                "Input dtypes must be the same, got: input \(Linalg.cppTypeName(input.dtype)), "
                + "batch1: \(Linalg.cppTypeName(a.dtype)), batch2: \(Linalg.cppTypeName(b.dtype))")
        }
        try BatchedProductCheck.shapes(a, b, op: "baddbmm")
        try BatchedProductCheck.dtypes(a, b, op: "baddbmm")
    }

    func run<T: LinalgElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        try validate(args)
        let out = BatchedProductCheck.product(
            T.self, try args.tensor(1), try args.tensor(2), input: try args.tensor(0),
            beta: T.coefficient(try args.scalar(3)), alpha: T.coefficient(try args.scalar(4)),
            gemm: backend.routine(T.self))
        return [.tensor(out)]
    }
}

extension Tensor {
    private static let bmmOp = Dispatcher.shared.handle("bmm")
    private static let baddbmmOp = Dispatcher.shared.handle("baddbmm")

    /// The batched matrix product of two 3-D tensors of the same dtype (`torch.bmm`):
    /// `[b, n, m] × [b, m, p] → [b, n, p]`. No broadcasting; see ``matmul(_:)``.
    ///
    /// - Complexity: O(b·n·m·p).
    public func bmm(_ mat2: Tensor) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.bmmOp, [.tensor(self), .tensor(mat2)])
    }

    /// `beta * self + alpha * (batch1 @ batch2)` (`torch.baddbmm`), with `self` broadcast to
    /// the product's shape `[b, n, p]`. `beta = 0` ignores `self`.
    public func baddbmm(_ batch1: Tensor, _ batch2: Tensor, beta: Scalar = 1, alpha: Scalar = 1) -> Tensor {
        Dispatcher.shared.callForTensor(
            Tensor.baddbmmOp, [.tensor(self), .tensor(batch1), .tensor(batch2), .scalar(beta), .scalar(alpha)])
    }
}
