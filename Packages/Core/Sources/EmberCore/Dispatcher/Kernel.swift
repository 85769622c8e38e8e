/// A backend kernel or composite implementation: boxed arguments in schema order, boxed
/// results out. Kernels throw ``EmberError`` for invalid shapes, dims and values.
public typealias Kernel = @Sendable (_ args: Arguments) throws -> [IValue]

/// A functionality-layer kernel (autograd, tracing): it sees the call, may do work around
/// it, and continues below itself with `next`.
public typealias LayerKernel = @Sendable (_ op: OperatorHandle, _ args: Arguments, _ next: Redispatch) throws -> [IValue]

/// Sample inputs an operator declares for the conformance suites: for a dtype, a list of
/// complete argument lists (tensors included). Returns an empty list for unsupported dtypes.
public typealias SampleInputs = @Sendable (_ dtype: DType) -> [[IValue]]

/// A resolved operator: a cheap index into the dispatcher's tables. Resolve a name once
/// (`static let`) and call through the handle.
public struct OperatorHandle: Hashable, Sendable {
    /// The operator's position in the dispatcher's table.
    public let index: Int
    @usableFromInline init(index: Int) { self.index = index }
}

/// Continues a call below the layer that received it.
public struct Redispatch: Sendable {
    let dispatcher: Dispatcher
    let op: OperatorHandle
    let remaining: DispatchKeySet
    let handled: DispatchKeySet

    /// Runs the operator with `args` through the layers below the current one and the
    /// backend kernel. Operators called meanwhile skip the current layer and those above it.
    public func callAsFunction(_ args: [IValue]) throws -> [IValue] {
        try DispatchKeySet.excluding(handled) {
            try dispatcher.dispatch(op, args, layers: remaining)
        }
    }
}
