// threshold_backward(grad_output, self, threshold): grad_output where self > threshold, zero
// elsewhere (NaN in self passes the gradient, as `NaN <= threshold` is false). It is the
// gradient of relu (self = relu's result, threshold 0) and of nn.Threshold, computed in one
// pass instead of a comparison followed by masked_fill. Broadcasting and type promotion
// as for any binary operator; no bool kernel (PyTorch's `threshold_cpu` has none).

extension CoreOperators {
    static func registerThresholdBackward(_ d: Dispatcher) {
        let op = define(d, "threshold_backward(Tensor grad_output, Tensor self, Scalar threshold) -> Tensor",
                        promotion: .common(["grad_output", "self"]),
                        doc: "grad_output where self > threshold, zero elsewhere (the gradient of relu and threshold).")
        d.register(op, floating: ThresholdBackwardKernel(), package: package)
        d.register(op, integer: ThresholdBackwardKernel(), package: package)
        Pointwise.registerUnsupported(d, op, [.bool], kernelName: "threshold_cpu")
        d.registerSamples(op) { dtype in
            if dtype == .bool { return [] }
            if dtype.isFloatingPoint {
                return PointwiseSamples.binary(.real, .real, dtype, extra: [.scalar(0)])
                    + PointwiseSamples.binary(.real, .real, dtype, extra: [.scalar(0.5)]).prefix(1)
            }
            return PointwiseSamples.binary(.integers, .integers, dtype, extra: [.scalar(1)])
        }
    }
}

/// `self <= threshold ? 0 : grad_output` for one element type.
struct ThresholdBackwardKernel: FloatKernel, IntegerKernel {
    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let threshold = T(try args.scalar(2).doubleValue)
        return [.tensor(try Self.apply(try args.tensor(0), try args.tensor(1), threshold, op: args.op))]
    }

    func run<T: IntegerNumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        // A fractional threshold truncates towards zero, as PyTorch's conversion to the element type does.
        let value = try args.scalar(2).doubleValue.rounded(.towardZero)
        guard value >= -9.2e18 && value <= 9.2e18 else {
            throw EmberError(.invalidArgument, op: args.op, "value cannot be converted to type \(T.dtype) without overflow")
        }
        return [.tensor(try Self.apply(try args.tensor(0), try args.tensor(1), T(int64Value: Int64(value)), op: args.op))]
    }

    /// The masked gradient; same-shape contiguous operands take one select loop over
    /// pointers (vectorised), anything else the broadcasting strided path.
    private static func apply<T: NumericElement>(_ grad: Tensor, _ x: Tensor, _ threshold: T, op: String) throws -> Tensor {
        guard grad.shape == x.shape && grad.isContiguous && x.isContiguous else {
            return try Elementwise.zip(grad, x, T.self, T.self, to: T.self, op: op) { g, v in v <= threshold ? 0 : g }
        }
        let out = Tensor(emptyLike: x, dtype: T.dtype)
        mask(UnsafePointer(grad.dataPointer.assumingMemoryBound(to: T.self)), UnsafePointer(x.dataPointer.assumingMemoryBound(to: T.self)),
             out.dataPointer.assumingMemoryBound(to: T.self), count: out.count, threshold: threshold)
        return out
    }

    /// `out[i] = x[i] <= threshold ? 0 : g[i]` over `count` contiguous elements. Both
    /// operands are loaded before the select, so the loop compiles to vector compares and
    /// masks (a relu mask is a coin flip: a branch per element mispredicts half the time).
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    static func mask<T: NumericElement>(_ g: UnsafePointer<T>, _ x: UnsafePointer<T>, _ out: UnsafeMutablePointer<T>,
                                        count: Int, threshold: T) {
        for i in 0..<count {
            let gradient = g[i], value = x[i]
            out[i] = value <= threshold ? 0 : gradient
        }
    }
}

extension Tensor {
    private static let thresholdBackwardOp = Dispatcher.shared.handle("threshold_backward")

    /// `gradOutput` where `input > threshold`, zero elsewhere (`torch.ops.aten.threshold_backward`):
    /// the gradient of relu (with relu's result as `input` and threshold 0) and of `nn.Threshold`.
    public static func thresholdBackward(_ gradOutput: Tensor, _ input: Tensor, threshold: Scalar) -> Tensor {
        Dispatcher.shared.callForTensor(thresholdBackwardOp, [.tensor(gradOutput), .tensor(input), .scalar(threshold)])
    }
}
