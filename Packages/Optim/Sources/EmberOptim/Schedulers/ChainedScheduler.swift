/// Steps several schedulers together, each scaling the rates the previous ones set
/// (`ChainedScheduler`).
public final class ChainedScheduler: LRScheduler, @unchecked Sendable {
    /// The schedulers, stepped in order.
    public let schedulers: [LRScheduler]

    /// Chains `schedulers`, which must all drive the same optimizer.
    public init(_ schedulers: [LRScheduler]) throws {
        let n = "ChainedScheduler"
        guard let first = schedulers.first else {
            throw OptimError.invalid(n, "ChainedScheduler expects at least one scheduler to be chained, but got no scheduler.")
        }
        for (i, s) in schedulers.enumerated() where s.optimizer !== first.optimizer {
            throw OptimError.invalid(n, "ChainedScheduler expects all schedulers to belong to the same optimizer, but got "
                + "scheduler \(type(of: s)) at index \(i) has a different optimizer.")
        }
        self.schedulers = schedulers
        super.init(wrapping: first.optimizer)
        lastLR = groupLRs
    }

    override public func step() throws {
        for s in schedulers { try s.step() }
        lastLR = groupLRs
    }

    override public func stateDict() -> [String: String] {
        var d = ["_last_lr": SchedulerState.list(lastLR)]
        for (i, s) in schedulers.enumerated() {
            for (k, v) in s.stateDict() { d["_schedulers.\(i).\(k)"] = v }
        }
        return d
    }

    override public func loadStateDict(_ state: [String: String]) throws {
        lastLR = try SchedulerState.doubles(state, "_last_lr")
        for (i, s) in schedulers.enumerated() {
            let prefix = "_schedulers.\(i)."
            var sub: [String: String] = [:]
            for (k, v) in state where k.hasPrefix(prefix) { sub[String(k.dropFirst(prefix.count))] = v }
            try s.loadStateDict(sub)
        }
    }
}
