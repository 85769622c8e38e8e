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

/// A registered backend kernel, owned by the registry for the life of the process.
public final class KernelBox: Sendable {
    /// The kernel.
    public let kernel: Kernel
    init(_ kernel: @escaping Kernel) { self.kernel = kernel }
}

/// A backend kernel as the lookup table hands it out: an unowned reference, so resolving
/// one costs no reference counting. Kernels are never freed once registered (a later
/// registration replaces one in the table but keeps it alive), so a handle stays valid.
public struct KernelHandle: Sendable {
    @usableFromInline let box: Unmanaged<KernelBox>
    init(_ box: KernelBox) { self.box = Unmanaged.passUnretained(box) }

    /// Runs the kernel.
    @inlinable public func callAsFunction(_ args: Arguments) throws -> [IValue] {
        try box._withUnsafeGuaranteedRef { try $0.kernel(args) }
    }
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
