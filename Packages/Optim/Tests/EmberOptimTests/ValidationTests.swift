import EmberAutograd
import EmberCore
@testable import EmberOptim
import Testing

/// Argument validation messages, compared with PyTorch's (from the fixture).
@Suite struct ValidationTests {
    static let param: Tensor = {
        let p = Tensor.zeros([2], dtype: .float64)
        p.requiresGrad = true
        return p
    }()

    static let cases: [(String, @Sendable () throws -> Void)] = [
        ("sgd_lr", { _ = try SGD([param], lr: -1.0) }), ("sgd_momentum", { _ = try SGD([param], momentum: -0.5) }),
        ("sgd_wd", { _ = try SGD([param], weightDecay: -0.1) }), ("sgd_nesterov", { _ = try SGD([param], nesterov: true) }),
        ("adam_lr", { _ = try Adam([param], lr: -0.001) }), ("adam_eps", { _ = try Adam([param], eps: -1e-08) }),
        ("adam_beta0", { _ = try Adam([param], betas: (1.0, 0.999)) }),
        ("adam_beta1", { _ = try Adam([param], betas: (0.9, -0.1)) }),
        ("adamw_wd", { _ = try AdamW([param], weightDecay: -0.01) }),
        ("rmsprop_alpha", { _ = try RMSprop([param], alpha: -0.5) }),
        ("rmsprop_momentum", { _ = try RMSprop([param], momentum: -1.0) }),
        ("adagrad_lr_decay", { _ = try Adagrad([param], lrDecay: -0.5) }),
        ("adagrad_init", { _ = try Adagrad([param], initialAccumulatorValue: -1.0) }),
        ("adadelta_rho", { _ = try Adadelta([param], rho: 1.5) }),
        ("nadam_md", { _ = try NAdam([param], momentumDecay: -0.1) }),
        ("radam_lr", { _ = try RAdam([param], lr: -2.0) }),
        ("adamax_beta0", { _ = try Adamax([param], betas: (-0.1, 0.9)) }),
    ]

    @Test func messagesMatchPyTorch() {
        let expected = fixture["errors"] as! [String: String?]
        for (key, body) in Self.cases {
            let want = expected[key] ?? nil
            #expect(want != nil, "\(key): PyTorch raised nothing")
            #expect(message(body) == want, "\(key)")
        }
    }

    @Test func errorsNameTheOptimizer() {
        do {
            _ = try Adam([Self.param], lr: -1.0)
            Issue.record("no error")
        } catch let e as EmberError {
            #expect(e.code == .invalidArgument && e.description == "Adam: Invalid learning rate: -1.0")
        } catch { Issue.record("\(error)") }
    }

    @Test func defaultsAreTorchs() throws {
        let p = Self.param
        #expect(try SGD([p]).defaults["lr"] == 1e-3)
        #expect(try Adam([p]).defaults == ["lr": 1e-3, "betas": .pair(0.9, 0.999), "eps": 1e-8, "weight_decay": 0,
                                           "amsgrad": false, "maximize": false, "decoupled_weight_decay": false])
        #expect(try AdamW([p]).defaults["weight_decay"] == 1e-2)
        #expect(try RMSprop([p]).defaults["alpha"] == 0.99 && RMSprop([p]).defaults["lr"] == 1e-2)
        #expect(try Adagrad([p]).defaults["eps"] == 1e-10)
        #expect(try Adadelta([p]).defaults["lr"] == 1.0 && Adadelta([p]).defaults["eps"] == 1e-6)
        #expect(try Adamax([p]).defaults["lr"] == 2e-3 && NAdam([p]).defaults["momentum_decay"] == 4e-3)
        #expect(try RAdam([p]).defaults["lr"] == 1e-3)
    }
}
