import EmberAutograd
import EmberCore

/// Walking the module tree: parameters, buffers and modules with PyTorch's dotted names.
extension Module {
    /// The direct children (`children()`).
    public func children() -> [Module] { directChildren().map(\.module) }

    /// The direct children with their names (`named_children()`).
    public func namedChildren() -> [(name: String, module: Module)] { directChildren() }

    /// This module and every descendant, depth first, each once (`modules()`).
    public func modules() -> [Module] { namedModules().map(\.module) }

    /// This module (named `prefix`) and every descendant with its dotted name
    /// (`named_modules()`): `""`, `"0"`, `"features.3"`... A module reachable twice is listed once.
    public func namedModules(prefix: String = "") -> [(name: String, module: Module)] {
        var seen = Set<ObjectIdentifier>()
        var out: [(name: String, module: Module)] = []
        var stack: [(String, Module)] = [(prefix, self)]
        while let (name, module) = stack.popLast() {
            guard seen.insert(ObjectIdentifier(module)).inserted else { continue }
            out.append((name, module))
            for child in module.directChildren().reversed() {
                stack.append((name.isEmpty ? child.name : name + "." + child.name, child.module))
            }
        }
        return out
    }

    /// Every parameter, each once (`parameters()`); `recurse: false` gives this module's own.
    public func parameters(recurse: Bool = true) -> [Tensor] {
        namedParameters(recurse: recurse).map(\.tensor)
    }

    /// Every parameter with its dotted name (`named_parameters()`): `"0.weight"`, `"features.3.bias"`.
    /// A tensor shared by two modules is listed once, under its first name.
    public func namedParameters(prefix: String = "", recurse: Bool = true) -> [(name: String, tensor: Tensor)] {
        namedTensors(prefix: prefix, recurse: recurse) { $0.isParameter }
    }

    /// Every buffer (`buffers()`).
    public func buffers(recurse: Bool = true) -> [Tensor] { namedBuffers(recurse: recurse).map(\.tensor) }

    /// Every buffer with its dotted name (`named_buffers()`).
    public func namedBuffers(prefix: String = "", recurse: Bool = true) -> [(name: String, tensor: Tensor)] {
        namedTensors(prefix: prefix, recurse: recurse) { !$0.isParameter }
    }

    func namedTensors(prefix: String, recurse: Bool,
                      where include: ((name: String, slot: TensorSlot, isParameter: Bool)) -> Bool)
        -> [(name: String, tensor: Tensor)]
    {
        let modules = recurse ? namedModules(prefix: prefix) : [(prefix, self)]
        var seen = Set<ObjectIdentifier>()
        var out: [(name: String, tensor: Tensor)] = []
        for (path, module) in modules {
            for entry in module.directSlots() where include(entry) {
                guard let t = entry.slot.tensor, seen.insert(ObjectIdentifier(t)).inserted else { continue }
                out.append((path.isEmpty ? entry.name : path + "." + entry.name, t))
            }
        }
        return out
    }

    /// Calls `body` on every descendant, children before parents, then on this module (`apply`).
    @discardableResult
    public func apply(_ body: (Module) throws -> Void) rethrows -> Self {
        for child in children() { try child.apply(body) }
        try body(self)
        return self
    }

    /// Sets training mode on this module and every descendant (`train(mode)`); dropout and
    /// batch normalisation behave differently in training and evaluation.
    @discardableResult
    public func train(_ mode: Bool = true) -> Self {
        for module in modules() { module.training = mode }
        return self
    }

    /// Sets evaluation mode: `train(false)`.
    @discardableResult
    public func eval() -> Self { train(false) }

    /// Clears the gradients of every parameter (`zero_grad`): drops them by default, or fills
    /// them with zeros when `setToNone` is false.
    public func zeroGrad(setToNone: Bool = true) {
        for p in parameters() {
            guard let g = p.grad else { continue }
            if setToNone {
                p.grad = nil
            } else {
                noGrad { _ = g.detach().zero_() }
            }
        }
    }

    /// Sets `requiresGrad` on every parameter (`requires_grad_`): `false` freezes the module.
    @discardableResult
    public func requiresGrad_(_ flag: Bool = true) -> Self {
        for p in parameters() { p.requiresGrad = flag }
        return self
    }

    /// Converts every floating-point parameter and buffer to `dtype` (`module.to(dtype)`).
    /// Parameters are replaced by new leaves: build optimizers after converting.
    @discardableResult
    public func to(dtype: DType) -> Self {
        precondition(dtype.isFloatingPoint, "nn.Module.to only accepts floating point dtypes, but got desired dtype=\(dtype)")
        for module in modules() {
            for entry in module.directSlots() {
                guard let t = entry.slot.tensor, t.dtype.isFloatingPoint, t.dtype != dtype else { continue }
                let converted = noGrad { t.detach().to(dtype) }
                if entry.isParameter {
                    let requires = t.requiresGrad
                    entry.slot.tensor = converted
                    converted.requiresGrad = requires
                } else {
                    entry.slot.tensor = converted
                }
            }
        }
        return self
    }
}
