import EmberAutograd
import EmberCore

/// A reference cell holding one of a module's tensors (a parameter or a buffer).
///
/// Property wrappers store their tensor here, so reflection can read and replace it: the
/// cell is shared between the wrapper and whoever walks the module tree.
public final class TensorSlot: @unchecked Sendable {
    /// The tensor, or `nil` for an absent optional tensor (a `Linear` without bias).
    public var tensor: Tensor?
    /// The state-dict name given explicitly; otherwise the property's name in snake_case.
    public let name: String?
    /// Whether a buffer goes into ``Module/stateDict()`` (parameters always do).
    public let persistent: Bool

    init(_ tensor: Tensor?, name: String?, persistent: Bool = true) {
        self.tensor = tensor
        self.name = name
        self.persistent = persistent
    }
}

/// A value a ``Parameter`` or ``Buffer`` can wrap: a `Tensor`, or an optional one.
public protocol TensorSlotValue {
    /// The wrapped tensor, if any.
    var slotTensor: Tensor? { get }
    /// Rebuilds the value from a slot's content.
    static func fromSlot(_ tensor: Tensor?) -> Self
}

extension Tensor: TensorSlotValue {
    /// The tensor itself.
    public var slotTensor: Tensor? { self }
    /// The slot's tensor; a required parameter is never absent.
    public static func fromSlot(_ tensor: Tensor?) -> Tensor {
        guard let tensor else { preconditionFailure("a required module tensor was removed") }
        return tensor
    }
}

extension Optional: TensorSlotValue where Wrapped == Tensor {
    /// The tensor, or `nil`.
    public var slotTensor: Tensor? { self }
    /// The slot's content as is.
    public static func fromSlot(_ tensor: Tensor?) -> Tensor? { tensor }
}

/// A wrapper whose storage ``Module`` reflection finds.
protocol ModuleTensorWrapper {
    var slot: TensorSlot { get }
    var isParameter: Bool { get }
}

/// Marks a stored property of a ``Module`` as a learnable parameter (`nn.Parameter`).
///
/// The tensor is made a leaf that requires grad. Its state-dict name is the property name in
/// snake_case (`inProjWeight` → `in_proj_weight`) unless `name:` says otherwise.
/// ```swift
/// @Parameter var weight: Tensor
/// @Parameter var bias: Tensor?
/// ```
@propertyWrapper
public struct Parameter<Value: TensorSlotValue>: ModuleTensorWrapper {
    let slot: TensorSlot
    var isParameter: Bool { true }

    /// Wraps `wrappedValue`, detached and requiring grad.
    public init(wrappedValue: Value, name: String? = nil) {
        slot = TensorSlot(Parameter.leaf(wrappedValue.slotTensor), name: name)
    }

    /// The parameter; assigning stores a detached leaf that requires grad.
    public var wrappedValue: Value {
        get { Value.fromSlot(slot.tensor) }
        nonmutating set { slot.tensor = Parameter.leaf(newValue.slotTensor) }
    }

    static func leaf(_ tensor: Tensor?) -> Tensor? {
        guard let tensor else { return nil }
        if tensor.isLeaf && tensor.requiresGrad { return tensor }
        let leaf = tensor.detach()
        if leaf.dtype.isFloatingPoint { leaf.requiresGrad = true }
        return leaf
    }
}

/// Marks a stored property of a ``Module`` as a buffer: state that is not learned, such as
/// BatchNorm's running statistics (`register_buffer`). Persistent buffers go into the state dict.
@propertyWrapper
public struct Buffer<Value: TensorSlotValue>: ModuleTensorWrapper {
    let slot: TensorSlot
    var isParameter: Bool { false }

    /// Wraps `wrappedValue`; `persistent: false` keeps it out of the state dict.
    public init(wrappedValue: Value, name: String? = nil, persistent: Bool = true) {
        slot = TensorSlot(wrappedValue.slotTensor, name: name, persistent: persistent)
    }

    /// The buffer's tensor.
    public var wrappedValue: Value {
        get { Value.fromSlot(slot.tensor) }
        nonmutating set { slot.tensor = newValue.slotTensor }
    }
}
