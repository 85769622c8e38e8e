// softmax / log_softmax along one dim, stable by subtracting each line's maximum m:
//   softmax(x)_i = exp(x_i - m) / Σ_j exp(x_j - m)
//   log_softmax(x)_i = x_i - m - log Σ_j exp(x_j - m)
// A line of all -inf gives NaN (as PyTorch). `dtype` converts `self` first; the input must
// then be floating.

extension CoreOperators {
    static func registerSoftmax(_ d: Dispatcher) {
        for (name, isLog) in [("softmax", false), ("log_softmax", true)] {
            let op = define(d, "\(name)(Tensor self, int dim, ScalarType? dtype=None) -> Tensor",
                            doc: isLog ? "The log of softmax along dim, computed stably." : "exp(self) normalised to sum to 1 along dim.")
            d.register(op, anyDType: { args in
                let args = try Reduction.castingSelf(args, dtypeAt: 2)
                let x = try args.tensor(0)
                guard x.dtype.isFloatingPoint else {
                    let dim = try checkedDim(try args.int(1), rank: x.rank, op: name)
                    let kernel = name + (dim == x.rank - 1 || x.rank == 0 ? "_lastdim" : "") + "_kernel_impl"
                    throw EmberError(.invalidDType, op: name, "\"\(kernel)\" not implemented for '\(x.dtype.scalarTypeName)'")
                }
                return try Reduction.runFloating(SoftmaxKernel(isLog: isLog), args)
            }, package: package)
            d.registerSamples(op) { dtype in dtype.isFloatingPoint ? Reduction.singleDimSamples(dtype, extra: [.none]) : [] }
        }
    }
}

/// `softmax`/`log_softmax(self, dim, dtype)` for a floating `self`.
struct SoftmaxKernel: FloatKernel {
    let isLog: Bool

    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0)
        let dim = try checkedDim(try args.int(1), rank: x.rank, op: args.op)
        let isLog = self.isLog
        return [.tensor(ReducePlan.mapLines(x, dim: dim, T.self, to: T.self) { src, ss, dst, ds, n in
            let m = Reduction.rowMax(src, n, stride: ss)
            if isLog {
                let logSum = T.log(CascadeSum.sum(count: n) { i in Pointwise.Exp.apply(src[i * ss] - m) })
                for i in 0..<n { dst[i * ds] = (src[i * ss] - m) - logSum }
            } else {
                let total = CascadeSum.sum(count: n) { i in
                    let e = Pointwise.Exp.apply(src[i * ss] - m)
                    dst[i * ds] = e
                    return e
                }
                let scale = 1 / total
                for i in 0..<n { dst[i * ds] *= scale }
            }
        })]
    }
}

extension Tensor {
    private static let softmaxOp = Dispatcher.shared.handle("softmax")
    private static let logSoftmaxOp = Dispatcher.shared.handle("log_softmax")

    /// `exp(self)` normalised to sum to 1 along `dim` (`torch.softmax`); `dtype` converts
    /// the input first.
    public func softmax(dim: Int, dtype: DType? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.softmaxOp, [.tensor(self), .int(dim), dtype.map { .dtype($0) } ?? .none])
    }

    /// The log of ``softmax(dim:dtype:)``, computed stably (`torch.log_softmax`).
    public func logSoftmax(dim: Int, dtype: DType? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.logSoftmaxOp, [.tensor(self), .int(dim), dtype.map { .dtype($0) } ?? .none])
    }
}
