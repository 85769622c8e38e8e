import EmberAutograd
import EmberCore

// cross_entropy_loss is a composite, as in ATen, so its gradient comes from the operators it
// calls. With C classes on dim 1 (dim 0 for a 1-D input), lp = log_softmax(self), ε the
// label smoothing:
// - class-index targets: nll_loss(lp, target, weight, reduction, ignore_index); with ε > 0,
//   (1 − ε)·nll + ε/C·s, where s = −Σ_c w_c·lp_c per element (0 at ignored targets), summed
//   for sum and divided for mean by the total weight of the counted targets (their count
//   without weights), exactly as PyTorch normalises it;
// - class-probability targets (floating, same shape as self): q = (1 − ε)·target + ε/C,
//   −Σ_c w_c·q_c·lp_c per element; mean divides by the number of elements (numel / C).

enum CrossEntropyOps {
    static func register(_ d: Dispatcher) throws {
        let op = try d.define(
            "cross_entropy_loss(Tensor self, Tensor target, Tensor? weight=None, int reduction=1, SymInt ignore_index=-100, float label_smoothing=0.0) -> Tensor",
            package: EmberNN.package, doc: "The cross entropy of logits self against class indices or class probabilities.")
        d.registerComposite(op, package: EmberNN.package) { args in
            let x = try args.tensor(0), t = try args.tensor(1), w = try args.optionalTensor(2)
            let r = try LossSupport.reduction(args, 3), ignore = try args.int(4), smoothing = try args.double(5)
            guard (0...1).contains(smoothing) else {
                throw EmberError(.invalidArgument, op: args.op, "label_smoothing must be between 0.0 and 1.0. Got: \(smoothing)")
            }
            guard x.rank > 0 else {
                throw EmberError(.shapeMismatch, op: args.op, "input tensor should be 1D or 2D, got input \(describe(x))")
            }
            let classDim = x.rank == 1 ? 0 : 1
            let logp = x.logSoftmax(dim: classDim)
            let classWeights = w.map { $0.reshape((0..<x.rank).map { $0 == classDim ? -1 : 1 }) }
            if t.dtype.isFloatingPoint && t.shape == x.shape {
                guard ignore < 0 else {
                    throw EmberError(.invalidArgument, op: args.op, "ignore_index is not supported for floating point target")
                }
                return [.tensor(probabilities(logp, t, classWeights, r, smoothing, classDim))]
            }
            let nll = try NLLLossOps.nllLoss(logp, t, w, r, ignore)
            guard smoothing > 0 else { return [.tensor(nll)] }
            let smooth = smoothed(logp, t, w, classWeights, r, ignore, classDim)
            return [.tensor(nll * Scalar.double(1 - smoothing) + smooth * Scalar.double(smoothing / Double(x.shape[classDim])))]
        }
        d.registerSamples(op, samples)
    }

    /// The loss against class probabilities `t`.
    static func probabilities(_ logp: Tensor, _ t: Tensor, _ w: Tensor?, _ r: Int, _ smoothing: Double, _ classDim: Int) -> Tensor {
        let classes = Double(logp.shape[classDim])
        let q = smoothing > 0 ? t * Scalar.double(1 - smoothing) + Scalar.double(smoothing / classes) : t
        var product = logp * q
        if let w { product = product * w }
        switch r {
        case 0: return -product.sum(dim: classDim)
        case 1: return -product.sum() / Scalar.double(Double(logp.count) / classes)
        default: return -product.sum()
        }
    }

    /// The reduced smoothing term s for class-index targets.
    static func smoothed(_ logp: Tensor, _ t: Tensor, _ w: Tensor?, _ classWeights: Tensor?, _ r: Int, _ ignore: Int,
                         _ classDim: Int) -> Tensor {
        let ignored = t.eq(Tensor(wrapping: .int(Int64(ignore))))
        let perElement = -(classWeights.map { logp * $0 } ?? logp).sum(dim: classDim)
        let s = perElement.maskedFill(ignored, 0)
        switch r {
        case 0: return s
        case 2: return s.sum()
        default:
            let counted = ignored.logicalNot().to(logp.dtype)
            guard let w else { return s.sum() / counted.sum() }
            let classes = t.to(.int64).maskedFill(ignored, 0).reshape([-1])
            return s.sum() / (w.indexSelect(dim: 0, index: classes) * counted.reshape([-1])).sum()
        }
    }

    static let samples: SampleInputs = { dtype in
        guard dtype.isFloatingPoint else { return [] }
        let x = SampleData.tensor([0.3, -1.2, 0.8, 2.0, -0.5, 0.1, 0.7, -0.2, 1.5, 0.4, -0.9, 0.6], [3, 4], dtype)
        let t = Tensor([Int64(1), 0, 3], shape: [3]), ignored = Tensor([Int64(2), -100, 3], shape: [3])
        let q = SampleData.tensor([0.1, 0.2, 0.3, 0.4, 0.25, 0.25, 0.25, 0.25, 0.7, 0.1, 0.1, 0.1], [3, 4], dtype)
        let cube = SampleData.tensor((0..<12).map { Double($0 * 7 % 12) * 0.1 - 0.5 }, [2, 3, 2], dtype)
        let tc = Tensor([Int64(2), 0, 1, 2], shape: [2, 2])
        func call(_ x: Tensor, _ t: Tensor, _ r: Int, _ ignore: Int, _ ls: Double) -> [IValue] {
            [.tensor(x), .tensor(t), .none, .int(r), .int(ignore), .double(ls)]
        }
        return [call(x, t, 1, -100, 0), call(x, ignored, 0, -100, 0), call(x, ignored, 1, -100, 0.2),
                call(x, ignored, 2, -100, 0.1), call(cube, tc, 1, 1, 0.3), call(x, q, 1, -100, 0), call(x, q, 0, -100, 0.2),
                call(SampleData.tensor([0.5, -0.3, 1.2], [3], dtype), Tensor([Int64(1)], shape: []), 1, -100, 0.1)]
    }
}

extension Functional {
    private static let crossEntropyOp = EmberNN.handle("cross_entropy_loss")

    /// The cross entropy between logits `input` ([C], [N, C] or [N, C, d1, …]) and `target`:
    /// int64 class indices ([N, d1, …]) or class probabilities of `input`'s shape
    /// (`F.cross_entropy`), with per-class `weight`, `ignoreIndex` (class indices only) and
    /// `labelSmoothing` in [0, 1], with PyTorch's normalisation of the weighted mean.
    public static func crossEntropy(_ input: Tensor, _ target: Tensor, weight: Tensor? = nil, ignoreIndex: Int = -100,
                                    reduction: Reduction = .mean, labelSmoothing: Double = 0) -> Tensor {
        Dispatcher.shared.callForTensor(crossEntropyOp, [.tensor(input), .tensor(target), weight.map(IValue.tensor) ?? .none,
                                                         reduction.aten, .int(ignoreIndex), .double(labelSmoothing)])
    }
}
