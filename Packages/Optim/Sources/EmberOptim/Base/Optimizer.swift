import EmberAutograd
import EmberCore

/// The base of every optimizer (PyTorch's `torch.optim.Optimizer`): parameter groups with
/// per-group hyperparameters, per-parameter state, `zeroGrad`, `step` and state dicts.
///
/// A subclass declares its defaults and state layout in `init` and implements
/// ``update(group:)``, which runs under ``noGrad(_:)`` and writes the parameters in place.
/// Like PyTorch's, an optimizer is not synchronised: use it from one thread at a time.
open class Optimizer: @unchecked Sendable {
    /// The optimizer's name in messages (`SGD`, `Adam`).
    public let name: String
    /// The hyperparameters a group takes when it does not give its own (`optimizer.defaults`).
    public let defaults: [String: OptimValue]
    /// The parameter groups (`optimizer.param_groups`); schedulers change their `lr`.
    public var paramGroups: [ParamGroup] = []
    /// The names of the tensor state entries, in slot order (`["exp_avg", "exp_avg_sq"]`).
    public let stateNames: [String]
    /// The names of scalar state entries besides `step` (`["mu_product"]`), in slot order.
    public let scalarNames: [String]
    /// Whether the state counts steps (`state["step"]`); SGD's does not.
    public let countsSteps: Bool
    /// The state of each parameter that has one, keyed by the parameter's identity.
    public var state: [ObjectIdentifier: ParamState] = [:]

    /// Creates an optimizer over `groups`, each completed with `defaults`.
    ///
    /// - Throws: PyTorch's errors for an empty list, a parameter in two groups, a non-leaf.
    public init(
        name: String, groups: [ParamGroup], defaults: [String: OptimValue],
        stateNames: [String], scalarNames: [String] = [], countsSteps: Bool = true
    ) throws {
        self.name = name
        self.defaults = defaults
        self.stateNames = stateNames
        self.scalarNames = scalarNames
        self.countsSteps = countsSteps
        guard !groups.isEmpty else {
            throw OptimError.invalid(name, "optimizer got an empty parameter list")
        }
        for g in groups { try addParamGroup(g) }
    }

    /// Adds a group (`optimizer.add_param_group`); its missing options take the defaults.
    ///
    /// - Throws: if a parameter is already optimized or is not a leaf tensor.
    public func addParamGroup(_ group: ParamGroup) throws {
        var g = group
        for (k, v) in defaults where g.options[k] == nil { g.options[k] = v }
        var seen = Set<ObjectIdentifier>()
        for p in g.params {
            guard p.isLeaf else { throw OptimError.invalid(name, "can't optimize a non-leaf Tensor") }
            guard seen.insert(ObjectIdentifier(p)).inserted else {
                throw OptimError.invalid(name, "optimizer contains a parameter group with duplicate parameters")
            }
        }
        for other in paramGroups where other.params.contains(where: { seen.contains(ObjectIdentifier($0)) }) {
            throw OptimError.invalid(name, "some parameters appear in more than one parameter group")
        }
        paramGroups.append(g)
    }

    /// Resets the gradients of every parameter (`optimizer.zero_grad`): to `nil` by default,
    /// or, with `setToNone: false`, to zeros in place, detached from any graph.
    public func zeroGrad(setToNone: Bool = true) {
        for group in paramGroups {
            for p in group.params {
                guard let g = p.grad else { continue }
                if setToNone {
                    p.grad = nil
                } else {
                    // As PyTorch: a gradient with history is detached, a leaf one stops requiring grad.
                    let plain = g.gradFn == nil ? g : g.detach()
                    if plain.requiresGrad { _ = try? plain.requiresGrad_(false) }
                    noGrad { zeroInPlace(plain) }
                    p.grad = plain
                }
            }
        }
    }

    /// Updates every parameter that has a gradient, in place and without recording a graph
    /// (`optimizer.step()`).
    public func step() throws {
        try noGrad {
            for group in paramGroups { try update(group: group) }
        }
    }

    /// Evaluates `closure` with gradients enabled (it should zero the gradients, compute the
    /// loss and call `backward`), then steps; returns the loss (`optimizer.step(closure)`).
    @discardableResult
    public func step(closure: () throws -> Tensor) throws -> Tensor {
        let loss = try enableGrad(closure)
        try step()
        return loss
    }

    /// Applies one update to the parameters of `group` that have a gradient. Called under
    /// `noGrad`; subclasses override it.
    open func update(group: ParamGroup) throws {
        throw OptimError.invalid(name, "update(group:) is not implemented")
    }

    /// The state of `p`, created with ``makeState(for:group:)`` on first use.
    public func state(for p: Tensor, group: ParamGroup) throws -> ParamState {
        let id = ObjectIdentifier(p)
        if let s = state[id] { return s }
        let s = try makeState(for: p, group: group)
        state[id] = s
        return s
    }

    /// The initial state of `p`: empty slots by default; subclasses allocate their buffers.
    open func makeState(for p: Tensor, group: ParamGroup) throws -> ParamState {
        ParamState(buffers: stateNames.count, scalars: [Double](repeating: 0, count: scalarNames.count))
    }

    /// Every parameter in group order: the index a state dict uses for each.
    public var allParams: [Tensor] { paramGroups.flatMap(\.params) }
}

/// Writes zeros into `t` and bumps its version.
func zeroInPlace(_ t: Tensor) {
    t.copy_(Tensor.zeros(t.shape, dtype: t.dtype))
}
