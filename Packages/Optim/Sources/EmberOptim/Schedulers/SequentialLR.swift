/// Runs `schedulers` one after another, switching at each milestone epoch (`SequentialLR`).
/// At a switch the next scheduler starts from its epoch 0 (its closed form when it has one).
public final class SequentialLR: LRScheduler, @unchecked Sendable {
    /// The schedulers, in order.
    public let schedulers: [LRScheduler]
    /// The epochs at which the next scheduler takes over.
    public let milestones: [Int]

    /// Chains `schedulers` (all over `optimizer`), switching at `milestones`.
    public init(_ optimizer: Optimizer, schedulers: [LRScheduler], milestones: [Int], lastEpoch: Int = -1) throws {
        let n = "SequentialLR"
        try OptimError.check(!schedulers.isEmpty, n, "SequentialLR expects at least one scheduler, but got no scheduler.")
        for (i, s) in schedulers.enumerated() where s.optimizer !== optimizer {
            throw OptimError.invalid(n, "SequentialLR expects all schedulers to belong to the same optimizer, but got "
                + "scheduler \(type(of: s)) at index \(i) has a different optimizer.")
        }
        try OptimError.check(milestones.count == schedulers.count - 1, n,
            "Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone "
            + "points, but got number of schedulers \(schedulers.count) and the number of milestones to be equal to "
            + "\(milestones.count)")
        self.schedulers = schedulers
        self.milestones = milestones
        super.init(wrapping: optimizer)
        self.lastEpoch = lastEpoch + 1
        for i in optimizer.paramGroups.indices {
            optimizer.paramGroups[i].lr = try optimizer.paramGroups[i].double("initial_lr")
        }
        for s in schedulers { Self.undo(s) }
        let first = schedulers[bisectRight(milestones, 0)]
        try first.initialStep()
        lastLR = first.lastLR
        baseLRs = first.baseLRs
    }

    /// Takes back the initial step of `s` (and of the schedulers inside it).
    static func undo(_ s: LRScheduler) {
        if let seq = s as? SequentialLR {
            for inner in seq.schedulers { undo(inner) }
        } else {
            s.lastEpoch -= 1
        }
    }

    override public func step() throws {
        lastEpoch += 1
        let idx = bisectRight(milestones, lastEpoch)
        let s = schedulers[idx]
        if idx > 0 && milestones[idx - 1] == lastEpoch {
            try s.updateLR(epoch: 0)
        } else {
            try s.step()
        }
        lastLR = s.lastLR
    }

    override public func stateDict() -> [String: String] {
        var d = ["last_epoch": String(lastEpoch), "_last_lr": SchedulerState.list(lastLR)]
        for (i, s) in schedulers.enumerated() {
            for (k, v) in s.stateDict() { d["_schedulers.\(i).\(k)"] = v }
        }
        return d
    }

    override public func loadStateDict(_ state: [String: String]) throws {
        lastEpoch = try SchedulerState.int(state, "last_epoch")
        lastLR = try SchedulerState.doubles(state, "_last_lr")
        for (i, s) in schedulers.enumerated() {
            let prefix = "_schedulers.\(i)."
            var sub: [String: String] = [:]
            for (k, v) in state where k.hasPrefix(prefix) { sub[String(k.dropFirst(prefix.count))] = v }
            try s.loadStateDict(sub)
        }
    }
}

/// The number of elements of the sorted `a` that are `<= x` (Python's `bisect_right`).
func bisectRight(_ a: [Int], _ x: Int) -> Int {
    var count = 0
    for v in a where v <= x { count += 1 }
    return count
}
