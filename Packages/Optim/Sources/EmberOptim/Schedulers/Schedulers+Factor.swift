/// Scales the rates by `factor` until epoch `totalIters`, then restores them (`ConstantLR`).
public final class ConstantLR: LRScheduler, @unchecked Sendable {
    /// The factor and the number of epochs it applies for.
    public let factor: Double, totalIters: Int

    /// A schedule over `optimizer`'s groups.
    public init(_ optimizer: Optimizer, factor: Double = 1.0 / 3, totalIters: Int = 5, lastEpoch: Int = -1) throws {
        try OptimError.check(factor <= 1 && factor >= 0, "ConstantLR",
            "Constant multiplicative factor expected to be between 0 and 1.")
        self.factor = factor
        self.totalIters = totalIters
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch)
    }

    override public func computeLR() throws -> [Double] {
        if lastEpoch == 0 { return groupLRs.map { $0 * factor } }
        if lastEpoch != totalIters { return groupLRs }
        return groupLRs.map { $0 * (1.0 / factor) }
    }

    override public func closedFormLR() throws -> [Double]? {
        baseLRs.map { $0 * (factor + (lastEpoch >= totalIters ? 1 : 0) * (1 - factor)) }
    }
}

/// Multiplies each rate by `lrLambda(epoch)` every epoch (`MultiplicativeLR`).
public final class MultiplicativeLR: LRScheduler, @unchecked Sendable {
    /// One factor function per group.
    public let lrLambdas: [@Sendable (Int) -> Double]

    /// A schedule with one function for every group.
    public convenience init(_ optimizer: Optimizer, lrLambda: @escaping @Sendable (Int) -> Double, lastEpoch: Int = -1) throws {
        try self.init(optimizer, lrLambdas: Array(repeating: lrLambda, count: optimizer.paramGroups.count), lastEpoch: lastEpoch)
    }

    /// A schedule with a function per group.
    public init(_ optimizer: Optimizer, lrLambdas: [@Sendable (Int) -> Double], lastEpoch: Int = -1) throws {
        guard lrLambdas.count == optimizer.paramGroups.count else {
            throw OptimError.invalid("MultiplicativeLR",
                "Expected \(optimizer.paramGroups.count) lr_lambdas, but got \(lrLambdas.count)")
        }
        self.lrLambdas = lrLambdas
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch)
    }

    override public func computeLR() throws -> [Double] {
        isInitial ? groupLRs : zip(lrLambdas, groupLRs).map { f, lr in lr * f(lastEpoch) }
    }
}

/// Decays the rates polynomially to zero over `totalIters` epochs (`PolynomialLR`).
public final class PolynomialLR: LRScheduler, @unchecked Sendable {
    /// The number of decaying epochs and the polynomial's power.
    public let totalIters: Int, power: Double

    /// A schedule over `optimizer`'s groups.
    public init(_ optimizer: Optimizer, totalIters: Int = 5, power: Double = 1.0, lastEpoch: Int = -1) throws {
        self.totalIters = totalIters
        self.power = power
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch)
    }

    override public func computeLR() throws -> [Double] {
        if isInitial || lastEpoch > totalIters { return groupLRs }
        let t = Double(totalIters), e = Double(lastEpoch)
        let factor = powd((1.0 - e / t) / (1.0 - (e - 1) / t), power)
        return groupLRs.map { $0 * factor }
    }

    override public func closedFormLR() throws -> [Double]? {
        let t = Double(totalIters)
        return baseLRs.map { $0 * powd(1.0 - Double(Swift.min(totalIters, lastEpoch)) / t, power) }
    }
}
