import EmberAutograd
import EmberCore

// kl_div(self, target) with self the log-probabilities of the prediction: per element
//   target·log(target) − target·self            (0 where target is 0, as xlogy gives)
//   exp(target)·(target − self)                  with log_target
// then reduced (none, mean over all elements, sum); batchmean (sum ÷ batch size) is the
// Swift API's, as it is torch.nn.functional's. A composite, so both self and target are
// differentiable through the operators it calls.

enum KLDivOps {
    static func register(_ d: Dispatcher) throws {
        let op = try d.define("kl_div(Tensor self, Tensor target, int reduction=1, *, bool log_target=False) -> Tensor",
                              promotion: .common(["self", "target"]), package: EmberNN.package,
                              doc: "The Kullback-Leibler divergence of target from the log-probabilities self, reduced.")
        d.registerComposite(op, package: EmberNN.package) { args in
            let x = try args.tensor(0), t = try args.tensor(1), r = try LossSupport.reduction(args, 2)
            let per: Tensor
            if try args.bool(3) {
                per = t.exp() * (t - x)
            } else {
                // xlogy(t, t) with log(1) where t is 0, so that neither value nor gradient is NaN.
                let safe = Tensor.where(t.eq(Tensor(wrapping: 0)), Tensor.ones(like: t), t)
                per = t * safe.log() - t * x
            }
            return [.tensor(LossSupport.reduce(per, r))]
        }
        d.registerSamples(op) { dtype in
            guard dtype.isFloatingPoint else { return [] }
            let x = SampleData.tensor([-1.2, -0.4, -2.0, -0.9, -1.6, -0.3], [2, 3], dtype)
            let t = SampleData.tensor([0.2, 0.5, 0.3, 0.6, 0.1, 0.3], [2, 3], dtype)
            let logT = SampleData.tensor([-1.5, -0.7, -1.2, -0.5, -2.2, -1.2], [2, 3], dtype)
            return (0...2).map { [.tensor(x), .tensor(t), .int($0), .bool(false)] }
                + (0...2).map { [.tensor(x), .tensor(logT), .int($0), .bool(true)] }
        }
    }
}

extension Functional {
    private static let klDivOp = EmberNN.handle("kl_div")

    /// The Kullback-Leibler divergence of `target` (probabilities, or log-probabilities with
    /// `logTarget`) from the log-probabilities `input` (`F.kl_div`). `.batchMean` divides the
    /// sum by the batch size (the KL divergence proper); `.mean` divides by every element.
    public static func klDiv(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean, logTarget: Bool = false) -> Tensor {
        let r = reduction == .batchMean ? Reduction.sum : reduction
        let out = Dispatcher.shared.callForTensor(klDivOp, [.tensor(input), .tensor(target), r.aten, .bool(logTarget)])
        guard reduction == .batchMean, input.rank > 0 else { return out }
        return out / Scalar.double(Double(input.shape[0]))
    }
}
