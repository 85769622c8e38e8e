import EmberCore

/// NAdam (`torch.optim.NAdam`): Adam with Nesterov momentum and a momentum schedule
/// `μₜ = β₁ (1 − ½ · 0.96^(t · momentumDecay))`; optionally decoupled weight decay.
///
/// `m ← lerp(m, g, 1 − β₁)`, `v ← β₂ v + (1 − β₂) g²`, `d = √(v / (1 − β₂ᵗ)) + ε`,
/// `p ← p − lr (1 − μₜ) / (1 − Πμ) · g / d − lr μₜ₊₁ / (1 − Πμ · μₜ₊₁) · m / d`.
/// The product `Πμ` (`mu_product`) is a float32 scalar, as in PyTorch.
public final class NAdam: Optimizer, @unchecked Sendable {
    /// An optimizer over one group of `params`.
    public convenience init(
        _ params: [Tensor], lr: Double = 2e-3, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
        weightDecay: Double = 0, momentumDecay: Double = 4e-3, decoupledWeightDecay: Bool = false, maximize: Bool = false
    ) throws {
        try self.init(groups: params.isEmpty ? [] : [ParamGroup(params: params)], lr: lr, betas: betas, eps: eps,
            weightDecay: weightDecay, momentumDecay: momentumDecay, decoupledWeightDecay: decoupledWeightDecay,
            maximize: maximize)
    }

    /// An optimizer over `groups`; the arguments are the defaults of the options a group omits.
    public init(
        groups: [ParamGroup], lr: Double = 2e-3, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
        weightDecay: Double = 0, momentumDecay: Double = 4e-3, decoupledWeightDecay: Bool = false, maximize: Bool = false
    ) throws {
        try AdamFamily.validate("NAdam", lr: lr, eps: eps, betas: betas, weightDecay: weightDecay)
        try OptimError.check(momentumDecay >= 0, "NAdam", "Invalid momentum_decay value: \(py(momentumDecay))")
        try super.init(
            name: "NAdam", groups: groups,
            defaults: ["lr": .double(lr), "betas": .pair(betas.0, betas.1), "eps": .double(eps),
                       "weight_decay": .double(weightDecay), "momentum_decay": .double(momentumDecay),
                       "decoupled_weight_decay": .bool(decoupledWeightDecay), "maximize": .bool(maximize)],
            stateNames: ["exp_avg", "exp_avg_sq"], scalarNames: ["mu_product"])
    }

    override public func makeState(for p: Tensor, group: ParamGroup) throws -> ParamState {
        let s = ParamState(buffers: 2, scalars: [1])
        s.buffers[0] = zerosBuffer(like: p)
        s.buffers[1] = zerosBuffer(like: p)
        return s
    }

    override public func update(group: ParamGroup) throws {
        let o = try AdamLike(group)
        let momentumDecay = try group.double("momentum_decay")
        for p in group.params {
            guard let g = p.grad else { continue }
            let st = try state(for: p, group: group)
            st.step += 1
            let t = st.step
            let mu = o.beta1 * (1 - 0.5 * powd(0.96, t * momentumDecay))
            let muNext = o.beta1 * (1 - 0.5 * powd(0.96, (t + 1) * momentumDecay))
            let product = Double(Float(st.scalars[0]) * Float(mu))  // a float32 tensor in PyTorch
            st.scalars[0] = product
            let c = AdamLike.Coefficients(
                gradScale: -o.lr * (1 - mu) / (1 - product),
                avgScale: (-o.lr * muNext) / (1 - product * muNext),
                bc2: 1 - powd(o.beta2, t))
            let m = st.buffer(0), v = st.buffer(1)
            if Fused.eligible(p, g, m, v) {
                switch p.dtype {
                case .float32: Self.fused(p, g, m, v, o, c, Float.self)
                default: Self.fused(p, g, m, v, o, c, Double.self)
                }
                Fused.bump(p, m, v)
            } else {
                let grad = o.gradWithDecay(g, p)
                Ref.lerp_(m, grad, 1 - o.beta1)
                v.mul_(Tensor(wrapping: .double(o.beta2)))
                Ref.addcmul_(v, grad, grad, 1 - o.beta2)
                let denom = (v / .double(c.bc2)).sqrt() + .double(o.eps)
                Ref.addcdiv_(p, grad, denom, c.gradScale)
                Ref.addcdiv_(p, m, denom, c.avgScale)
            }
        }
    }

    static func fused<T: FusedScalar>(
        _ p: Tensor, _ g: Tensor, _ m: Tensor, _ v: Tensor, _ o: AdamLike, _ c: AdamLike.Coefficients, _ t: T.Type
    ) {
        Kernel<T>(
            count: p.count, pp: Fused.ptr(p, T.self), gp: Fused.ptr(g, T.self), mp: Fused.ptr(m, T.self),
            vp: Fused.ptr(v, T.self), k: o.kernelConstants(T.self), bc2: T(c.bc2), eps: T(o.eps),
            gradScale: T(c.gradScale), avgScale: T(c.avgScale)
        ).run()
    }

    /// NAdam's per-element update.
    struct Kernel<T: FusedScalar>: FusedKernel {
        let count: Int
        let pp, gp, mp, vp: UnsafeMutablePointer<T>
        let k: AdamLike.Constants<T>
        let bc2, eps, gradScale, avgScale: T

        @inline(__always)
        func lane<L: FusedLane>(_ i: Int, _ type: L.Type) where L.Scalar == T {
            let (p, g) = k.decayed(L.load(pp, i), L.load(gp, i))
            let m = L.load(mp, i).lerp(g, k.w1, small: k.small)
            m.store(mp, i)
            let v = L.load(vp, i) * L(splat: k.b2) + L(splat: k.omb2) * g * g
            v.store(vp, i)
            let d = (v / L(splat: bc2)).sqrt() + L(splat: eps)
            let q = p + L(splat: gradScale) * g / d
            (q + L(splat: avgScale) * m / d).store(pp, i)
        }
    }
}
