// stack: concatenation along a new dimension. All inputs must have the same shape; they are
// promoted to their common dtype.

extension CoreOperators {
    static func registerStack(_ d: Dispatcher) {
        let stack = define(d, "stack(Tensor[] tensors, int dim=0) -> Tensor", promotion: .common(["tensors"]),
                           doc: "Stacks equally shaped tensors along a new dimension.")
        registerBitwise(d, stack, StackKernel())
        d.registerSamples(stack) { dtype in
            let a = Indexing.sample([1, 2, 3, 4, 5, 6], [2, 3], dtype)
            let b = Indexing.transposedSample([6, 5, 4, 3, 2, 1], [2, 3], dtype)
            return [
                [.tensors([a, b]), .int(0)],
                [.tensors([a, b, a]), .int(-1)],
                [.tensors([Indexing.sample([3], [], dtype), Indexing.sample([4], [], dtype)]), .int(0)],
            ]
        }
    }
}

/// `stack` for elements of `T`'s size: input `i` is copied into output slice `i` along `dim`.
struct StackKernel: Indexing.BitwiseKernel {
    func run<T: BitwiseCopyable>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let tensors = try args.tensors(0)
        guard let first = tensors.first else {
            throw EmberError(.invalidArgument, op: "stack", "stack expects a non-empty TensorList")
        }
        for (i, t) in tensors.enumerated() where t.shape != first.shape {
            throw EmberError(.shapeMismatch, op: "stack",
                "stack expects each tensor to be equal size, but got \(first.shape) at entry 0 and \(t.shape) at entry \(i)")
        }
        let dim = try checkedDim(try args.int(1), rank: first.rank + 1, op: "stack")
        var shape = first.shape
        shape.insert(tensors.count, at: dim)
        let out = Tensor(empty: shape, dtype: first.dtype)
        let dst = Indexing.Elements<T>(out)
        let sliceStrides = Indexing.removing(dim, out.strides)
        for (i, t) in tensors.enumerated() {
            Indexing.copy(shape: t.shape, to: dst.advanced(by: i * out.strides[dim]), sliceStrides,
                          from: Indexing.Elements<T>(t), t.strides)
        }
        return [.tensor(out)]
    }
}

extension Tensor {
    private static let stackOp = Dispatcher.shared.handle("stack")

    /// Stacks equally shaped `tensors` along a new dimension `dim` (`torch.stack`); the result
    /// has one more dimension than the inputs. Inputs are promoted to their common dtype.
    ///
    /// - Complexity: O(total elements).
    public static func stack(_ tensors: [Tensor], dim: Int = 0) -> Tensor {
        Dispatcher.shared.callForTensor(stackOp, [.tensors(tensors), .int(dim)])
    }
}
