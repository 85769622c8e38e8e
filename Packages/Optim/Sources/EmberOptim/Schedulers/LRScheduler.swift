/// The base of the epoch-driven learning-rate schedulers (`torch.optim.lr_scheduler.LRScheduler`).
///
/// Creating a scheduler records each group's `initial_lr` (if absent) as its base rate and
/// takes the initial step (epoch 0). Each ``step()`` advances ``lastEpoch`` and writes the
/// new rates into the optimizer's groups. Subclasses compute the rates in ``computeLR()``,
/// PyTorch's chainable `get_lr` (usually from the groups' current `lr`), and may give a
/// closed form used when a ``SequentialLR`` switches to them.
open class LRScheduler: @unchecked Sendable {
    /// The optimizer whose groups' `lr` this scheduler sets.
    public let optimizer: Optimizer
    /// The number of the last epoch stepped (`last_epoch`); 0 after creation.
    public internal(set) var lastEpoch: Int
    /// Each group's `initial_lr` (`base_lrs`).
    public internal(set) var baseLRs: [Double] = []
    /// The rates set by the last step (`get_last_lr()`).
    public internal(set) var lastLR: [Double] = []
    /// How many times ``step()`` ran, the initial step included (`_step_count`).
    public internal(set) var stepCount = 0
    /// Whether the initial step is running (PyTorch's `_is_initial`).
    public internal(set) var isInitial = false

    /// Records the base rates and takes the initial step. Subclasses set their own
    /// properties first, then call this.
    public init(optimizer: Optimizer, lastEpoch: Int = -1) throws {
        self.optimizer = optimizer
        self.lastEpoch = lastEpoch
        if lastEpoch == -1 {
            for i in optimizer.paramGroups.indices where optimizer.paramGroups[i]["initial_lr"] == nil {
                optimizer.paramGroups[i]["initial_lr"] = .double(optimizer.paramGroups[i].lr)
            }
        } else {
            for (i, g) in optimizer.paramGroups.enumerated() where g["initial_lr"] == nil {
                throw OptimError.invalid("LRScheduler",
                    "param 'initial_lr' is not specified in param_groups[\(i)] when resuming scheduler with last_epoch >= 0.")
            }
        }
        baseLRs = try optimizer.paramGroups.map { try $0.double("initial_lr") }
        try initialStep()
    }

    /// A scheduler that only records `optimizer` (for composite schedulers).
    init(wrapping optimizer: Optimizer) {
        self.optimizer = optimizer
        self.lastEpoch = 0
    }

    /// The groups' current rates.
    public var groupLRs: [Double] { optimizer.paramGroups.map(\.lr) }

    /// The initial step: `stepCount` restarts and `computeLR` sees ``isInitial``.
    func initialStep() throws {
        stepCount = 0
        isInitial = true
        defer { isInitial = false }
        try step()
    }

    /// Advances one epoch and sets the groups' rates (`scheduler.step()`); call it after
    /// the optimizer's step.
    open func step() throws {
        stepCount += 1
        try updateLR(epoch: nil)
    }

    /// Sets the rates for the next epoch, or for `epoch` through the closed form when there
    /// is one (PyTorch's `_update_lr`).
    func updateLR(epoch: Int?) throws {
        let values: [Double]
        if let epoch {
            lastEpoch = epoch
            values = try closedFormLR() ?? computeLR()
        } else {
            lastEpoch += 1
            values = try computeLR()
        }
        setGroupLRs(values)
    }

    /// Writes `values` into the groups and records them as ``lastLR``.
    func setGroupLRs(_ values: [Double]) {
        for (i, v) in values.enumerated() where i < optimizer.paramGroups.count { optimizer.paramGroups[i].lr = v }
        lastLR = groupLRs
    }

    /// The rates for ``lastEpoch`` (PyTorch's `get_lr`). Subclasses override it.
    open func computeLR() throws -> [Double] { groupLRs }

    /// The rates for ``lastEpoch`` from a closed form, or `nil` where there is none.
    open func closedFormLR() throws -> [Double]? { nil }

    /// The scheduler's progress under PyTorch's key names, as text (`last_epoch`, `base_lrs`,
    /// `_last_lr`, `_step_count`, and each subclass's own counters).
    open func stateDict() -> [String: String] {
        ["last_epoch": String(lastEpoch), "_step_count": String(stepCount),
         "base_lrs": SchedulerState.list(baseLRs), "_last_lr": SchedulerState.list(lastLR)]
    }

    /// Restores what ``stateDict()`` wrote.
    ///
    /// - Throws: if a key is missing or its value does not parse, or the number of rates
    ///   differs from the number of groups.
    open func loadStateDict(_ state: [String: String]) throws {
        lastEpoch = try SchedulerState.int(state, "last_epoch")
        stepCount = try SchedulerState.int(state, "_step_count")
        let base = try SchedulerState.doubles(state, "base_lrs"), last = try SchedulerState.doubles(state, "_last_lr")
        guard base.count == optimizer.paramGroups.count, last.count == base.count else {
            throw OptimError.state("LRScheduler",
                "loaded state dict has \(base.count) learning rates but the optimizer has \(optimizer.paramGroups.count) param groups")
        }
        baseLRs = base
        lastLR = last
    }
}

/// Reading and writing scheduler state values as text.
enum SchedulerState {
    static func list(_ values: [Double]) -> String { "[" + values.map(py).joined(separator: ", ") + "]" }

    static func value(_ state: [String: String], _ key: String) throws -> String {
        guard let v = state[key] else { throw OptimError.state("LRScheduler", "state dict is missing '\(key)'") }
        return v
    }

    static func int(_ state: [String: String], _ key: String) throws -> Int {
        guard let v = Int(try value(state, key)) else {
            throw OptimError.state("LRScheduler", "state dict entry '\(key)' is not an integer")
        }
        return v
    }

    static func double(_ state: [String: String], _ key: String) throws -> Double {
        guard let v = OptimValue.number(try value(state, key)) else {
            throw OptimError.state("LRScheduler", "state dict entry '\(key)' is not a number")
        }
        return v
    }

    static func doubles(_ state: [String: String], _ key: String) throws -> [Double] {
        let text = try value(state, key).trimmingCharacters(in: " ")
        guard text.hasPrefix("["), text.hasSuffix("]") else {
            throw OptimError.state("LRScheduler", "state dict entry '\(key)' is not a list")
        }
        let inner = text.dropFirst().dropLast()
        if inner.allSatisfy({ $0 == " " }) { return [] }
        return try inner.split(separator: ",").map {
            guard let d = OptimValue.number(String($0)) else {
                throw OptimError.state("LRScheduler", "state dict entry '\(key)' holds a non-number")
            }
            return d
        }
    }
}
