import EmberCore

/// An optimizer's state in PyTorch's structure: per-parameter state keyed by the
/// parameter's index across all groups, and each group's hyperparameters with the indices
/// of its parameters.
///
/// ``flattened()`` turns it into named tensors (`state.0.exp_avg`, `state.0.step`) and text
/// metadata (`param_groups.0.lr`, `param_groups.0.params`), ready for a safetensors file;
/// ``init(tensors:metadata:)`` reads that form back.
public struct OptimizerStateDict: Sendable {
    /// One group's hyperparameters and the indices of its parameters.
    public struct Group: Sendable, Equatable {
        /// The hyperparameters (`lr`, `betas`, ... and scheduler entries such as `initial_lr`).
        public var options: [String: OptimValue]
        /// The indices of the group's parameters across all groups.
        public var params: [Int]

        /// A group record.
        public init(options: [String: OptimValue], params: [Int]) {
            self.options = options
            self.params = params
        }
    }

    /// The state of each parameter that has one: entry name → tensor (`step` is a 0-d float32).
    public var state: [Int: [String: Tensor]]
    /// The groups, in order.
    public var paramGroups: [Group]

    /// A state dict from its parts.
    public init(state: [Int: [String: Tensor]], paramGroups: [Group]) {
        self.state = state
        self.paramGroups = paramGroups
    }

    /// The flat form: tensors named `state.<index>.<entry>` and metadata entries
    /// `param_groups.<g>.<option>` (Python's spelling of the value) and `param_groups.<g>.params`.
    public func flattened() -> (tensors: [String: Tensor], metadata: [String: String]) {
        var tensors: [String: Tensor] = [:]
        for (i, entries) in state {
            for (name, t) in entries { tensors["state.\(i).\(name)"] = t }
        }
        var metadata: [String: String] = [:]
        for (g, group) in paramGroups.enumerated() {
            for (k, v) in group.options { metadata["param_groups.\(g).\(k)"] = v.description }
            metadata["param_groups.\(g).params"] = "[" + group.params.map(String.init).joined(separator: ", ") + "]"
        }
        return (tensors, metadata)
    }

    /// Reads the flat form written by ``flattened()``.
    ///
    /// - Throws: for a key of another form, an unreadable value, or a group without `params`.
    public init(tensors: [String: Tensor], metadata: [String: String]) throws {
        var state: [Int: [String: Tensor]] = [:]
        for (key, t) in tensors {
            let parts = key.split(separator: ".", maxSplits: 2)
            guard parts.count == 3, parts[0] == "state", let i = Int(parts[1]) else {
                throw OptimError.state("load_state_dict", "unexpected tensor key '\(key)' (expected state.<index>.<name>)")
            }
            state[i, default: [:]][String(parts[2])] = t
        }
        var groups: [Int: Group] = [:]
        for (key, text) in metadata {
            let parts = key.split(separator: ".", maxSplits: 2)
            guard parts.count == 3, parts[0] == "param_groups", let g = Int(parts[1]) else { continue }
            var group = groups[g] ?? Group(options: [:], params: [])
            if parts[2] == "params" {
                group.params = try Self.indices(text, key)
            } else {
                guard let v = OptimValue(parsing: text) else {
                    throw OptimError.state("load_state_dict", "cannot read '\(text)' for '\(key)'")
                }
                group.options[String(parts[2])] = v
            }
            groups[g] = group
        }
        guard groups.keys.sorted() == Array(0..<groups.count) else {
            throw OptimError.state("load_state_dict", "param_groups are not numbered 0..<\(groups.count)")
        }
        self.init(state: state, paramGroups: (0..<groups.count).map { groups[$0]! })
    }

    static func indices(_ text: String, _ key: String) throws -> [Int] {
        let inner = text.trimmingCharacters(in: " ").dropFirst().dropLast()
        if inner.allSatisfy({ $0 == " " }) { return [] }
        return try inner.split(separator: ",").map {
            guard let i = Int(String($0).trimmingCharacters(in: " ")) else {
                throw OptimError.state("load_state_dict", "cannot read '\(text)' for '\(key)'")
            }
            return i
        }
    }
}
