/// Multiplies each rate by `gamma` every `stepSize` epochs (`StepLR`).
public final class StepLR: LRScheduler, @unchecked Sendable {
    /// The period in epochs.
    public let stepSize: Int
    /// The factor applied each period.
    public let gamma: Double

    /// A schedule over `optimizer`'s groups.
    public init(_ optimizer: Optimizer, stepSize: Int, gamma: Double = 0.1, lastEpoch: Int = -1) throws {
        self.stepSize = stepSize
        self.gamma = gamma
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch)
    }

    override public func computeLR() throws -> [Double] {
        if lastEpoch == 0 || lastEpoch % stepSize != 0 { return groupLRs }
        return groupLRs.map { $0 * gamma }
    }

    override public func closedFormLR() throws -> [Double]? {
        baseLRs.map { $0 * powd(gamma, Double(floorDiv(lastEpoch, stepSize))) }
    }
}

/// Multiplies each rate by `gamma` at each milestone epoch (`MultiStepLR`); a milestone
/// listed twice applies `gamma²`.
public final class MultiStepLR: LRScheduler, @unchecked Sendable {
    /// How many times each milestone epoch was given.
    public let milestones: [Int: Int]
    /// The factor applied at a milestone.
    public let gamma: Double

    /// A schedule over `optimizer`'s groups.
    public init(_ optimizer: Optimizer, milestones: [Int], gamma: Double = 0.1, lastEpoch: Int = -1) throws {
        self.milestones = milestones.reduce(into: [:]) { $0[$1, default: 0] += 1 }
        self.gamma = gamma
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch)
    }

    override public func computeLR() throws -> [Double] {
        guard let k = milestones[lastEpoch] else { return groupLRs }
        return groupLRs.map { $0 * powd(gamma, Double(k)) }
    }

    override public func closedFormLR() throws -> [Double]? {
        let passed = milestones.filter { $0.key <= lastEpoch }.values.reduce(0, +)
        return baseLRs.map { $0 * powd(gamma, Double(passed)) }
    }
}

/// Multiplies each rate by `gamma` every epoch (`ExponentialLR`).
public final class ExponentialLR: LRScheduler, @unchecked Sendable {
    /// The factor applied each epoch.
    public let gamma: Double

    /// A schedule over `optimizer`'s groups.
    public init(_ optimizer: Optimizer, gamma: Double, lastEpoch: Int = -1) throws {
        self.gamma = gamma
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch)
    }

    override public func computeLR() throws -> [Double] {
        isInitial ? groupLRs : groupLRs.map { $0 * gamma }
    }

    override public func closedFormLR() throws -> [Double]? {
        baseLRs.map { $0 * powd(gamma, Double(lastEpoch)) }
    }
}

/// Scales each base rate by `lrLambda(epoch)` (`LambdaLR`).
public final class LambdaLR: LRScheduler, @unchecked Sendable {
    /// One factor function per group.
    public let lrLambdas: [@Sendable (Int) -> Double]

    /// A schedule with one function for every group.
    public convenience init(_ optimizer: Optimizer, lrLambda: @escaping @Sendable (Int) -> Double, lastEpoch: Int = -1) throws {
        try self.init(optimizer, lrLambdas: Array(repeating: lrLambda, count: optimizer.paramGroups.count), lastEpoch: lastEpoch)
    }

    /// A schedule with a function per group.
    public init(_ optimizer: Optimizer, lrLambdas: [@Sendable (Int) -> Double], lastEpoch: Int = -1) throws {
        guard lrLambdas.count == optimizer.paramGroups.count else {
            throw OptimError.invalid("LambdaLR", "Expected \(optimizer.paramGroups.count) lr_lambdas, but got \(lrLambdas.count)")
        }
        self.lrLambdas = lrLambdas
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch)
    }

    override public func computeLR() throws -> [Double] {
        zip(lrLambdas, baseLRs).map { f, base in base * f(lastEpoch) }
    }
}

/// Scales the rates by a factor moving linearly from `startFactor` to `endFactor` over
/// `totalIters` epochs (`LinearLR`).
public final class LinearLR: LRScheduler, @unchecked Sendable {
    /// The factors and the length of the ramp.
    public let startFactor: Double, endFactor: Double, totalIters: Int

    /// A schedule over `optimizer`'s groups.
    public init(
        _ optimizer: Optimizer, startFactor: Double = 1.0 / 3, endFactor: Double = 1.0, totalIters: Int = 5,
        lastEpoch: Int = -1
    ) throws {
        try OptimError.check(startFactor <= 1 && startFactor > 0, "LinearLR",
            "Starting multiplicative factor expected to be greater than 0 and less or equal to 1.")
        try OptimError.check(endFactor <= 1 && endFactor >= 0, "LinearLR",
            "Ending multiplicative factor expected to be between 0 and 1.")
        self.startFactor = startFactor
        self.endFactor = endFactor
        self.totalIters = totalIters
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch)
    }

    override public func computeLR() throws -> [Double] {
        if lastEpoch == 0 { return groupLRs.map { $0 * startFactor } }
        if isInitial || lastEpoch > totalIters { return groupLRs }
        let d = endFactor - startFactor
        let factor = 1.0 + d / (Double(totalIters) * startFactor + Double(lastEpoch - 1) * d)
        return groupLRs.map { $0 * factor }
    }

    override public func closedFormLR() throws -> [Double]? {
        let f = startFactor + (endFactor - startFactor) * Double(Swift.min(totalIters, lastEpoch)) / Double(totalIters)
        return baseLRs.map { $0 * f }
    }
}

/// Python's floor division of integers.
func floorDiv(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
