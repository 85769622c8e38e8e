import EmberAutograd
import EmberCore
@testable import EmberOptim
import Testing

/// Optimizer state dicts: PyTorch's entries, the flat form, resuming, and load errors.
@Suite struct StateDictTests {
    static var stateFixture: [String: Any] { fixture["state"] as! [String: Any] }

    static let caseFor: [String: (String, [String: OptimValue])] = [
        "SGD": ("SGD", ["lr": 0.1, "momentum": 0.9]), "Adam": ("Adam", ["lr": 0.01, "amsgrad": true]),
        "NAdam": ("NAdam", ["lr": 0.01]), "Adagrad": ("Adagrad", ["lr": 0.1]),
        "RMSprop": ("RMSprop", ["lr": 0.01, "centered": true]),
    ]

    static func trained(_ name: String, steps: Int) throws -> (MLP, Optimizer) {
        let (opt, options) = caseFor[name]!
        let mlp = MLP()
        let o = try makeOptimizer(opt, [ParamGroup(params: mlp.params, options: options)])
        for _ in 0..<steps {
            try mlp.backward(o)
            try o.step()
        }
        return (mlp, o)
    }

    @Test(arguments: ["SGD", "Adam", "NAdam", "Adagrad", "RMSprop"])
    func entriesMatchPyTorchAfterFiveSteps(_ name: String) throws {
        let (_, opt) = try Self.trained(name, steps: 5)
        let expected = (Self.stateFixture[name] as! [String: Any])["state"] as! [String: [String: Any]]
        let sd = opt.stateDict()
        #expect(Set(sd.state.keys.map(String.init)) == Set(expected.keys))
        for (i, entries) in expected {
            let got = sd.state[Int(i)!]!
            #expect(Set(got.keys) == Set(entries.keys), "\(name) state \(i)")
            for (k, v) in entries {
                let tol = k == "mu_product" ? 1e-7 : 1e-6
                #expect(close(doubles(got[k]!), numbers(v), tol: tol), "\(name) state.\(i).\(k)")
            }
            if let step = got["step"] { #expect(step.dtype == .float32 && step.shape == []) }
        }
        let group = ((Self.stateFixture[name] as! [String: Any])["groups"] as! [[String: Any]])[0]
        #expect(sd.paramGroups[0].params == group["params"] as! [Int])
        for (k, v) in group where k != "params" {
            #expect(sd.paramGroups[0].options[k] == OptimValue(parsing: v as! String), "\(name) \(k)")
        }
    }

    @Test func plainSGDKeepsNoState() throws {
        let mlp = MLP(), opt = try SGD(mlp.params, lr: 0.1)
        try mlp.backward(opt)
        try opt.step()
        #expect(opt.stateDict().state.isEmpty && opt.state.isEmpty)
    }

    @Test func flatFormUsesPyTorchKeys() throws {
        let (_, opt) = try Self.trained("Adam", steps: 2)
        let (tensors, metadata) = opt.stateDict().flattened()
        #expect(tensors.keys.contains("state.0.exp_avg") && tensors.keys.contains("state.3.max_exp_avg_sq"))
        #expect(tensors["state.2.step"].map { doubles($0) } == [2])
        #expect(metadata["param_groups.0.params"] == "[0, 1, 2, 3]")
        #expect(metadata["param_groups.0.betas"] == "(0.9, 0.999)")
        #expect(metadata["param_groups.0.amsgrad"] == "True")
        #expect(metadata["param_groups.0.lr"] == "0.01")
    }

    @Test(arguments: optimCases.filter { $0.dtype == .float64 })
    func roundTripThroughTheFlatFormContinuesTheTrajectory(_ c: OptimCase) throws {
        let first = MLP(), opt = try c.make(first)
        for _ in 0..<5 {
            try first.backward(opt)
            try opt.step()
        }
        let (tensors, metadata) = opt.stateDict().flattened()
        let copies = tensors.mapValues { $0.clone() }
        let second = MLP()
        noGrad { for (p, q) in zip(second.params, first.params) { p.copy_(q) } }
        let resumed = try makeOptimizer(c.opt, [ParamGroup(params: second.params)])
        try resumed.loadStateDict(OptimizerStateDict(tensors: copies, metadata: metadata))
        #expect(resumed.paramGroups[0].options == opt.paramGroups[0].options)
        for e in c.trajectory[5...] {
            try second.backward(resumed)
            try resumed.step()
            #expect(close(second.flat, e, tol: 1e-6), "\(c): max diff \(maxDiff(second.flat, e))")
        }
    }

    @Test func loadingChecksGroupsShapesAndEntries() throws {
        let (mlp, opt) = try Self.trained("Adam", steps: 1)
        let sd = opt.stateDict()
        let other = try Adam(groups: [ParamGroup(params: [mlp.params[0]]), ParamGroup(params: Array(mlp.params[1...]))])
        #expect(message { try other.loadStateDict(sd) }
            == "loaded state dict has a different number of parameter groups (1 vs 2)")
        let fewer = try Adam(Array(mlp.params[..<3]))
        #expect(message { try fewer.loadStateDict(sd) }
            == "loaded state dict contains a parameter group that doesn't match the size of optimizer's group (4 vs 3 parameters)")
        var bad = sd
        bad.state[0]!["exp_avg"] = Tensor.zeros([2, 2], dtype: .float64)
        #expect(message { try opt.loadStateDict(bad) } == "state.0.exp_avg has shape [2, 2] but parameter 0 has shape [3, 5]")
        var unknown = sd
        unknown.state[1]!["momentum_buffer"] = Tensor.zeros([5], dtype: .float64)
        #expect(message { try opt.loadStateDict(unknown) } == "unexpected state entry 'state.1.momentum_buffer' for Adam")
        #expect(message { _ = try OptimizerStateDict(tensors: ["exp_avg": Tensor.zeros([1])], metadata: [:]) }
            == "unexpected tensor key 'exp_avg' (expected state.<index>.<name>)")
        #expect(throws: EmberError.self) { try opt.loadStateDict(OptimizerStateDict(tensors: [:], metadata: ["param_groups.0.lr": "fast"])) }
    }

    @Test func optionValuesRoundTripThroughText() {
        let values: [OptimValue] = [0.001, 1e-8, -1.0, true, false, .pair(0.9, 0.999), .double(.infinity), 3]
        for v in values { #expect(OptimValue(parsing: v.description) == v, "\(v)") }
        #expect(OptimValue(parsing: "(1, 2, 3)") == nil)
        #expect(OptimValue(1e-8).description == "1e-08")
    }
}
