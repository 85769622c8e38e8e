import EmberAutograd
import EmberCore
@testable import EmberOptim
import Testing

/// Parameter groups, zeroGrad, the closure form, and in-place, graph-free updates.
@Suite struct OptimizerBehaviourTests {
    static var groupFixture: [String: Any] { fixture["groups"] as! [String: Any] }

    static func check(_ mlp: MLP, _ opt: Optimizer, against key: String) throws {
        let expected = (groupFixture[key] as! [Any]).map(numbers)
        for (k, e) in expected.enumerated() {
            try mlp.backward(opt)
            try opt.step()
            #expect(close(mlp.flat, e, tol: 1e-6), "step \(k + 1): max diff \(maxDiff(mlp.flat, e))")
        }
    }

    @Test func sgdGroupsTakeUnspecifiedOptionsFromTheDefaults() throws {
        let mlp = MLP(), p = mlp.params
        let opt = try SGD(groups: [ParamGroup(params: [p[0], p[1]]),
                                   ParamGroup(params: [p[2], p[3]], options: ["lr": 0.2, "momentum": 0.5])],
                          lr: 0.05, momentum: 0.9)
        #expect(opt.paramGroups[0].lr == 0.05 && opt.paramGroups[0]["momentum"] == .double(0.9))
        #expect(opt.paramGroups[1]["nesterov"] == .bool(false) && opt.paramGroups[1]["momentum"] == .double(0.5))
        try Self.check(mlp, opt, against: "sgd")
    }

    @Test func adamGroupsAddedLaterTakeTheDefaults() throws {
        let mlp = MLP(), p = mlp.params
        let opt = try Adam(groups: [ParamGroup(params: [p[0], p[1]], options: ["betas": .pair(0.5, 0.6)])],
                           lr: 0.01, amsgrad: true)
        try opt.addParamGroup(ParamGroup(params: [p[2], p[3]], options: ["lr": 0.05]))
        #expect(opt.paramGroups[1]["amsgrad"] == .bool(true) && opt.paramGroups[1]["betas"] == .pair(0.9, 0.999))
        try Self.check(mlp, opt, against: "adam")
    }

    @Test func zeroGradBothWaysGiveTheSameTrajectory() throws {
        let c = optimCases.first { $0.opt == "SGD" && $0.options["momentum"] != nil }!
        for setToNone in [true, false] {
            let mlp = MLP(), opt = try c.make(mlp)
            for e in c.trajectory {
                try mlp.backward(opt, setToNone: setToNone)
                try opt.step()
                #expect(close(mlp.flat, e, tol: 1e-6))
            }
        }
    }

    @Test func zeroGradClearsOrZeroesInPlace() throws {
        let mlp = MLP(), opt = try SGD(mlp.params, lr: 0.1)
        try mlp.backward(opt)
        let g = mlp.params[0].grad!
        opt.zeroGrad(setToNone: false)
        #expect(mlp.params[0].grad === g)
        #expect(doubles(g).allSatisfy { $0 == 0 })
        opt.zeroGrad()
        #expect(mlp.params.allSatisfy { $0.grad == nil })
    }

    @Test func accumulatedGradientsWithoutZeroGradDiffer() throws {
        let c = optimCases.first { $0.opt == "SGD" }!
        let mlp = MLP(), opt = try c.make(mlp)
        for _ in 0..<3 {
            try mlp.loss().backward()
            try opt.step()
        }
        #expect(!close(mlp.flat, c.trajectory[2], tol: 1e-6))
    }

    @Test func closureStepReturnsTheLossAndSteps() throws {
        let c = optimCases.first { $0.opt == "Adam" && $0.dtype == .float64 }!
        let mlp = MLP(), opt = try c.make(mlp)
        let losses = numbers((fixture["optim"] as! [[String: Any]]).first { ($0["opt"] as! String) == "Adam" }!["losses"])
        for (k, e) in c.trajectory.enumerated() {
            let loss = try opt.step {
                opt.zeroGrad()
                let l = mlp.loss()
                try l.backward()
                return l
            }
            #expect(Swift.abs(loss.item().doubleValue - losses[k]) < 1e-9)
            #expect(close(mlp.flat, e, tol: 1e-6))
        }
    }

    @Test func stepsUpdateInPlaceBumpingVersionsWithoutGraph() throws {
        for name in ["SGD", "Adam", "RMSprop", "Adagrad", "Adadelta", "Adamax", "NAdam", "RAdam"] {
            for strided in [false, true] {
                let mlp = MLP(strided: strided)
                let opt = try makeOptimizer(name, [ParamGroup(params: mlp.params)])
                try mlp.backward(opt)
                let storages = mlp.params.map { ObjectIdentifier($0.storage) }, versions = mlp.params.map(\.version)
                try opt.step()
                #expect(mlp.params.map { ObjectIdentifier($0.storage) } == storages)
                #expect(zip(mlp.params.map(\.version), versions).allSatisfy { $0 > $1 }, "\(name) strided: \(strided)")
                #expect(mlp.params.allSatisfy { $0.isLeaf && $0.requiresGrad && $0.gradFn == nil })
                for s in opt.state.values { #expect(s.buffers.allSatisfy { $0?.requiresGrad != true }) }
            }
        }
    }

    @Test func parametersWithoutGradientsAreSkipped() throws {
        let a = Tensor([1.0, 2.0], shape: [2]), b = Tensor([3.0], shape: [1])
        a.requiresGrad = true; b.requiresGrad = true
        a.grad = Tensor([0.5, -0.5], shape: [2])
        let opt = try Adam([a, b], lr: 0.1)
        try opt.step()
        #expect(doubles(b) == [3.0])
        #expect(close(doubles(a), [0.9, 2.1], tol: 1e-7))
        #expect(opt.state[ObjectIdentifier(b)] == nil)
    }

    @Test func parameterGroupErrors() throws {
        let a = Tensor([1.0], shape: [1]); a.requiresGrad = true
        let errors = fixture["errors"] as! [String: String]
        #expect(message { _ = try SGD([], lr: 0.1) } == errors["empty"])
        #expect(message { _ = try SGD(groups: [ParamGroup(params: [a]), ParamGroup(params: [a])], lr: 0.1) }
            == errors["duplicate_groups"])
        let nonLeaf = a * 2.0
        #expect(message { _ = try SGD([nonLeaf]) } == "can't optimize a non-leaf Tensor")
        let opt = try SGD(groups: [ParamGroup(params: [a], options: ["lr": true])])
        a.grad = Tensor([1.0], shape: [1])
        #expect(message { try opt.step() } == "option 'lr' should be a number, got True")
    }
}
