import EmberAutograd
import EmberCore

// binary_cross_entropy(x, y, w):  −w·(y·log x + (1 − y)·log(1 − x)), each log clamped at −100
//   ∂/∂x = w·(x − y) / max(x(1 − x), 1e-12),   ∂/∂y = w·(log(1 − x) − log x)
// binary_cross_entropy_with_logits(x, y, w, p), with l = 1 + (p − 1)·y and the stable
// softplus(−x) = max(−x, 0) + log1p(exp(−|x|)):
//   w·((1 − y)·x + l·softplus(−x))
//   ∂/∂x = w·(σ(x)·(p·y + 1 − y) − p·y),       ∂/∂y = w·((p − 1)·softplus(−x) − x)
// Input and target must have the same shape; weight and pos_weight broadcast. PyTorch does
// not differentiate weight or pos_weight.

enum BinaryCrossEntropyOps {
    static func register(_ d: Dispatcher) throws {
        let pkg = EmberNN.package
        let bce = try d.define("binary_cross_entropy(Tensor self, Tensor target, Tensor? weight=None, int reduction=1) -> Tensor",
                               promotion: .common(["self", "target"]), package: pkg,
                               doc: "The binary cross entropy of probabilities self against target, reduced.")
        let logits = try d.define(
            "binary_cross_entropy_with_logits(Tensor self, Tensor target, Tensor? weight=None, Tensor? pos_weight=None, int reduction=1) -> Tensor",
            promotion: .common(["self", "target"]), package: pkg,
            doc: "The binary cross entropy of sigmoid(self) against target, computed stably from the logits.")
        d.register(bce, floating: ProbabilitiesKernel(), package: pkg)
        d.register(logits, floating: LogitsKernel(), package: pkg)
        Autograd.register("binary_cross_entropy", probabilitiesDerivative, into: d)
        Autograd.register("binary_cross_entropy_with_logits", logitsDerivative, into: d)
        d.registerSamples(bce) { dtype in
            guard dtype.isFloatingPoint else { return [] }
            let x = SampleData.tensor([0.3, 0.8, 0.55, 0.1, 0.93, 0.42], [2, 3], dtype)
            let y = SampleData.tensor([1, 0, 0.5, 0.2, 1, 0], [2, 3], dtype)
            return (0...2).map { [.tensor(x), .tensor(y), .none, .int($0)] }
        }
        d.registerSamples(logits) { dtype in
            guard dtype.isFloatingPoint else { return [] }
            let x = SampleData.tensor([0.3, -1.8, 2.5, 0.1, -0.7, 4.2], [2, 3], dtype)
            let y = SampleData.tensor([1, 0, 0.5, 0.2, 1, 0], [2, 3], dtype)
            return (0...2).map { [.tensor(x), .tensor(y), .none, .none, .int($0)] }
        }
    }

    /// `torch.Size([3, 1])`, as PyTorch's messages print shapes.
    static func torchSize(_ shape: [Int]) -> String { "torch.Size(\(shape))" }

    struct ProbabilitiesKernel: FloatKernel {
        func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
            let x = try args.tensor(0), y = try args.tensor(1), w = try args.optionalTensor(2)
            let r = try LossSupport.reduction(args, 3)
            guard x.shape == y.shape else {
                throw EmberError(.shapeMismatch, op: args.op,
                    "Using a target size (\(torchSize(y.shape))) that is different to the input size (\(torchSize(x.shape))) is deprecated. Please ensure they have the same size.")
            }
            let inRange = x.contiguous().withUnsafePointer(as: T.self) { p in (0..<x.count).allSatisfy { p[$0] >= 0 && p[$0] <= 1 } }
            guard inRange else {
                throw EmberError(.invalidArgument, op: args.op, "all elements of input should be between 0 and 1 (input \(describe(x)))")
            }
            let floor = T(-100)
            var per = try Elementwise.zip(x, y, T.self, T.self, to: T.self, op: args.op) { p, t in
                (t - 1) * Swift.max(T.log(1 - p), floor) - t * Swift.max(T.log(p), floor)
            }
            if let w { per = per * LossSupport.matching(w, per) }
            return [.tensor(LossSupport.reduce(per, r))]
        }
    }

    static let probabilitiesDerivative = Derivative(saves: [0, 1, 2]) { c in
        let x = try c.input(0), y = try c.input(1), w = try c.optionalInput(2)
        var g = LossSupport.unreduce(c.grad(), try LossSupport.reduction(c.args, 3), shape: x.shape)
        if let w { g = g * w }
        let gx = c.needsGrad(0) ? g * (x - y) / (x * (1 - x)).clamp(min: 1e-12) : nil
        let gy = c.needsGrad(1) ? g * ((1 - x).log() - x.log()) : nil
        return [gx, gy]
    }

    struct LogitsKernel: FloatKernel {
        func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
            let x = try args.tensor(0), y = try args.tensor(1)
            let w = try args.optionalTensor(2), p = try args.optionalTensor(3), r = try LossSupport.reduction(args, 4)
            guard x.shape == y.shape else {
                throw EmberError(.shapeMismatch, op: args.op,
                    "Target size (\(torchSize(y.shape))) must be the same as input size (\(torchSize(x.shape)))")
            }
            var per: Tensor
            if let p {
                per = try Elementwise.zip3(x, y, LossSupport.matching(p, x), T.self, T.self, T.self, to: T.self, op: args.op) { v, t, pw in
                    (1 - t) * v + (1 + (pw - 1) * t) * softplusOfNegative(v)
                }
            } else {
                per = try Elementwise.zip(x, y, T.self, T.self, to: T.self, op: args.op) { v, t in
                    (1 - t) * v + softplusOfNegative(v)
                }
            }
            if let w { per = per * LossSupport.matching(w, per) }
            return [.tensor(LossSupport.reduce(per, r))]
        }

        /// log(1 + e^(−v)) without overflow.
        @inline(__always) func softplusOfNegative<T: FloatElement>(_ v: T) -> T {
            Swift.max(-v, 0) + T.log(onePlus: T.exp(-Swift.abs(v)))
        }
    }

    static let logitsDerivative = Derivative(saves: [0, 1, 2, 3]) { c in
        let x = try c.input(0), y = try c.input(1), w = try c.optionalInput(2), p = try c.optionalInput(3)
        var g = LossSupport.unreduce(c.grad(), try LossSupport.reduction(c.args, 4), shape: x.shape)
        if let w { g = g * w }
        var gx: Tensor?, gy: Tensor?
        if c.needsGrad(0) {
            gx = g * (p.map { x.sigmoid() * ($0 * y + 1 - y) - $0 * y } ?? x.sigmoid() - y)
        }
        if c.needsGrad(1) {
            let softplus = (-x).relu() + (-x.abs()).exp().log1p()
            gy = g * (p.map { ($0 - 1) * softplus - x } ?? -x)
        }
        return [gx, gy]
    }
}

extension Functional {
    private static let bceOp = EmberNN.handle("binary_cross_entropy")
    private static let bceLogitsOp = EmberNN.handle("binary_cross_entropy_with_logits")

    /// The binary cross entropy between probabilities `input` and `target` of the same shape,
    /// each log clamped at −100, optionally weighted, reduced (`F.binary_cross_entropy`).
    public static func binaryCrossEntropy(_ input: Tensor, _ target: Tensor, weight: Tensor? = nil,
                                          reduction: Reduction = .mean) -> Tensor {
        Dispatcher.shared.callForTensor(bceOp, [.tensor(input), .tensor(target), weight.map(IValue.tensor) ?? .none, reduction.aten])
    }

    /// The binary cross entropy of `sigmoid(input)` against `target`, computed stably from the
    /// logits, with optional per-element `weight` and per-class `posWeight` on positive
    /// examples (`F.binary_cross_entropy_with_logits`).
    public static func binaryCrossEntropyWithLogits(_ input: Tensor, _ target: Tensor, weight: Tensor? = nil,
                                                    posWeight: Tensor? = nil, reduction: Reduction = .mean) -> Tensor {
        Dispatcher.shared.callForTensor(bceLogitsOp, [.tensor(input), .tensor(target), weight.map(IValue.tensor) ?? .none,
                                                      posWeight.map(IValue.tensor) ?? .none, reduction.aten])
    }
}
