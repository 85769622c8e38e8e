import EmberCore

extension Tensor {
    /// Whether gradients are computed for this tensor (`tensor.requires_grad`). Setting it
    /// on an integer tensor or a non-leaf stops with PyTorch's message; use
    /// ``requiresGrad_(_:)`` to get the error thrown instead.
    public var requiresGrad: Bool {
        get { _requiresGrad }
        set {
            do { try requiresGrad_(newValue) } catch { preconditionFailure("\(error)") }
        }
    }

    /// Sets whether this leaf requires grad and returns it (`tensor.requires_grad_()`).
    @discardableResult
    public func requiresGrad_(_ flag: Bool = true) throws -> Tensor {
        Autograd.ensureInstalled()
        if flag && !dtype.isFloatingPoint {
            throw AutogradError.error("only Tensors of floating point dtype can require gradients")
        }
        if let m = meta {
            if m.gradFn != nil {
                if flag { return self }
                throw AutogradError.error("you can only change requires_grad flags of leaf variables. If you want to use a "
                    + "computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().")
            }
            m.requiresGrad = flag
            if flag {
                layerKeys.insert(.autograd)
                m.makeAccumulator()
            }
        } else if flag {
            let m = AutogradMeta(requiresGrad: true)
            m.makeAccumulator()
            attach(m)
        }
        return self
    }

    /// The gradient accumulated by backward (`tensor.grad`).
    public var grad: Tensor? {
        get { meta?.grad }
        set {
            if let m = meta { m.grad = newValue } else if let newValue {
                let m = AutogradMeta(requiresGrad: false)
                m.grad = newValue
                autogradMeta = m
            }
        }
    }

    /// The backward node that produced this tensor (`tensor.grad_fn`); `nil` for leaves.
    public var gradFn: Node? { currentMeta?.gradFn }

    /// Whether this tensor is a leaf of the graph (`tensor.is_leaf`).
    public var isLeaf: Bool { currentMeta?.gradFn == nil }

    /// Which output of ``gradFn`` this tensor is (`tensor.output_nr`).
    public var outputNr: Int { currentMeta?.outputNr ?? 0 }

    /// Makes a non-leaf keep its gradient in ``grad`` (`tensor.retain_grad()`).
    public func retainGrad() throws {
        guard let m = currentMeta, m.requiresGrad else {
            throw AutogradError.error("can't retain_grad on Tensor that has requires_grad=False")
        }
        guard let fn = m.gradFn, !m.retainsGrad else { return }
        m.retainsGrad = true
        let nr = m.outputNr
        fn.preHooks.append((nr, { [weak m] g in
            guard let m else { return nil }
            let incoming = g.detach()
            m.grad = m.grad.map { old in DispatchKeySet.excluding(.autograd) { old.add(incoming) } } ?? incoming
            return nil
        }))
    }

    /// Registers a hook on this tensor's gradient: it may return a replacement
    /// (`tensor.register_hook`).
    public func registerHook(_ hook: @escaping @Sendable (Tensor) -> Tensor?) throws {
        guard let m = currentMeta, m.requiresGrad else {
            throw AutogradError.error("cannot register a hook on a tensor that doesn't require gradient")
        }
        if let fn = m.gradFn { fn.preHooks.append((m.outputNr, hook)) } else { m.hooks.append(hook) }
    }

    /// A tensor sharing this one's elements (and version counter) outside the graph
    /// (`tensor.detach()`).
    public func detach() -> Tensor { plainAlias() }

    /// Computes the gradient of this tensor with respect to the graph leaves and
    /// accumulates it into their ``grad`` (`tensor.backward()`).
    ///
    /// - Parameters:
    ///   - gradient: the gradient of this tensor; may be omitted for a one-element tensor.
    ///   - retainGraph: keep saved tensors for another backward (defaults to `createGraph`).
    ///   - createGraph: record the backward computation, for higher-order derivatives.
    public func backward(gradient: Tensor? = nil, retainGraph: Bool? = nil, createGraph: Bool = false) throws {
        let seed = try Autograd.seedGradient(for: self, gradient, index: 0)
        guard let edge = gradientEdge() else {
            throw AutogradError.error("element 0 of tensors does not require grad and does not have a grad_fn")
        }
        _ = try Engine.run(roots: [(edge, seed)], captures: nil, keepGraph: retainGraph ?? createGraph, createGraph: createGraph)
    }
}

extension Autograd {
    /// The gradient of `outputs` with respect to `inputs` (`torch.autograd.grad`), without
    /// touching any `.grad`. Entries are `nil` only for unused inputs with `allowUnused`.
    public static func grad(
        outputs: [Tensor], inputs: [Tensor], gradOutputs: [Tensor?]? = nil, retainGraph: Bool? = nil,
        createGraph: Bool = false, allowUnused: Bool = false
    ) throws -> [Tensor?] {
        var roots: [(Edge, Tensor)] = []
        for (i, out) in outputs.enumerated() {
            let seed = try seedGradient(for: out, gradOutputs?[i] ?? nil, index: i)
            guard let edge = out.gradientEdge() else {
                throw AutogradError.error("element \(i) of tensors does not require grad and does not have a grad_fn")
            }
            roots.append((edge, seed))
        }
        let captures = try inputs.map { t -> Edge in
            guard let e = t.gradientEdge() else {
                throw AutogradError.error("One of the differentiated Tensors does not require grad")
            }
            return e
        }
        let result = try Engine.run(roots: roots, captures: captures, keepGraph: retainGraph ?? createGraph, createGraph: createGraph)
        if !allowUnused, result.contains(where: { $0 == nil }) {
            throw AutogradError.error("One of the differentiated Tensors appears to not have been used in the graph. "
                + "Set allow_unused=True if this is the desired behavior.")
        }
        return result
    }

    /// The gradient to start backward from: the given one, or ones for a one-element output.
    static func seedGradient(for output: Tensor, _ gradient: Tensor?, index: Int) throws -> Tensor {
        if let gradient {
            guard gradient.shape == output.shape else {
                throw AutogradError.error("Mismatch in shape: grad_output[\(index)] has a shape of \(gradient.shape) "
                    + "and output[\(index)] has a shape of \(output.shape).")
            }
            return gradient
        }
        guard output.count == 1 else { throw AutogradError.error("grad can be implicitly created only for scalar outputs") }
        return full(output.shape, 1, dtype: output.dtype).contiguous()
    }
}
