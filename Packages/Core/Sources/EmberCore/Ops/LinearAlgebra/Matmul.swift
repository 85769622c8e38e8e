// matmul: PyTorch's general product (`a @ b`), for any ranks ≥ 1 with batch broadcasting;
// see MatmulPlan.swift for the cases.
//
// A backend operator, not a composite over views: it multiplies broadcast and strided
// operands in place (PyTorch's composite copies expanded batches to call bmm). Its
// derivative is therefore a row of its own: for `c = a @ b`, `ga = gc @ bᵀ` and
// `gb = aᵀ @ gc`, with a 1-D operand treated as the row/column it stands for and each
// gradient summed over the batch dims its operand was broadcast along.

extension CoreOperators {
    static func registerMatmul(_ d: Dispatcher) {
        let matmul = define(d, "matmul(Tensor self, Tensor other) -> Tensor",
                            doc: "Matrix product with NumPy's rules for 1-D operands and batch broadcasting.")
        Linalg.register(d, matmul, MatmulKernel())
        d.registerSamples(matmul) { dtype in
            guard dtype != .bool else { return [] }
            return [
                [.tensor(Linalg.sample([2, 3, 4], dtype)), .tensor(Linalg.sample([4, 2], dtype, seed: 1))],
                [.tensor(Linalg.sample([2, 1, 2, 3], dtype)), .tensor(Linalg.transposedSample([3, 3, 2], dtype, seed: 2))],
                [.tensor(Linalg.sample([3], dtype)), .tensor(Linalg.sample([2, 3, 2], dtype, seed: 1))],
            ]
        }
    }
}

/// `self @ other` for tensors of one dtype.
struct MatmulKernel: LinalgKernel {
    /// The GEMM the product runs on (a plugin's, or the reference kernels).
    var backend = GEMMBackend.reference

    func validate(_ args: Arguments) throws {
        _ = try MatmulPlan.matmul(try args.tensor(0), try args.tensor(1))
    }

    func run<T: LinalgElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        [.tensor(try MatmulPlan.matmul(try args.tensor(0), try args.tensor(1)).run(T.self, gemm: backend.routine(T.self)))]
    }
}

extension Tensor {
    private static let matmulOp = Dispatcher.shared.handle("matmul")

    /// The matrix product `self @ other` (`torch.matmul`; Swift has no `@` operator).
    ///
    /// - 1-D · 1-D: the dot product, a 0-d tensor.
    /// - 2-D · 2-D: the matrix product.
    /// - 1-D on the left: treated as a `[1, k]` row, the 1 removed from the result;
    ///   1-D on the right: a `[k, 1]` column, the 1 removed.
    /// - More than two dims: a batch of matrices; the batch dims (all but the last two)
    ///   broadcast: `[j, 1, n, m] @ [k, m, p] → [j, k, n, p]`.
    ///
    /// Both operands must have the same dtype (no promotion, as in PyTorch); integer
    /// products wrap on overflow.
    ///
    /// - Complexity: O(batch · n · m · p).
    public func matmul(_ other: Tensor) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.matmulOp, [.tensor(self), .tensor(other)])
    }
}
