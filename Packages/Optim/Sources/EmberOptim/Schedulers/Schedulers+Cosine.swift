/// Cosine annealing from each base rate down to `etaMin` over `tMax` epochs, then back up
/// (`CosineAnnealingLR`), computed recursively from the current rates as PyTorch does.
public final class CosineAnnealingLR: LRScheduler, @unchecked Sendable {
    /// The half period in epochs.
    public let tMax: Int
    /// The lowest rate.
    public let etaMin: Double

    /// A schedule over `optimizer`'s groups.
    public init(_ optimizer: Optimizer, tMax: Int, etaMin: Double = 0, lastEpoch: Int = -1) throws {
        self.tMax = tMax
        self.etaMin = etaMin
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch)
    }

    override public func computeLR() throws -> [Double] {
        let e = Double(lastEpoch), t = Double(tMax)
        if isInitial { return groupLRs }
        if stepCount == 1 && lastEpoch > 0 {
            return baseLRs.map { etaMin + ($0 - etaMin) * (1 + cCos(e * .pi / t)) / 2 }
        }
        if floorMod(lastEpoch - 1 - tMax, 2 * tMax) == 0 {
            return zip(baseLRs, groupLRs).map { base, lr in lr + (base - etaMin) * (1 - cCos(.pi / t)) / 2 }
        }
        let ratio = (1 + cCos(.pi * e / t)) / (1 + cCos(.pi * (e - 1) / t))
        return groupLRs.map { ratio * ($0 - etaMin) + etaMin }
    }

    override public func closedFormLR() throws -> [Double]? {
        baseLRs.map { etaMin + ($0 - etaMin) * (1 + cCos(.pi * Double(lastEpoch) / Double(tMax))) / 2 }
    }
}

/// Cosine annealing with warm restarts every `tI` epochs, the period growing by `tMult`
/// after each restart (`CosineAnnealingWarmRestarts`).
public final class CosineAnnealingWarmRestarts: LRScheduler, @unchecked Sendable {
    /// The first period, the period growth factor and the lowest rate.
    public let t0: Int, tMult: Int, etaMin: Double
    /// The epochs since the last restart (`T_cur`) and the current period (`T_i`).
    public internal(set) var tCur: Double, tI: Int

    /// A schedule over `optimizer`'s groups.
    public init(_ optimizer: Optimizer, t0: Int, tMult: Int = 1, etaMin: Double = 0, lastEpoch: Int = -1) throws {
        try OptimError.check(t0 > 0, "CosineAnnealingWarmRestarts", "Expected positive integer T_0, but got \(t0)")
        try OptimError.check(tMult >= 1, "CosineAnnealingWarmRestarts", "Expected integer T_mult >= 1, but got \(tMult)")
        self.t0 = t0
        self.tI = t0
        self.tMult = tMult
        self.etaMin = etaMin
        self.tCur = Double(lastEpoch)
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch)
    }

    override public func computeLR() throws -> [Double] {
        baseLRs.map { etaMin + ($0 - etaMin) * (1 + cCos(.pi * tCur / Double(tI))) / 2 }
    }

    override public func step() throws {
        stepCount += 1
        if lastEpoch < 0 {
            tI = t0
            tCur = 0
            lastEpoch = 0
        } else {
            lastEpoch += 1
            tCur += 1
            if tCur >= Double(tI) {
                tCur = tCur.truncatingRemainder(dividingBy: Double(tI))
                tI *= tMult
            }
        }
        setGroupLRs(try computeLR())
    }

    override public func stateDict() -> [String: String] {
        var d = super.stateDict()
        d["T_cur"] = py(tCur)
        d["T_i"] = String(tI)
        return d
    }

    override public func loadStateDict(_ state: [String: String]) throws {
        try super.loadStateDict(state)
        tCur = try SchedulerState.double(state, "T_cur")
        tI = try SchedulerState.int(state, "T_i")
    }
}

/// Python's `%` on integers (the result takes the divisor's sign).
func floorMod(_ a: Int, _ b: Int) -> Int {
    let r = a % b
    return r != 0 && (r < 0) != (b < 0) ? r + b : r
}
