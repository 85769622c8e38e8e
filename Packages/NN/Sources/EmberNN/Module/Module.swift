import EmberAutograd
import EmberCore

/// The base class of every layer and model (`torch.nn.Module`).
///
/// Subclasses declare their state as stored properties and are found by reflection, in
/// declaration order, as PyTorch finds attributes assigned in `__init__`:
/// - `@Parameter var weight: Tensor` — a learnable parameter;
/// - `@Buffer var runningMean: Tensor` — a buffer;
/// - `let fc1 = Linear(4, 8)` — a child module (also `Module?`).
///
/// Names in the state dict and the printed tree are the property names in snake_case
/// (`outProj` → `out_proj`). Arrays and dictionaries of modules are not searched: hold them in
/// a ``ModuleList`` or ``ModuleDict`` (a stored `[Module]` stops with a message saying so).
/// Modules that create state at run time (RNN layers, containers) use ``registerParameter(_:_:)``,
/// ``registerBuffer(_:_:persistent:)`` and ``registerModule(_:_:)``.
///
/// ```swift
/// final class Net: Module {
///     let hidden = Linear(1, 200)
///     let predict = Linear(200, 1)
///     override func forward(_ x: Tensor) -> Tensor { predict(hidden(x).relu()) }
/// }
/// ```
open class Module {
    /// Whether the module is in training mode (`module.training`); see ``train(_:)``.
    public internal(set) var training = true
    /// Parameters and buffers registered by name at run time, in registration order.
    var registeredSlots: [(name: String, slot: TensorSlot, isParameter: Bool)] = []
    /// Child modules registered by name at run time, in registration order.
    var registeredChildren: [(name: String, module: Module?)] = []

    /// Creates a module in training mode.
    public init() {}

    /// The computation of a module with one input and one output. Subclasses override it;
    /// modules with other signatures (``Bilinear``, recurrent layers) offer their own.
    open func forward(_ input: Tensor) -> Tensor {
        preconditionFailure("Module [\(typeName)] is missing the required \"forward\" function")
    }

    /// Runs ``forward(_:)``: `model(x)`.
    public func callAsFunction(_ input: Tensor) -> Tensor { forward(input) }

    /// The extra text shown between the parentheses of this module's line when printed
    /// (`in_features=1, out_features=200, bias=True`).
    open var extraDescription: String { "" }

    /// One `(name): description` entry per child for printing; ``ModuleList`` groups repeats.
    open func childDescriptionLines() -> [String] {
        directChildren().map { "(\($0.name)): " + $0.module.description }
    }

    /// The class name used when printing.
    open var typeName: String { String(describing: type(of: self)) }

    /// Adds a parameter named `name` (`register_parameter`); `nil` records an absent one.
    public func registerParameter(_ name: String, _ tensor: Tensor?) {
        setSlot(name, TensorSlot(Parameter<Tensor?>.leaf(tensor), name: name), isParameter: true)
    }

    /// Adds a buffer named `name` (`register_buffer`).
    public func registerBuffer(_ name: String, _ tensor: Tensor?, persistent: Bool = true) {
        setSlot(name, TensorSlot(tensor, name: name, persistent: persistent), isParameter: false)
    }

    /// Adds a child module named `name` (`add_module` / `register_module`).
    public func registerModule(_ name: String, _ module: Module?) {
        precondition(!name.isEmpty && !name.contains("."), "module name can't be empty or contain \".\", got: \(name)")
        if let i = registeredChildren.firstIndex(where: { $0.name == name }) {
            registeredChildren[i].module = module
        } else {
            registeredChildren.append((name, module))
        }
    }

    private func setSlot(_ name: String, _ slot: TensorSlot, isParameter: Bool) {
        precondition(!name.isEmpty && !name.contains("."), "tensor name can't be empty or contain \".\", got: \(name)")
        if let i = registeredSlots.firstIndex(where: { $0.name == name }) {
            registeredSlots[i] = (name, slot, isParameter)
        } else {
            registeredSlots.append((name, slot, isParameter))
        }
    }

    /// The registered parameter or buffer named `name` on this module (not its children).
    public func registeredTensor(_ name: String) -> Tensor? {
        directSlots().first { $0.name == name }?.slot.tensor
    }
}
