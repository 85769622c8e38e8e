import EmberCore

/// Optimizers in a ``Checkpoint``: a section holding the optimizer's state dict in its flat
/// form (``OptimizerStateDict/flattened()``): tensors `state.<index>.<entry>` and metadata
/// `param_groups.<group>.<option>` in Python's spelling, plus `class` (the optimizer's name).
/// In the file they read `optimizer.state.0.exp_avg`, `optimizer.param_groups.0.lr`, ...
extension Checkpoint {
    /// Adds (or replaces) section `section` with `optimizer`'s state. Buffers share storage
    /// with the optimizer's until the checkpoint is saved.
    public mutating func addOptimizer(_ optimizer: Optimizer, as section: String = "optimizer") {
        let (tensors, metadata) = optimizer.stateDict().flattened()
        var text = metadata
        text["class"] = optimizer.name
        self[section: section] = Section(tensors: NamedTensors(sortingByName: tensors), metadata: text)
    }

    /// The optimizer state stored in section `section`.
    ///
    /// - Throws: ``CheckpointError`` (`missingSection`), or `EmberError` (`invalidState`) for
    ///   entries that are not of the flat form.
    public func optimizerStateDict(section: String = "optimizer") throws -> OptimizerStateDict {
        let part = try self.section(section)
        var tensors: [String: Tensor] = [:]
        for (name, tensor) in part.tensors { tensors[name] = tensor }
        return try OptimizerStateDict(tensors: tensors, metadata: part.metadata)
    }

    /// Loads section `section` into `optimizer` with ``Optimizer/loadStateDict(_:)``: its
    /// groups' hyperparameters and each parameter's state (buffers cast to the parameter's
    /// dtype). The optimizer must be built over the same parameters, in the same groups.
    ///
    /// - Throws: ``CheckpointError`` (`missingSection`), or `EmberError` (`invalidState`) when
    ///   the state does not fit the optimizer.
    public func restoreOptimizer(_ optimizer: Optimizer, from section: String = "optimizer") throws {
        try optimizer.loadStateDict(optimizerStateDict(section: section))
    }
}
