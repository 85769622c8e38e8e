import EmberCore

/// Adagrad (`torch.optim.Adagrad`) with learning-rate decay and an initial accumulator.
///
/// Step `t`: `lrₜ = lr / (1 + (t − 1) · lrDecay)`, `s ← s + g²`, `p ← p − lrₜ · g / (√s + ε)`.
/// The state (`sum`, `step`) is created with the optimizer, as in PyTorch.
public final class Adagrad: Optimizer, @unchecked Sendable {
    /// An optimizer over one group of `params`.
    public convenience init(
        _ params: [Tensor], lr: Double = 1e-2, lrDecay: Double = 0, weightDecay: Double = 0,
        initialAccumulatorValue: Double = 0, eps: Double = 1e-10, maximize: Bool = false
    ) throws {
        try self.init(groups: params.isEmpty ? [] : [ParamGroup(params: params)], lr: lr, lrDecay: lrDecay,
            weightDecay: weightDecay, initialAccumulatorValue: initialAccumulatorValue, eps: eps, maximize: maximize)
    }

    /// An optimizer over `groups`; the arguments are the defaults of the options a group omits.
    public init(
        groups: [ParamGroup], lr: Double = 1e-2, lrDecay: Double = 0, weightDecay: Double = 0,
        initialAccumulatorValue: Double = 0, eps: Double = 1e-10, maximize: Bool = false
    ) throws {
        let n = "Adagrad"
        try OptimError.check(lr >= 0, n, "Invalid learning rate: \(py(lr))")
        try OptimError.check(lrDecay >= 0, n, "Invalid lr_decay value: \(py(lrDecay))")
        try OptimError.check(weightDecay >= 0, n, "Invalid weight_decay value: \(py(weightDecay))")
        try OptimError.check(initialAccumulatorValue >= 0, n,
            "Invalid initial_accumulator_value value: \(py(initialAccumulatorValue))")
        try OptimError.check(eps >= 0, n, "Invalid epsilon value: \(py(eps))")
        try super.init(
            name: n, groups: groups,
            defaults: ["lr": .double(lr), "lr_decay": .double(lrDecay), "weight_decay": .double(weightDecay),
                       "initial_accumulator_value": .double(initialAccumulatorValue), "eps": .double(eps),
                       "maximize": .bool(maximize)],
            stateNames: ["sum"])
        for group in paramGroups { for p in group.params { _ = try state(for: p, group: group) } }
    }

    override public func makeState(for p: Tensor, group: ParamGroup) throws -> ParamState {
        let s = ParamState(buffers: 1)
        s.buffers[0] = filledBuffer(like: p, try group.double("initial_accumulator_value"))
        return s
    }

    /// The hyperparameters of one group.
    struct Options {
        var lr, lrDecay, weightDecay, eps: Double
        var maximize: Bool
        init(_ g: ParamGroup) throws {
            lr = try g.double("lr"); lrDecay = try g.double("lr_decay"); weightDecay = try g.double("weight_decay")
            eps = try g.double("eps"); maximize = try g.bool("maximize")
        }
    }

    override public func update(group: ParamGroup) throws {
        let o = try Options(group)
        for p in group.params {
            guard let g = p.grad else { continue }
            let st = try state(for: p, group: group)
            st.step += 1
            let clr = o.lr / (1 + (st.step - 1) * o.lrDecay)
            let sum = st.buffer(0)
            if Fused.eligible(p, g, sum) {
                switch p.dtype {
                case .float32: Self.fused(p, g, sum, o, clr: clr, Float.self)
                default: Self.fused(p, g, sum, o, clr: clr, Double.self)
                }
                Fused.bump(p, sum)
            } else {
                let grad = Ref.effectiveGrad(g, p, maximize: o.maximize, weightDecay: o.weightDecay)
                Ref.addcmul_(sum, grad, grad, 1)
                Ref.addcdiv_(p, grad, sum.sqrt() + .double(o.eps), -clr)
            }
        }
    }

    static func fused<T: FusedScalar>(_ p: Tensor, _ g: Tensor, _ sum: Tensor, _ o: Options, clr: Double, _ t: T.Type) {
        Kernel<T>(
            count: p.count, pp: Fused.ptr(p, T.self), gp: Fused.ptr(g, T.self), sp: Fused.ptr(sum, T.self),
            useWD: o.weightDecay != 0, sign: o.maximize ? -1 : 1, wd: T(o.weightDecay), eps: T(o.eps), negLR: T(-clr)
        ).run()
    }

    /// Adagrad's per-element update.
    struct Kernel<T: FusedScalar>: FusedKernel {
        let count: Int
        let pp, gp, sp: UnsafeMutablePointer<T>
        let useWD: Bool
        let sign, wd, eps, negLR: T

        @inline(__always)
        func lane<L: FusedLane>(_ i: Int, _ type: L.Type) where L.Scalar == T {
            let p = L.load(pp, i)
            var g = L(splat: sign) * L.load(gp, i)
            if useWD { g = g + L(splat: wd) * p }
            let s = L.load(sp, i) + g * g
            s.store(sp, i)
            (p + L(splat: negLR) * g / (s.sqrt() + L(splat: eps))).store(pp, i)
        }
    }
}
