#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Registration of Core's creation operators: `zeros`, `ones`, `full`, `empty`, `arange`,
// `linspace`, `logspace`, `eye` and the `*_like` family. They have no tensor input, so the
// dispatcher selects their kernel by the `dtype` argument (float32 when it is None); one
// kernel serves every dtype and works out the dtype PyTorch would infer (int64 for an
// integer `full` or `arange`).
//
// Swift API (static factories on Tensor), with the PyTorch call each one mirrors:
//   Tensor.zeros(2, 3) / Tensor.zeros([2, 3], dtype:)    torch.zeros(2, 3)
//   Tensor.ones(...), Tensor.empty(...)                   torch.ones, torch.empty
//   Tensor.full([2, 3], 7, dtype:)                        torch.full((2, 3), 7)
//   Tensor.arange(5), Tensor.arange(0, 1, step: 0.1)      torch.arange(5), torch.arange(0, 1, 0.1)
//   Tensor.linspace(-1, 1, steps: 100)                    torch.linspace(-1, 1, 100)
//   Tensor.logspace(0, 3, steps: 4, base: 2)              torch.logspace(0, 3, 4, base=2)
//   Tensor.eye(3), Tensor.eye(2, 4)                       torch.eye(3), torch.eye(2, 4)
//   Tensor.zeros(like: t), .ones(like:), .full(like:_:),  torch.zeros_like(t), ones_like,
//   .empty(like:)                                         full_like, empty_like
extension CoreOperators {
    static func registerCreationOps(_ d: Dispatcher) {
        registerFilled(d)
        registerArange(d)
        registerLinspace(d)
        registerEye(d)
        registerLike(d)
        registerFill(d)
    }

    /// Registers one kernel for `dtypes` on the CPU.
    static func registerCreation(_ d: Dispatcher, _ op: OperatorHandle, dtypes: [DType] = DType.allCases, _ kernel: @escaping Kernel) {
        d.register(op, dtypes: dtypes, package: package, kernel: kernel)
    }
}

/// Throws PyTorch's message for a negative dimension in a requested shape.
func checkCreationShape(_ shape: [Int], op: String) throws {
    if let bad = shape.first(where: { $0 < 0 }) {
        throw EmberError(.invalidArgument, op: op, op == "zeros"
            ? "zeros: Dimension size must be non-negative."
            : "Trying to create tensor with negative dimension \(bad): \(shape)")
    }
}

/// Sets every element of `t` (contiguous) to `value` converted to its dtype with PyTorch's
/// casting rules.
func fillContiguous(_ t: Tensor, with value: Scalar) {
    let count = t.count, size = t.dtype.itemSize
    guard count > 0 else { return }
    let element = castTensor(Tensor(wrapping: value), to: t.dtype)
    let dst = t.dataPointer
    memcpy(dst, element.dataPointer, size)
    var filled = 1
    while filled < count {  // double the filled prefix until the buffer is full
        let n = min(filled, count - filled)
        memcpy(dst + filled * size, dst, n * size)
        filled += n
    }
}

/// A new tensor with `t`'s shape and `dtype` that keeps `t`'s layout when `t` is dense
/// (PyTorch's `memory_format=torch.preserve_format`), contiguous otherwise.
func emptyPreservingLayout(_ t: Tensor, dtype: DType) -> Tensor {
    let order = t.memoryOrderDims
    var expected = 1, dense = true
    for d in order.reversed() where t.shape[d] != 1 {
        if t.strides[d] != expected { dense = false; break }
        expected *= t.shape[d]
    }
    guard dense, !t.isContiguous, t.count > 0 else { return Tensor(empty: t.shape, dtype: dtype) }
    let storage = Storage(byteCount: t.count * dtype.itemSize)
    return Tensor(storage: storage, shape: t.shape, strides: t.strides, dtype: dtype)
}

/// The `IValue` for an optional dtype argument.
func dtypeValue(_ dtype: DType?) -> IValue { dtype.map(IValue.dtype) ?? .none }

/// The `IValue` for an optional generator argument.
func generatorValue(_ generator: Generator?) -> IValue { generator.map(IValue.generator) ?? .none }
