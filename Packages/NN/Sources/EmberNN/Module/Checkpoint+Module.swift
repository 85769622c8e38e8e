import EmberCore

/// Models in a ``Checkpoint``: a section holding the module's state dict, its tensors named
/// as in `state_dict()` (stored in the file as `model.0.weight`, ...).
extension Checkpoint {
    /// Adds (or replaces) section `section` with `module`'s state dict. The tensors share
    /// storage with the module's until the checkpoint is saved, as PyTorch's `state_dict()`
    /// does: save before training on, or the file holds the newer values.
    public mutating func addModel(_ module: Module, as section: String = "model") {
        self[section: section] = Section(tensors: module.stateDict().namedTensors)
    }

    /// The state dict stored in section `section`.
    ///
    /// - Throws: ``CheckpointError`` (`missingSection`) when there is no such section.
    public func stateDict(section: String = "model") throws -> StateDict {
        StateDict(try self.section(section).tensors)
    }

    /// Loads section `section` into `module` with ``Module/loadStateDict(_:strict:)``.
    ///
    /// - Throws: ``CheckpointError`` (`missingSection`), or ``StateDictError`` when the state
    ///   dict does not fit (nothing is copied then).
    @discardableResult
    public func restoreModel(_ module: Module, from section: String = "model", strict: Bool = true) throws -> IncompatibleKeys {
        try module.loadStateDict(stateDict(section: section), strict: strict)
    }
}
