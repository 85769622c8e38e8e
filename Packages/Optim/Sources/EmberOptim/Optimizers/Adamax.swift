import EmberCore

/// Adamax (`torch.optim.Adamax`): Adam with the infinity norm.
///
/// `m ← lerp(m, g, 1 − β₁)`, `u ← max(β₂ u, |g| + ε)`, `p ← p − (lr / (1 − β₁ᵗ)) · m / u`.
public final class Adamax: Optimizer, @unchecked Sendable {
    /// An optimizer over one group of `params`.
    public convenience init(
        _ params: [Tensor], lr: Double = 2e-3, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
        weightDecay: Double = 0, maximize: Bool = false
    ) throws {
        try self.init(groups: params.isEmpty ? [] : [ParamGroup(params: params)], lr: lr, betas: betas, eps: eps,
            weightDecay: weightDecay, maximize: maximize)
    }

    /// An optimizer over `groups`; the arguments are the defaults of the options a group omits.
    public init(
        groups: [ParamGroup], lr: Double = 2e-3, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
        weightDecay: Double = 0, maximize: Bool = false
    ) throws {
        try AdamFamily.validate("Adamax", lr: lr, eps: eps, betas: betas, weightDecay: weightDecay)
        try super.init(
            name: "Adamax", groups: groups,
            defaults: ["lr": .double(lr), "betas": .pair(betas.0, betas.1), "eps": .double(eps),
                       "weight_decay": .double(weightDecay), "maximize": .bool(maximize)],
            stateNames: ["exp_avg", "exp_inf"])
    }

    override public func makeState(for p: Tensor, group: ParamGroup) throws -> ParamState {
        let s = ParamState(buffers: 2)
        s.buffers[0] = zerosBuffer(like: p)
        s.buffers[1] = zerosBuffer(like: p)
        return s
    }

    /// The hyperparameters of one group.
    struct Options {
        var lr, beta1, beta2, eps, weightDecay: Double
        var maximize: Bool
        init(_ g: ParamGroup) throws {
            lr = try g.double("lr"); (beta1, beta2) = try g.pair("betas"); eps = try g.double("eps")
            weightDecay = try g.double("weight_decay"); maximize = try g.bool("maximize")
        }
    }

    override public func update(group: ParamGroup) throws {
        let o = try Options(group)
        for p in group.params {
            guard let g = p.grad else { continue }
            let st = try state(for: p, group: group)
            st.step += 1
            let clr = o.lr / (1 - powd(o.beta1, st.step))
            let m = st.buffer(0), u = st.buffer(1)
            if Fused.eligible(p, g, m, u) {
                switch p.dtype {
                case .float32: Self.fused(p, g, m, u, o, clr: clr, Float.self)
                default: Self.fused(p, g, m, u, o, clr: clr, Double.self)
                }
                Fused.bump(p, m, u)
            } else {
                let grad = Ref.effectiveGrad(g, p, maximize: o.maximize, weightDecay: o.weightDecay)
                Ref.lerp_(m, grad, 1 - o.beta1)
                u.copy_((u * .double(o.beta2)).maximum(grad.abs() + .double(o.eps)))
                Ref.addcdiv_(p, m, u, -clr)
            }
        }
    }

    static func fused<T: FusedScalar>(_ p: Tensor, _ g: Tensor, _ m: Tensor, _ u: Tensor, _ o: Options, clr: Double, _ t: T.Type) {
        Kernel<T>(
            count: p.count, pp: Fused.ptr(p, T.self), gp: Fused.ptr(g, T.self), mp: Fused.ptr(m, T.self),
            up: Fused.ptr(u, T.self), useWD: o.weightDecay != 0, small: Swift.abs(1 - o.beta1) < 0.5,
            sign: o.maximize ? -1 : 1, wd: T(o.weightDecay), w1: T(1 - o.beta1), b2: T(o.beta2), eps: T(o.eps),
            negLR: T(-clr)
        ).run()
    }

    /// Adamax's per-element update.
    struct Kernel<T: FusedScalar>: FusedKernel {
        let count: Int
        let pp, gp, mp, up: UnsafeMutablePointer<T>
        let useWD, small: Bool
        let sign, wd, w1, b2, eps, negLR: T

        @inline(__always)
        func lane<L: FusedLane>(_ i: Int, _ type: L.Type) where L.Scalar == T {
            let p = L.load(pp, i)
            var g = L(splat: sign) * L.load(gp, i)
            if useWD { g = g + L(splat: wd) * p }
            let m = L.load(mp, i).lerp(g, w1, small: small)
            m.store(mp, i)
            let u = (L.load(up, i) * L(splat: b2)).nanMax(g.absolute() + L(splat: eps))
            u.store(up, i)
            (p + L(splat: negLR) * m / u).store(pp, i)
        }
    }
}
