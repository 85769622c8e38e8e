import EmberAutograd
import EmberCore

// Regression losses on d = self - target (broadcast together, as PyTorch does after its
// size warning), then reduced:
//   mse_loss        d²                                   ∂/∂d = 2d
//   l1_loss         |d|  (composite, as in ATen)         ∂/∂d = sign d
//   smooth_l1_loss  |d| < β ? d²/(2β) : |d| − β/2         ∂/∂d = |d| < β ? d/β : sign d
//   huber_loss      |d| < δ ? d²/2 : δ(|d| − δ/2)         ∂/∂d = clamp(d, −δ, δ)
// The target's gradient is minus the input's. Backward formulas are tensor operations, so
// double backward works.

enum RegressionLossOps {
    enum Kind: Sendable { case mse, smoothL1, huber }

    static func register(_ d: Dispatcher) throws {
        let pkg = EmberNN.package, promote = TypePromotion.common(["self", "target"])
        let mse = try d.define("mse_loss(Tensor self, Tensor target, int reduction=1) -> Tensor", promotion: promote,
                               package: pkg, doc: "The mean squared error (self − target)², reduced.")
        let smooth = try d.define("smooth_l1_loss(Tensor self, Tensor target, int reduction=1, float beta=1.0) -> Tensor",
                                  promotion: promote, package: pkg, doc: "Squared error below beta, absolute error above, reduced.")
        let huber = try d.define("huber_loss(Tensor self, Tensor target, int reduction=1, float delta=1.0) -> Tensor",
                                 promotion: promote, package: pkg, doc: "Squared error below delta, delta-scaled absolute error above, reduced.")
        let l1 = try d.define("l1_loss(Tensor self, Tensor target, int reduction=1) -> Tensor", promotion: promote,
                              package: pkg, doc: "The mean absolute error |self − target|, reduced.")
        d.register(mse, floating: Kernel(kind: .mse), package: pkg)
        d.register(smooth, floating: Kernel(kind: .smoothL1), package: pkg)
        d.register(huber, floating: Kernel(kind: .huber), package: pkg)
        d.registerComposite(l1, package: pkg) { args in
            let x = try args.tensor(0), y = try args.tensor(1)
            return [.tensor(LossSupport.reduce((x - y).abs(), try LossSupport.reduction(args, 2)))]
        }
        Autograd.register("mse_loss", derivative { d, _ in d * 2.0 }, into: d)
        Autograd.register("smooth_l1_loss", derivative { d, beta in
            beta == 0 ? d.sign() : Tensor.where(d.abs() .< Scalar.double(beta), d * Scalar.double(1 / beta), d.sign())
        }, into: d)
        Autograd.register("huber_loss", derivative { d, delta in d.clamp(min: .double(-delta), max: .double(delta)) }, into: d)
        for op in [mse, l1] { d.registerSamples(op) { samples($0, parameter: nil) } }
        d.registerSamples(smooth) { samples($0, parameter: 0.6) }
        d.registerSamples(huber) { samples($0, parameter: 0.7) }
    }

    /// The derivative of a loss f(d) given ∂f/∂d as a tensor function of d and the op's
    /// parameter (beta, delta).
    static func derivative(_ slope: @escaping @Sendable (Tensor, Double) -> Tensor) -> Derivative {
        Derivative(saves: [0, 1]) { c in
            let x = try c.input(0), y = try c.input(1), r = try LossSupport.reduction(c.args, 2)
            let param = c.args.values.count > 3 ? try c.args.double(3) : 0
            let d = x - y
            let g = LossSupport.unreduce(c.grad(), r, shape: d.shape) * slope(d, param)
            return [c.needsGrad(0) ? g : nil, c.needsGrad(1) ? -g : nil]
        }
    }

    /// Samples for each reduction and a broadcast pair, with beta or delta when given.
    static func samples(_ dtype: DType, parameter: Double?) -> [[IValue]] {
        guard dtype.isFloatingPoint else { return [] }
        let extra: [IValue] = parameter.map { [.double($0)] } ?? []
        let x = SampleData.tensor([0.3, -1.2, 0.8, 2.0, -0.5, 0.1], [2, 3], dtype)
        let y = SampleData.tensor([1.1, -0.4, -0.9, 0.1, 0.4, 0.5], [2, 3], dtype)
        let column = SampleData.tensor([0.7, -1.6], [2, 1], dtype), row = SampleData.tensor([0.2, -0.3, 1.9], [3], dtype)
        return (0...2).map { [.tensor(x), .tensor(y), .int($0)] + extra } + [[.tensor(column), .tensor(row), .int(1)] + extra]
    }

    struct Kernel: FloatKernel {
        let kind: Kind

        func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
            let x = try args.tensor(0), y = try args.tensor(1), r = try LossSupport.reduction(args, 2)
            let op = args.op
            let per: Tensor
            switch kind {
            case .mse:
                per = try Elementwise.zip(x, y, T.self, T.self, to: T.self, op: op) { let d = $0 - $1; return d * d }
            case .smoothL1:
                let beta = try args.double(3)
                guard beta >= 0 else {
                    throw EmberError(.invalidArgument, op: op, "smooth_l1_loss does not support negative values for beta.")
                }
                let b = T(beta), half = T(0.5)
                per = try Elementwise.zip(x, y, T.self, T.self, to: T.self, op: op) {
                    let a = Swift.abs($0 - $1)
                    return a < b ? half * a * a / b : a - half * b
                }
            case .huber:
                let delta = try args.double(3)
                guard delta > 0 else {
                    throw EmberError(.invalidArgument, op: op, "huber_loss does not support non-positive values for delta.")
                }
                let dl = T(delta), half = T(0.5)
                per = try Elementwise.zip(x, y, T.self, T.self, to: T.self, op: op) {
                    let a = Swift.abs($0 - $1)
                    return a < dl ? half * a * a : dl * (a - half * dl)
                }
            }
            return [.tensor(LossSupport.reduce(per, r))]
        }
    }
}

extension Functional {
    private static let mseLossOp = EmberNN.handle("mse_loss")
    private static let l1LossOp = EmberNN.handle("l1_loss")
    private static let smoothL1LossOp = EmberNN.handle("smooth_l1_loss")
    private static let huberLossOp = EmberNN.handle("huber_loss")

    /// The squared error (input − target)², reduced (`F.mse_loss`). Shapes broadcast.
    public static func mseLoss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean) -> Tensor {
        Dispatcher.shared.callForTensor(mseLossOp, [.tensor(input), .tensor(target), reduction.aten])
    }

    /// The absolute error |input − target|, reduced (`F.l1_loss`). Shapes broadcast.
    public static func l1Loss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean) -> Tensor {
        Dispatcher.shared.callForTensor(l1LossOp, [.tensor(input), .tensor(target), reduction.aten])
    }

    /// `0.5·d²/beta` where |d| < beta, else `|d| − 0.5·beta`, for d = input − target, reduced
    /// (`F.smooth_l1_loss`); beta 0 is the L1 loss.
    public static func smoothL1Loss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean, beta: Double = 1) -> Tensor {
        Dispatcher.shared.callForTensor(smoothL1LossOp, [.tensor(input), .tensor(target), reduction.aten, .double(beta)])
    }

    /// `0.5·d²` where |d| < delta, else `delta·(|d| − 0.5·delta)`, reduced (`F.huber_loss`).
    public static func huberLoss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean, delta: Double = 1) -> Tensor {
        Dispatcher.shared.callForTensor(huberLossOp, [.tensor(input), .tensor(target), reduction.aten, .double(delta)])
    }
}
