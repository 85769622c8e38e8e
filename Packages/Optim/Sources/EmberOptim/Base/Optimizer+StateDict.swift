import EmberCore

extension Optimizer {
    /// The state in PyTorch's structure (`optimizer.state_dict()`). Buffers are the live
    /// tensors, not copies; `step` and other scalars are new 0-d float32 tensors.
    public func stateDict() -> OptimizerStateDict {
        var entries: [Int: [String: Tensor]] = [:]
        var groups: [OptimizerStateDict.Group] = []
        var index = 0
        for group in paramGroups {
            var ids: [Int] = []
            for p in group.params {
                if let s = state[ObjectIdentifier(p)] { entries[index] = flatten(s) }
                ids.append(index)
                index += 1
            }
            groups.append(.init(options: group.options, params: ids))
        }
        return OptimizerStateDict(state: entries, paramGroups: groups)
    }

    func flatten(_ s: ParamState) -> [String: Tensor] {
        var d: [String: Tensor] = [:]
        if countsSteps { d["step"] = Tensor(scalar: Float(s.step)) }
        for (name, value) in zip(scalarNames, s.scalars) { d[name] = Tensor(scalar: Float(value)) }
        for (name, t) in zip(stateNames, s.buffers) { if let t { d[name] = t } }
        return d
    }

    /// Replaces the groups' hyperparameters and the per-parameter state with `dict`'s
    /// (`optimizer.load_state_dict`). Buffers are copied and cast to their parameter's dtype.
    ///
    /// - Throws: if the numbers of groups or of parameters per group differ, a state entry
    ///   is unknown to this optimizer, or a buffer's shape differs from its parameter's.
    public func loadStateDict(_ dict: OptimizerStateDict) throws {
        let op = "\(name).load_state_dict"
        guard dict.paramGroups.count == paramGroups.count else {
            throw OptimError.state(op, "loaded state dict has a different number of parameter groups "
                + "(\(dict.paramGroups.count) vs \(paramGroups.count))")
        }
        for (saved, own) in zip(dict.paramGroups, paramGroups) where saved.params.count != own.params.count {
            throw OptimError.state(op, "loaded state dict contains a parameter group that doesn't match the size "
                + "of optimizer's group (\(saved.params.count) vs \(own.params.count) parameters)")
        }
        var params: [Int: Tensor] = [:]
        for (saved, own) in zip(dict.paramGroups, paramGroups) {
            for (i, p) in zip(saved.params, own.params) { params[i] = p }
        }
        var newState: [ObjectIdentifier: ParamState] = [:]
        for (i, entries) in dict.state {
            guard let p = params[i] else {
                throw OptimError.state(op, "loaded state dict has state for parameter \(i), which no group lists")
            }
            newState[ObjectIdentifier(p)] = try paramState(entries, for: p, index: i, op: op)
        }
        for (g, saved) in dict.paramGroups.enumerated() { paramGroups[g].options = saved.options }
        state = newState
    }

    func paramState(_ entries: [String: Tensor], for p: Tensor, index i: Int, op: String) throws -> ParamState {
        let s = ParamState(buffers: stateNames.count, scalars: [Double](repeating: 0, count: scalarNames.count))
        for (name, t) in entries {
            if name == "step" && countsSteps {
                s.step = try scalar(t, "state.\(i).step", op: op)
            } else if let k = scalarNames.firstIndex(of: name) {
                s.scalars[k] = try scalar(t, "state.\(i).\(name)", op: op)
            } else if let k = stateNames.firstIndex(of: name) {
                guard t.shape == p.shape else {
                    throw OptimError.state(op, "state.\(i).\(name) has shape \(t.shape) but parameter \(i) has shape \(p.shape)")
                }
                s.buffers[k] = t.dtype == p.dtype ? t.contiguous().clone() : t.to(dtype: p.dtype).contiguous()
            } else {
                throw OptimError.state(op, "unexpected state entry 'state.\(i).\(name)' for \(name == "step" ? "an optimizer without steps" : self.name)")
            }
        }
        return s
    }

    func scalar(_ t: Tensor, _ key: String, op: String) throws -> Double {
        guard t.count == 1 else { throw OptimError.state(op, "\(key) should hold one number, got shape \(t.shape)") }
        return t.item().doubleValue
    }
}
