/// Reduces the rates by `factor` when a metric stops improving for more than `patience`
/// epochs (`ReduceLROnPlateau`), then waits `cooldown` epochs before counting again.
public final class ReduceLROnPlateau: @unchecked Sendable {
    /// Whether lower (`min`) or higher (`max`) metric values are better.
    public enum Mode: String, Sendable { case min, max }
    /// Whether `threshold` is relative to the best value or absolute.
    public enum ThresholdMode: String, Sendable { case rel, abs }

    /// The optimizer whose rates are reduced.
    public let optimizer: Optimizer
    /// The settings (PyTorch's names).
    public let mode: Mode, factor: Double, patience: Int, threshold: Double, thresholdMode: ThresholdMode
    /// The settings (PyTorch's names).
    public let cooldown: Int, eps: Double
    /// The lowest rate of each group.
    public internal(set) var minLRs: [Double]
    /// The best metric so far, the epochs without improvement, the cooldown left, the epoch.
    public internal(set) var best: Double, numBadEpochs = 0, cooldownCounter = 0, lastEpoch = 0
    /// The rates after the last step.
    public internal(set) var lastLR: [Double]

    /// A plateau scheduler; `minLR` has one entry, or one per group.
    public init(
        _ optimizer: Optimizer, mode: Mode = .min, factor: Double = 0.1, patience: Int = 10, threshold: Double = 1e-4,
        thresholdMode: ThresholdMode = .rel, cooldown: Int = 0, minLR: [Double] = [0], eps: Double = 1e-8
    ) throws {
        try OptimError.check(factor < 1, "ReduceLROnPlateau", "Factor should be < 1.0.")
        let groups = optimizer.paramGroups.count
        try OptimError.check(minLR.count == 1 || minLR.count == groups, "ReduceLROnPlateau",
            "expected \(groups) min_lrs, got \(minLR.count)")
        self.optimizer = optimizer
        self.mode = mode
        self.factor = factor
        self.patience = patience
        self.threshold = threshold
        self.thresholdMode = thresholdMode
        self.cooldown = cooldown
        self.eps = eps
        self.minLRs = minLR.count == 1 ? Array(repeating: minLR[0], count: groups) : minLR
        self.best = mode == .min ? .infinity : -.infinity
        self.lastLR = optimizer.paramGroups.map(\.lr)
    }

    /// Records `metric` for the next epoch and reduces the rates after a plateau.
    public func step(_ metric: Double) {
        lastEpoch += 1
        if isBetter(metric) {
            best = metric
            numBadEpochs = 0
        } else {
            numBadEpochs += 1
        }
        if cooldownCounter > 0 {
            cooldownCounter -= 1
            numBadEpochs = 0
        }
        if numBadEpochs > patience {
            reduce()
            cooldownCounter = cooldown
            numBadEpochs = 0
        }
        lastLR = optimizer.paramGroups.map(\.lr)
    }

    func isBetter(_ a: Double) -> Bool {
        switch (mode, thresholdMode) {
        case (.min, .rel): return a < best * (1 - threshold)
        case (.min, .abs): return a < best - threshold
        case (.max, .rel): return a > best * (threshold + 1)
        case (.max, .abs): return a > best + threshold
        }
    }

    func reduce() {
        for i in optimizer.paramGroups.indices {
            let old = optimizer.paramGroups[i].lr
            let new = Swift.max(old * factor, i < minLRs.count ? minLRs[i] : minLRs.last ?? 0)
            if old - new > eps { optimizer.paramGroups[i].lr = new }
        }
    }

    /// The progress under PyTorch's key names, as text.
    public func stateDict() -> [String: String] {
        ["best": py(best), "num_bad_epochs": String(numBadEpochs), "cooldown_counter": String(cooldownCounter),
         "last_epoch": String(lastEpoch), "_last_lr": SchedulerState.list(lastLR), "min_lrs": SchedulerState.list(minLRs)]
    }

    /// Restores what ``stateDict()`` wrote.
    public func loadStateDict(_ state: [String: String]) throws {
        best = try SchedulerState.double(state, "best")
        numBadEpochs = try SchedulerState.int(state, "num_bad_epochs")
        cooldownCounter = try SchedulerState.int(state, "cooldown_counter")
        lastEpoch = try SchedulerState.int(state, "last_epoch")
        lastLR = try SchedulerState.doubles(state, "_last_lr")
        minLRs = try SchedulerState.doubles(state, "min_lrs")
    }
}
