// prod over one dim or everything. Floating inputs multiply in their own type (float16 and
// bfloat16 in float32); integer and bool inputs multiply in wrapping int64 and give int64
// unless `dtype` asks otherwise. The product of no elements is 1.

extension CoreOperators {
    static func registerProd(_ d: Dispatcher) {
        let prod = define(d, "prod(Tensor self, int? dim=None, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
                          doc: "Multiplies the elements over a dim (all when None); integer inputs give int64.")
        d.register(prod, anyDType: { args in
            try Reduction.runNumeric(ProdKernel(), Reduction.castingSelf(args, dtypeAt: 3))
        }, package: package)
        d.registerSamples(prod) { dtype in
            Reduction.singleDimSamples(dtype, extra: [.bool(false), .none])
                + [[.tensor(Reduction.sample([2, 3], dtype)), .none, .bool(false), .none]]
        }
    }
}

/// `prod(self, dim, keepdim, *, dtype)`; `self` already has the requested dtype.
struct ProdKernel: FloatKernel, IntegerKernel {
    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0)
        let plan = try ReducePlan(x, dims: try args.optionalInt(1).map { [$0] }, keepdim: try args.bool(2), op: args.op)
        return [.tensor(Reduction.fold(x, plan, ProductFold<T>()))]
    }

    func run<T: IntegerNumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0)
        let plan = try ReducePlan(x, dims: try args.optionalInt(1).map { [$0] }, keepdim: try args.bool(2), op: args.op)
        let result = Reduction.fold(x, plan, IntegerProductFold<T>())
        let dtype = try args.optionalDType(3) ?? .int64
        return [.tensor(dtype == .int64 ? result : castTensor(result, to: dtype))]
    }
}

extension Tensor {
    private static let prodOp = Dispatcher.shared.handle("prod")

    /// The product of all elements (`torch.prod`); integer and bool tensors give int64
    /// unless `dtype` says otherwise.
    public func prod(dtype: DType? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.prodOp, [.tensor(self), .none, .bool(false), dtype.map { .dtype($0) } ?? .none])
    }

    /// The product over `dim`, which is removed unless `keepdim`.
    public func prod(dim: Int, keepdim: Bool = false, dtype: DType? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.prodOp, [.tensor(self), .int(dim), .bool(keepdim), dtype.map { .dtype($0) } ?? .none])
    }
}
