import EmberAutograd
import EmberCore
@testable import EmberOptim
import Testing

/// Every scheduler's learning-rate (and momentum) sequence over 30 steps against PyTorch.
@Suite struct SchedulerTests {
    static var schedFixture: [String: Any] { fixture["schedulers"] as! [String: Any] }

    /// The fixture's optimizer: two groups with lr 0.1 and 0.05 (SGD with momentum 0.9, or Adam).
    static func optimizer(adam: Bool = false) throws -> Optimizer {
        let a = Tensor.zeros([2]), b = Tensor.zeros([3])
        a.requiresGrad = true; b.requiresGrad = true
        let groups = [ParamGroup(params: [a]), ParamGroup(params: [b], options: ["lr": 0.05])]
        return adam ? try Adam(groups: groups, lr: 0.1) : try SGD(groups: groups, lr: 0.1, momentum: 0.9)
    }

    /// Builds the scheduler the fixture names `key`.
    static func make(_ key: String, _ o: Optimizer) throws -> LRScheduler {
        switch key {
        case "StepLR": return try StepLR(o, stepSize: 4, gamma: 0.5)
        case "MultiStepLR": return try MultiStepLR(o, milestones: [3, 7, 7, 20], gamma: 0.3)
        case "ExponentialLR": return try ExponentialLR(o, gamma: 0.9)
        case "CosineAnnealingLR": return try CosineAnnealingLR(o, tMax: 7, etaMin: 0.001)
        case "CosineAnnealingWarmRestarts": return try CosineAnnealingWarmRestarts(o, t0: 3, tMult: 2, etaMin: 0.01)
        case "CosineAnnealingWarmRestarts1": return try CosineAnnealingWarmRestarts(o, t0: 4)
        case "LambdaLR": return try LambdaLR(o, lrLambdas: [{ powd(0.95, Double($0)) }, { 1.0 / Double($0 + 1) }])
        case "LinearLR": return try LinearLR(o, startFactor: 0.25, endFactor: 0.9, totalIters: 8)
        case "OneCycleLR": return try OneCycleLR(o, maxLR: [1.0, 0.5], totalSteps: 30)
        case "OneCycleLRLinear3":
            return try OneCycleLR(o, maxLR: 1.0, totalSteps: 30, pctStart: 0.25, anneal: .linear, threePhase: true)
        case "OneCycleLRAdam": return try OneCycleLR(o, maxLR: 0.3, totalSteps: 30, pctStart: 0.4)
        case "SequentialLR":
            return try SequentialLR(o, schedulers: [LinearLR(o, startFactor: 0.1, totalIters: 5), ExponentialLR(o, gamma: 0.9)],
                                    milestones: [5])
        case "SequentialLR3":
            return try SequentialLR(o, schedulers: [StepLR(o, stepSize: 2, gamma: 0.5), CosineAnnealingLR(o, tMax: 6),
                                                    LinearLR(o, startFactor: 0.5, totalIters: 4)], milestones: [6, 15])
        case "ConstantLR": return try ConstantLR(o, factor: 0.4, totalIters: 6)
        case "MultiplicativeLR": return try MultiplicativeLR(o, lrLambdas: [{ _ in 0.9 }, { 1.0 - 0.01 * Double($0) }])
        case "PolynomialLR": return try PolynomialLR(o, totalIters: 12, power: 2.0)
        case "ChainedScheduler":
            return try ChainedScheduler([ConstantLR(o, factor: 0.5, totalIters: 4), ExponentialLR(o, gamma: 0.9)])
        case "SequentialLR4":
            return try SequentialLR(o, schedulers: [ConstantLR(o, factor: 0.2, totalIters: 3),
                                                    PolynomialLR(o, totalIters: 10, power: 0.5)], milestones: [4])
        default: fatalError(key)
        }
    }

    static let keys = ["StepLR", "MultiStepLR", "ExponentialLR", "CosineAnnealingLR", "CosineAnnealingWarmRestarts",
                       "CosineAnnealingWarmRestarts1", "LambdaLR", "LinearLR", "OneCycleLR", "OneCycleLRLinear3",
                       "OneCycleLRAdam", "SequentialLR", "SequentialLR3", "ConstantLR", "MultiplicativeLR",
                       "PolynomialLR", "ChainedScheduler", "SequentialLR4"]

    static func expected(_ key: String) -> (lrs: [[Double]], momentum: [[Double]]) {
        let d = schedFixture[key] as! [String: Any]
        return ((d["lrs"] as! [Any]).map(numbers), (d["momentum"] as! [Any]).map(numbers))
    }

    static func momentum(_ o: Optimizer) -> [Double] {
        o.paramGroups.map { $0["betas"]?.pairValue?.0 ?? $0["momentum"]!.doubleValue! }
    }

    @Test(arguments: keys)
    func sequenceMatchesPyTorch(_ key: String) throws {
        let o = try Self.optimizer(adam: key.hasSuffix("Adam"))
        let s = try Self.make(key, o)
        let (lrs, moms) = Self.expected(key)
        #expect(close(s.lastLR, lrs[0], tol: 1e-12), "initial: \(s.lastLR) vs \(lrs[0])")
        for k in 1..<lrs.count {
            try s.step()
            #expect(close(s.lastLR, lrs[k], tol: 1e-12), "step \(k): \(s.lastLR) vs \(lrs[k])")
            #expect(close(o.paramGroups.map(\.lr), lrs[k], tol: 1e-12))
            #expect(close(Self.momentum(o), moms[k], tol: 1e-12), "momentum step \(k)")
        }
    }

    @Test(arguments: keys.filter { !$0.hasPrefix("OneCycle") })
    func stateDictRoundTripContinuesTheSequence(_ key: String) throws {
        let o = try Self.optimizer()
        let s = try Self.make(key, o)
        for _ in 0..<12 { try s.step() }
        let saved = s.stateDict(), groups = o.paramGroups
        let o2 = try Self.optimizer()
        let s2 = try Self.make(key, o2)
        for i in o2.paramGroups.indices { o2.paramGroups[i].options = groups[i].options }
        try s2.loadStateDict(saved)
        let (lrs, _) = Self.expected(key)
        for k in 13..<lrs.count {
            try s2.step()
            #expect(close(s2.lastLR, lrs[k], tol: 1e-12), "step \(k): \(s2.lastLR) vs \(lrs[k])")
        }
    }

    @Test(arguments: ["ReduceLROnPlateau", "ReduceLROnPlateauMaxAbs"])
    func plateauMatchesPyTorch(_ key: String) throws {
        let o = try Self.optimizer()
        let s = key == "ReduceLROnPlateau"
            ? try ReduceLROnPlateau(o, factor: 0.5, patience: 2, cooldown: 1, minLR: [0.01, 0.02])
            : try ReduceLROnPlateau(o, mode: .max, factor: 0.3, patience: 1, threshold: 0.05, thresholdMode: .abs)
        var metrics = numbers(Self.schedFixture["plateau_metrics"])
        if key.hasSuffix("MaxAbs") { metrics = metrics.map { -$0 } }
        let (lrs, _) = Self.expected(key)
        #expect(s.lastLR == lrs[0])
        for (k, m) in metrics.enumerated() {
            s.step(m)
            #expect(close(s.lastLR, lrs[k + 1], tol: 1e-12), "step \(k + 1): \(s.lastLR) vs \(lrs[k + 1])")
        }
        let restored = try ReduceLROnPlateau(try Self.optimizer())
        try restored.loadStateDict(s.stateDict())
        #expect(restored.best == s.best && restored.numBadEpochs == s.numBadEpochs && restored.lastEpoch == 30)
    }

    @Test func oneCycleStopsAfterItsSteps() throws {
        let o = try Self.optimizer()
        let s = try OneCycleLR(o, maxLR: 0.5, totalSteps: 3)
        for _ in 0..<3 { try s.step() }
        #expect(message { try s.step() } == "Tried to step 4 times. The specified number of total steps is 3")
        #expect(message { _ = try OneCycleLR(o, maxLR: [1.0], totalSteps: 3) }
            == "max_lr must have the same length as optimizer.param_groups. max_lr has 1 values, param_groups has 2.")
    }

    @Test func schedulerArgumentErrors() throws {
        let errors = fixture["errors"] as! [String: String]
        #expect(message { _ = try LinearLR(try Self.optimizer(), startFactor: 0) } == errors["linear_start"])
        #expect(message { _ = try ReduceLROnPlateau(try Self.optimizer(), factor: 1.0) } == errors["plateau_factor"])
        #expect(message { _ = try LambdaLR(try Self.optimizer(), lrLambdas: [{ _ in 1 }]) } == "Expected 2 lr_lambdas, but got 1")
        #expect(message { _ = try StepLR(try Self.optimizer(), stepSize: 2, lastEpoch: 3) }?
            .hasPrefix("param 'initial_lr' is not specified in param_groups[0]") == true)
    }
}

/// Schedulers driving optimizers on the MLP, against PyTorch's trajectories.
@Suite struct ScheduledTrainingTests {
    static func check(_ key: String, _ make: ([Tensor]) throws -> (Optimizer, LRScheduler)) throws {
        let expected = ((fixture["scheduled"] as! [String: Any])[key] as! [Any]).map(numbers)
        let mlp = MLP()
        let (opt, sched) = try make(mlp.params)
        for (k, e) in expected.enumerated() {
            try mlp.backward(opt)
            try opt.step()
            try sched.step()
            #expect(close(mlp.flat, e, tol: 1e-6), "\(key) step \(k + 1): max diff \(maxDiff(mlp.flat, e))")
        }
    }

    @Test func sgdWithOneCycleMomentum() throws {
        try Self.check("sgd_onecycle") { ps in
            let opt = try SGD(ps, lr: 0.1, momentum: 0.9)
            return (opt, try OneCycleLR(opt, maxLR: 0.5, totalSteps: 10))
        }
    }

    @Test func adamWithStepLR() throws {
        try Self.check("adam_steplr") { ps in
            let opt = try Adam(ps, lr: 0.05)
            return (opt, try StepLR(opt, stepSize: 3, gamma: 0.5))
        }
    }
}
