import EmberCore

/// The per-parameter state of an optimizer (an entry of PyTorch's `optimizer.state`).
///
/// Buffers and scalars sit in slots named by the optimizer's ``Optimizer/stateNames`` and
/// ``Optimizer/scalarNames``, so a step finds them without hashing strings.
public final class ParamState: @unchecked Sendable {
    /// The number of steps taken (`state["step"]`), for optimizers that count them.
    public var step: Double = 0
    /// The tensors (`exp_avg`, `momentum_buffer`, ...), one slot per state name; `nil` where
    /// PyTorch keeps no entry (SGD's momentum buffer before the first step).
    public var buffers: [Tensor?]
    /// The scalars PyTorch keeps as 0-d float32 tensors besides `step` (NAdam's `mu_product`).
    public var scalars: [Double]

    /// An empty state with `buffers` slots and the given initial scalars.
    public init(buffers: Int, scalars: [Double] = []) {
        self.buffers = [Tensor?](repeating: nil, count: buffers)
        self.scalars = scalars
    }

    /// The buffer in slot `i`, which must exist.
    @inlinable public func buffer(_ i: Int) -> Tensor { buffers[i]! }
}

/// A contiguous zero tensor shaped and typed like `p` (the optimizers' state buffers).
func zerosBuffer(like p: Tensor) -> Tensor {
    Tensor.zeros(p.shape, dtype: p.dtype)
}

/// A contiguous tensor shaped and typed like `p` filled with `value`.
func filledBuffer(like p: Tensor, _ value: Double) -> Tensor {
    Tensor.full(p.shape, .double(value), dtype: p.dtype)
}
