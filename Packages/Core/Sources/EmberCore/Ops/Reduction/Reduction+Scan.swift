// cumsum / cumprod along one dim: out_i = x_0 ∘ … ∘ x_i. Floating inputs accumulate in
// float64 and store in their own type (PyTorch's CPU accumulation type); integer and bool
// inputs accumulate in wrapping int64 and give int64 unless `dtype` asks otherwise.

extension CoreOperators {
    static func registerScans(_ d: Dispatcher) {
        for (name, isProduct) in [("cumsum", false), ("cumprod", true)] {
            let op = define(d, "\(name)(Tensor self, int dim, *, ScalarType? dtype=None) -> Tensor",
                            doc: isProduct ? "Running products along dim." : "Running sums along dim.")
            d.register(op, anyDType: { args in
                try Reduction.runNumeric(ScanKernel(isProduct: isProduct), Reduction.castingSelf(args, dtypeAt: 2))
            }, package: package)
            d.registerSamples(op) { dtype in Reduction.singleDimSamples(dtype, extra: [.none]) }
        }
    }
}

/// `cumsum`/`cumprod(self, dim, *, dtype)`; `self` already has the requested dtype.
struct ScanKernel: FloatKernel, IntegerKernel {
    let isProduct: Bool

    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0)
        let dim = try checkedDim(try args.int(1), rank: x.rank, op: args.op)
        let isProduct = self.isProduct
        return [.tensor(ReducePlan.mapLines(x, dim: dim, T.self, to: T.self) { src, ss, dst, ds, n in
            var acc: Double = isProduct ? 1 : 0
            for i in 0..<n {
                let v = Double(src[i * ss])
                acc = isProduct ? acc * v : acc + v
                dst[i * ds] = T(acc)
            }
        })]
    }

    func run<T: IntegerNumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0)
        let dim = try checkedDim(try args.int(1), rank: x.rank, op: args.op)
        let isProduct = self.isProduct
        let result = ReducePlan.mapLines(x, dim: dim, T.self, to: Int64.self) { src, ss, dst, ds, n in
            var acc: Int64 = isProduct ? 1 : 0
            for i in 0..<n {
                let v = Int64(truncatingIfNeeded: src[i * ss])
                acc = isProduct ? acc &* v : acc &+ v
                dst[i * ds] = acc
            }
        }
        let dtype = try args.optionalDType(2) ?? .int64
        return [.tensor(dtype == .int64 ? result : castTensor(result, to: dtype))]
    }
}

extension Tensor {
    private static let cumsumOp = Dispatcher.shared.handle("cumsum")
    private static let cumprodOp = Dispatcher.shared.handle("cumprod")

    /// Running sums along `dim` (`torch.cumsum`); integer and bool tensors give int64 unless
    /// `dtype` says otherwise.
    public func cumsum(dim: Int, dtype: DType? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.cumsumOp, [.tensor(self), .int(dim), dtype.map { .dtype($0) } ?? .none])
    }

    /// Running products along `dim` (`torch.cumprod`); integer and bool tensors give int64
    /// unless `dtype` says otherwise.
    public func cumprod(dim: Int, dtype: DType? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.cumprodOp, [.tensor(self), .int(dim), dtype.map { .dtype($0) } ?? .none])
    }
}
