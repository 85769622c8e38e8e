import EmberAutograd
import EmberCore

// nll_loss(x, t, w): −w[t]·x[n, t, …] per target element, targets equal to ignore_index
// skipped (0 under reduction none); mean divides by the total weight Σ w[t] of the counted
// targets (NaN when there are none), as PyTorch does. Input [C] with a 0-d target, [N, C]
// with [N], or [N, C, d1, …] with [N, d1, …].
// The backward, nll_loss_backward, scatters −w[t]·g (÷ total weight for mean) into zeros of
// the input's shape. It is linear in g, so its own derivative is nll_loss of the incoming
// gradient: double backward works. Both are direct kernels (no one-hot tensors).

enum NLLLossOps {
    static func register(_ d: Dispatcher) throws {
        let pkg = EmberNN.package
        let forward = try d.define(
            "nll_loss(Tensor self, Tensor target, Tensor? weight=None, int reduction=1, SymInt ignore_index=-100) -> Tensor",
            package: pkg, doc: "The negative log likelihood of class indices under log-probabilities self, reduced.")
        let backward = try d.define(
            "nll_loss_backward(Tensor grad_output, Tensor self, Tensor target, Tensor? weight=None, int reduction=1, SymInt ignore_index=-100) -> Tensor",
            dispatchOn: "self", package: pkg, doc: "The gradient of nll_loss with respect to self.")
        d.register(forward, floating: ForwardKernel(), package: pkg)
        d.register(backward, floating: BackwardKernel(), package: pkg)
        Autograd.register("nll_loss", Derivative(saves: [0, 1, 2]) { c in
            let x = try c.input(0), t = try c.input(1), w = try c.optionalInput(2)
            return [c.needsGrad(0) ? try nllLossBackward(c.grad(), x, t, w, try c.args.int(3), try c.args.int(4)) : nil]
        }, into: d)
        Autograd.register("nll_loss_backward", Derivative(saves: [2, 3]) { c in
            let t = try c.input(2), w = try c.optionalInput(3)
            return [c.needsGrad(0) ? try nllLoss(c.grad(), t, w, try c.args.int(4), try c.args.int(5)) : nil, nil]
        }, into: d)
        d.registerSamples(forward) { dtype in samples(dtype).map { Array($0.dropFirst()) } }
        d.registerSamples(backward) { dtype in samples(dtype) }
    }

    static let forwardOp = EmberNN.handle("nll_loss")
    static let backwardOp = EmberNN.handle("nll_loss_backward")

    static func nllLoss(_ x: Tensor, _ t: Tensor, _ w: Tensor?, _ reduction: Int, _ ignoreIndex: Int) throws -> Tensor {
        try firstTensor(forwardOp, [.tensor(x), .tensor(t), w.map(IValue.tensor) ?? .none,
                                                    .int(reduction), .int(ignoreIndex)])
    }

    static func nllLossBackward(_ g: Tensor, _ x: Tensor, _ t: Tensor, _ w: Tensor?, _ reduction: Int, _ ignoreIndex: Int) throws -> Tensor {
        try firstTensor(backwardOp, [.tensor(g), .tensor(x), .tensor(t), w.map(IValue.tensor) ?? .none,
                                                     .int(reduction), .int(ignoreIndex)])
    }

    /// Backward samples (a gradient first); the forward drops the gradient.
    static func samples(_ dtype: DType) -> [[IValue]] {
        guard dtype.isFloatingPoint else { return [] }
        let x = SampleData.tensor([0.3, -1.2, 0.8, 2.0, -0.5, 0.1, 0.7, -0.2, 1.5, 0.4, -0.9, 0.6], [3, 4], dtype)
        let t = Tensor([Int64(1), 0, 3], shape: [3]), ignored = Tensor([Int64(2), -100, 3], shape: [3])
        let cube = SampleData.tensor((0..<12).map { Double($0 * 7 % 12) * 0.1 - 0.5 }, [2, 3, 2], dtype)
        let tc = Tensor([Int64(2), 0, 1, 2], shape: [2, 2])
        let vec = SampleData.tensor([0.5, -0.3, 1.2], [3], dtype), scalarTarget = Tensor([Int64(1)], shape: [])
        let scalarGrad = SampleData.tensor([0.7], [], dtype), rowGrad = SampleData.tensor([0.7, -1.3, 0.4], [3], dtype)
        return [
            [.tensor(rowGrad), .tensor(x), .tensor(t), .none, .int(0), .int(-100)],
            [.tensor(scalarGrad), .tensor(x), .tensor(t), .none, .int(1), .int(-100)],
            [.tensor(scalarGrad), .tensor(x), .tensor(ignored), .none, .int(2), .int(-100)],
            [.tensor(scalarGrad), .tensor(x), .tensor(ignored), .none, .int(1), .int(-100)],
            [.tensor(scalarGrad), .tensor(cube), .tensor(tc), .none, .int(1), .int(1)],
            [.tensor(scalarGrad), .tensor(vec), .tensor(scalarTarget), .none, .int(1), .int(-100)],
        ]
    }

    /// The input viewed as [N, C, S] and the target as [N, S], checked as PyTorch checks them.
    struct Geometry {
        let n: Int, c: Int, s: Int

        init(_ x: Tensor, _ t: Tensor, _ w: Tensor?, op: String) throws {
            switch x.rank {
            case 0:
                throw EmberError(.shapeMismatch, op: op, "input tensor should be 1D or 2D, got input \(describe(x))")
            case 1, 2:
                guard t.rank <= 1 else {
                    throw EmberError(.shapeMismatch, op: op, "0D or 1D target tensor expected, multi-target not supported")
                }
                let batch = x.rank == 1 ? 1 : x.shape[0]
                let targetBatch = t.rank == 0 ? 1 : t.shape[0]
                guard batch == targetBatch, !(x.rank == 2 && t.rank == 0) else {
                    throw EmberError(.shapeMismatch, op: op,
                        "Expected input batch_size (\(batch)) to match target batch_size (\(t.rank == 0 ? 0 : targetBatch)).")
                }
                (n, c, s) = (batch, x.shape[x.rank - 1], 1)
            default:
                let expected = [x.shape[0]] + Array(x.shape.dropFirst(2))
                guard t.shape == expected else {
                    throw EmberError(.shapeMismatch, op: op, "Expected target size \(expected), got \(t.shape)")
                }
                (n, c, s) = (x.shape[0], x.shape[1], expected.dropFirst().reduce(1, *))
            }
            guard t.dtype == .int64 || t.dtype == .uint8 else {
                throw EmberError(.invalidDType, op: op, "expected target dtype to be Long or Byte, but got \(t.dtype.scalarTypeName)")
            }
            if let w, w.count != c || w.rank != 1 {
                throw EmberError(.shapeMismatch, op: op,
                    "weight tensor should be defined either for all \(c) classes or no classes but got weight tensor of shape: \(w.shape)")
            }
        }
    }

    /// Visits each counted target element: (flat target position, class, weight), after
    /// checking the class is in range; returns the total weight.
    static func forEachTarget<T: FloatElement>(_ t: Tensor, _ w: Tensor?, _ geo: Geometry, ignoreIndex: Int, _ type: T.Type,
                                               op: String, _ body: (Int, Int, T) -> Void) throws -> T {
        let targets = t.to(.int64).contiguous()
        let weights: [T]? = w.map { w in w.to(T.dtype).contiguous().withUnsafePointer(as: T.self) { Array(UnsafeBufferPointer(start: $0, count: geo.c)) } }
        var total = T.zero
        try targets.withUnsafePointer(as: Int64.self) { pt in
            for k in 0..<(geo.n * geo.s) {
                let cls = Int(pt[k])
                if cls == ignoreIndex { continue }
                guard cls >= 0 && cls < geo.c else { throw EmberError(.indexOutOfRange, op: op, "Target \(cls) is out of bounds.") }
                let wt = weights?[cls] ?? 1
                total += wt
                body(k, cls, wt)
            }
        }
        return total
    }

    struct ForwardKernel: FloatKernel {
        func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
            let x = try args.tensor(0).contiguous(), t = try args.tensor(1), w = try args.optionalTensor(2)
            let r = try LossSupport.reduction(args, 3), ignore = try args.int(4)
            let geo = try Geometry(x, t, w, op: args.op)
            let perElement = Tensor.zeros(t.shape, dtype: T.dtype)
            let total = try x.withUnsafePointer(as: T.self) { px in
                try perElement.withUnsafeMutablePointer(as: T.self) { po in
                    try forEachTarget(t, w, geo, ignoreIndex: ignore, T.self, op: args.op) { k, cls, wt in
                        let (i, j) = k.quotientAndRemainder(dividingBy: geo.s)
                        po[k] = -wt * px[(i * geo.c + cls) * geo.s + j]
                    }
                }
            }
            switch r {
            case 0: return [.tensor(perElement)]
            case 1: return [.tensor(perElement.sum() / Tensor(scalar: total))]
            default: return [.tensor(perElement.sum())]
            }
        }
    }

    struct BackwardKernel: FloatKernel {
        func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
            let g = LossSupport.matching(try args.tensor(0), try args.tensor(1)).contiguous()
            let x = try args.tensor(1), t = try args.tensor(2), w = try args.optionalTensor(3)
            let r = try LossSupport.reduction(args, 4), ignore = try args.int(5)
            let geo = try Geometry(x, t, w, op: args.op)
            guard r != 0 ? g.count == 1 : g.shape == t.shape else {
                throw EmberError(.shapeMismatch, op: args.op, "grad_output \(describe(g)) does not match target \(describe(t))")
            }
            let gradInput = Tensor.zeros(x.shape, dtype: T.dtype)
            var scale = T(1)
            if r == 1 {
                scale = 1 / (try forEachTarget(t, w, geo, ignoreIndex: ignore, T.self, op: args.op) { _, _, _ in })
            }
            try g.withUnsafePointer(as: T.self) { pg in
                try gradInput.withUnsafeMutablePointer(as: T.self) { po in
                    _ = try forEachTarget(t, w, geo, ignoreIndex: ignore, T.self, op: args.op) { k, cls, wt in
                        let (i, j) = k.quotientAndRemainder(dividingBy: geo.s)
                        po[(i * geo.c + cls) * geo.s + j] = -wt * scale * (r == 0 ? pg[k] : pg[0])
                    }
                }
            }
            return [.tensor(gradInput)]
        }
    }
}

extension Functional {
    /// The negative log likelihood of class indices `target` under log-probabilities `input`
    /// (`F.nll_loss`): input [C], [N, C] or [N, C, d1, …]; target 0-d, [N] or [N, d1, …] of
    /// int64; per-class `weight`; targets equal to `ignoreIndex` do not count.
    public static func nllLoss(_ input: Tensor, _ target: Tensor, weight: Tensor? = nil, ignoreIndex: Int = -100,
                               reduction: Reduction = .mean) -> Tensor {
        Dispatcher.shared.callForTensor(NLLLossOps.forwardOp, [.tensor(input), .tensor(target), weight.map(IValue.tensor) ?? .none,
                                                               reduction.aten, .int(ignoreIndex)])
    }
}
