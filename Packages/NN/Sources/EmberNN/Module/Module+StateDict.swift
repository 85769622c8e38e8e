import EmberAutograd
import EmberCore

/// Saving and restoring a module's parameters and persistent buffers.
extension Module {
    /// Every parameter and persistent buffer by dotted name (`state_dict()`): per module, its
    /// parameters then its buffers, then its children's. Tensors are detached and share
    /// storage with the module's.
    public func stateDict(prefix: String = "") -> StateDict {
        var dict = StateDict()
        for (path, module) in namedModules(prefix: prefix) {
            let slots = module.directSlots()
            for entry in slots.filter(\.isParameter) + slots.filter({ !$0.isParameter && $0.slot.persistent }) {
                guard let t = entry.slot.tensor else { continue }
                dict[path.isEmpty ? entry.name : path + "." + entry.name] = t.detach()
            }
        }
        return dict
    }

    /// Copies `stateDict`'s tensors into this module's parameters and buffers
    /// (`load_state_dict`), converting dtypes. Shapes must match. With `strict` (the default)
    /// missing or unexpected keys are errors; otherwise they are returned.
    ///
    /// - Throws: ``StateDictError`` listing every problem, in PyTorch's wording; nothing is
    ///   copied when it throws.
    @discardableResult
    public func loadStateDict(_ stateDict: StateDict, strict: Bool = true) throws -> IncompatibleKeys {
        let own = self.stateDict()
        var problems: [String] = []
        var copies: [(Tensor, Tensor)] = []
        for (name, target) in own {
            guard let source = stateDict[name] else { continue }
            if source.shape != target.shape {
                problems.append("size mismatch for \(name): copying a param with shape \(Module.sizeText(source.shape)) "
                    + "from checkpoint, the shape in current model is \(Module.sizeText(target.shape)).")
            } else {
                copies.append((target, source))
            }
        }
        let missing = own.keys.filter { stateDict[$0] == nil }
        let unexpected = stateDict.keys.filter { own[$0] == nil }
        if strict {
            if !unexpected.isEmpty {
                problems.insert("Unexpected key(s) in state_dict: " + Module.quoted(unexpected) + ". ", at: 0)
            }
            if !missing.isEmpty {
                problems.insert("Missing key(s) in state_dict: " + Module.quoted(missing) + ". ", at: 0)
            }
        }
        if !problems.isEmpty { throw StateDictError(problems: problems, moduleName: typeName) }
        noGrad {
            for (target, source) in copies { _ = target.copy_(source) }
        }
        return IncompatibleKeys(missingKeys: missing, unexpectedKeys: unexpected)
    }

    static func sizeText(_ shape: [Int]) -> String {
        "torch.Size([" + shape.map(String.init).joined(separator: ", ") + "])"
    }

    static func quoted(_ keys: [String]) -> String {
        keys.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
