/// The one-cycle policy (`OneCycleLR`): the rate rises from `maxLR / divFactor` to `maxLR`
/// over `pctStart` of the steps, then anneals to `initial / finalDivFactor` (with
/// `threePhase`, it first comes back down to the initial rate); momentum (SGD's `momentum`
/// or Adam's β₁) moves the opposite way between `maxMomentum` and `baseMomentum`.
public final class OneCycleLR: LRScheduler, @unchecked Sendable {
    /// How the rate moves within a phase.
    public enum Anneal: String, Sendable { case cos, linear }

    struct Phase {
        var endStep: Double
        var startLR, endLR, startMomentum, endMomentum: String
    }

    /// The number of steps in the cycle.
    public let totalSteps: Int
    /// The annealing curve.
    public let anneal: Anneal
    /// Whether momentum cycles, and whether it is Adam's β₁ rather than `momentum`.
    public let cycleMomentum: Bool, useBeta1: Bool
    let phases: [Phase]

    /// A one-cycle schedule with the same peak rate for every group.
    public convenience init(
        _ optimizer: Optimizer, maxLR: Double, totalSteps: Int, pctStart: Double = 0.3, anneal: Anneal = .cos,
        cycleMomentum: Bool = true, baseMomentum: Double = 0.85, maxMomentum: Double = 0.95,
        divFactor: Double = 25, finalDivFactor: Double = 1e4, threePhase: Bool = false
    ) throws {
        try self.init(optimizer, maxLR: Array(repeating: maxLR, count: optimizer.paramGroups.count), totalSteps: totalSteps,
            pctStart: pctStart, anneal: anneal, cycleMomentum: cycleMomentum, baseMomentum: baseMomentum,
            maxMomentum: maxMomentum, divFactor: divFactor, finalDivFactor: finalDivFactor, threePhase: threePhase)
    }

    /// A one-cycle schedule over `optimizer`'s groups with one peak rate per group.
    public init(
        _ optimizer: Optimizer, maxLR: [Double], totalSteps: Int, pctStart: Double = 0.3, anneal: Anneal = .cos,
        cycleMomentum: Bool = true, baseMomentum: Double = 0.85, maxMomentum: Double = 0.95,
        divFactor: Double = 25, finalDivFactor: Double = 1e4, threePhase: Bool = false
    ) throws {
        let n = "OneCycleLR", groups = optimizer.paramGroups.count
        try OptimError.check(totalSteps > 0, n, "Expected positive integer total_steps, but got \(totalSteps)")
        try OptimError.check(pctStart >= 0 && pctStart <= 1, n, "Expected float between 0 and 1 pct_start, but got \(py(pctStart))")
        try OptimError.check(maxLR.count == groups, n, "max_lr must have the same length as optimizer.param_groups. "
            + "max_lr has \(maxLR.count) values, param_groups has \(groups).")
        let total = Double(totalSteps)
        phases = threePhase ? [
            Phase(endStep: pctStart * total - 1, startLR: "initial_lr", endLR: "max_lr",
                  startMomentum: "max_momentum", endMomentum: "base_momentum"),
            Phase(endStep: 2 * pctStart * total - 2, startLR: "max_lr", endLR: "initial_lr",
                  startMomentum: "base_momentum", endMomentum: "max_momentum"),
            Phase(endStep: total - 1, startLR: "initial_lr", endLR: "min_lr",
                  startMomentum: "max_momentum", endMomentum: "max_momentum"),
        ] : [
            Phase(endStep: pctStart * total - 1, startLR: "initial_lr", endLR: "max_lr",
                  startMomentum: "max_momentum", endMomentum: "base_momentum"),
            Phase(endStep: total - 1, startLR: "max_lr", endLR: "min_lr",
                  startMomentum: "base_momentum", endMomentum: "max_momentum"),
        ]
        self.totalSteps = totalSteps
        self.anneal = anneal
        self.cycleMomentum = cycleMomentum
        self.useBeta1 = optimizer.defaults["betas"] != nil
        if cycleMomentum {
            try OptimError.check(optimizer.defaults["momentum"] != nil || useBeta1, n,
                "optimizer must support momentum or beta1 with `cycle_momentum` option enabled")
        }
        for i in 0..<groups {
            let top = maxLR[i]
            let initial = top / divFactor
            optimizer.paramGroups[i]["initial_lr"] = .double(initial)
            optimizer.paramGroups[i]["max_lr"] = .double(top)
            optimizer.paramGroups[i]["min_lr"] = .double(initial / finalDivFactor)
            if cycleMomentum {
                Self.setMomentum(&optimizer.paramGroups[i], maxMomentum, beta1: useBeta1)
                optimizer.paramGroups[i]["max_momentum"] = .double(maxMomentum)
                optimizer.paramGroups[i]["base_momentum"] = .double(baseMomentum)
            }
        }
        try super.init(optimizer: optimizer)
    }

    static func setMomentum(_ g: inout ParamGroup, _ m: Double, beta1: Bool) {
        if beta1 {
            let b2 = g["betas"]?.pairValue?.1 ?? 0.999
            g["betas"] = .pair(m, b2)
        } else {
            g["momentum"] = .double(m)
        }
    }

    func interpolate(_ start: Double, _ end: Double, _ pct: Double) -> Double {
        switch anneal {
        case .cos: return end + (start - end) / 2.0 * (cCos(.pi * pct) + 1)
        case .linear: return (end - start) * pct + start
        }
    }

    override public func computeLR() throws -> [Double] {
        let stepNum = Double(lastEpoch)
        guard lastEpoch <= totalSteps else {
            throw OptimError.invalid("OneCycleLR",
                "Tried to step \(lastEpoch) times. The specified number of total steps is \(totalSteps)")
        }
        var lrs: [Double] = []
        for gi in optimizer.paramGroups.indices {
            let g = optimizer.paramGroups[gi]
            var start = 0.0
            for (i, phase) in phases.enumerated() {
                if stepNum <= phase.endStep || i == phases.count - 1 {
                    let pct = (stepNum - start) / (phase.endStep - start)
                    lrs.append(interpolate(try g.double(phase.startLR), try g.double(phase.endLR), pct))
                    if cycleMomentum {
                        let m = interpolate(try g.double(phase.startMomentum), try g.double(phase.endMomentum), pct)
                        Self.setMomentum(&optimizer.paramGroups[gi], m, beta1: useBeta1)
                    }
                    break
                }
                start = phase.endStep
            }
        }
        return lrs
    }
}
