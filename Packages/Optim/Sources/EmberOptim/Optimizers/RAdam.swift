import EmberCore

/// RAdam (`torch.optim.RAdam`): Adam with a rectified adaptive learning rate.
///
/// With `ρ∞ = 2 / (1 − β₂) − 1` and `ρₜ = ρ∞ − 2t β₂ᵗ / (1 − β₂ᵗ)`: when `ρₜ > 5`,
/// `p ← p − lr · m / (1 − β₁ᵗ) · √(1 − β₂ᵗ) / (√v + ε) · r` with
/// `r = √((ρₜ − 4)(ρₜ − 2) ρ∞ / ((ρ∞ − 4)(ρ∞ − 2) ρₜ))`; otherwise `p ← p − lr · m / (1 − β₁ᵗ)`.
public final class RAdam: Optimizer, @unchecked Sendable {
    /// An optimizer over one group of `params`.
    public convenience init(
        _ params: [Tensor], lr: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
        weightDecay: Double = 0, decoupledWeightDecay: Bool = false, maximize: Bool = false
    ) throws {
        try self.init(groups: params.isEmpty ? [] : [ParamGroup(params: params)], lr: lr, betas: betas, eps: eps,
            weightDecay: weightDecay, decoupledWeightDecay: decoupledWeightDecay, maximize: maximize)
    }

    /// An optimizer over `groups`; the arguments are the defaults of the options a group omits.
    public init(
        groups: [ParamGroup], lr: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
        weightDecay: Double = 0, decoupledWeightDecay: Bool = false, maximize: Bool = false
    ) throws {
        try AdamFamily.validate("RAdam", lr: lr, eps: eps, betas: betas, weightDecay: weightDecay)
        try super.init(
            name: "RAdam", groups: groups,
            defaults: ["lr": .double(lr), "betas": .pair(betas.0, betas.1), "eps": .double(eps),
                       "weight_decay": .double(weightDecay), "decoupled_weight_decay": .bool(decoupledWeightDecay),
                       "maximize": .bool(maximize)],
            stateNames: ["exp_avg", "exp_avg_sq"])
    }

    override public func makeState(for p: Tensor, group: ParamGroup) throws -> ParamState {
        let s = ParamState(buffers: 2)
        s.buffers[0] = zerosBuffer(like: p)
        s.buffers[1] = zerosBuffer(like: p)
        return s
    }

    override public func update(group: ParamGroup) throws {
        let o = try AdamLike(group)
        for p in group.params {
            guard let g = p.grad else { continue }
            let st = try state(for: p, group: group)
            st.step += 1
            let t = st.step
            let bc1 = 1 - powd(o.beta1, t), bc2 = 1 - powd(o.beta2, t)
            let rhoInf = 2 / (1 - o.beta2) - 1
            let rhoT = rhoInf - 2 * t * powd(o.beta2, t) / bc2
            let rect = rhoT > 5 ? ((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT)).squareRoot() : nil
            let m = st.buffer(0), v = st.buffer(1)
            if Fused.eligible(p, g, m, v) {
                switch p.dtype {
                case .float32: Self.fused(p, g, m, v, o, bc1: bc1, bc2: bc2, rect: rect, Float.self)
                default: Self.fused(p, g, m, v, o, bc1: bc1, bc2: bc2, rect: rect, Double.self)
                }
                Fused.bump(p, m, v)
            } else {
                let grad = o.gradWithDecay(g, p)
                Ref.lerp_(m, grad, 1 - o.beta1)
                v.mul_(Tensor(wrapping: .double(o.beta2)))
                Ref.addcmul_(v, grad, grad, 1 - o.beta2)
                var u = m / .double(bc1) * .double(o.lr)
                if let rect {
                    u = u * (.double(bc2.squareRoot()) / (v.sqrt() + .double(o.eps))) * .double(rect)
                }
                p.add_(u, alpha: -1)
            }
        }
    }

    static func fused<T: FusedScalar>(
        _ p: Tensor, _ g: Tensor, _ m: Tensor, _ v: Tensor, _ o: AdamLike, bc1: Double, bc2: Double, rect: Double?,
        _ t: T.Type
    ) {
        Kernel<T>(
            count: p.count, pp: Fused.ptr(p, T.self), gp: Fused.ptr(g, T.self), mp: Fused.ptr(m, T.self),
            vp: Fused.ptr(v, T.self), k: o.kernelConstants(T.self), rectified: rect != nil, bc1: T(bc1), lr: T(o.lr),
            sqrtBC2: T(bc2.squareRoot()), eps: T(o.eps), rect: T(rect ?? 1)
        ).run()
    }

    /// RAdam's per-element update.
    struct Kernel<T: FusedScalar>: FusedKernel {
        let count: Int
        let pp, gp, mp, vp: UnsafeMutablePointer<T>
        let k: AdamLike.Constants<T>
        let rectified: Bool
        let bc1, lr, sqrtBC2, eps, rect: T

        @inline(__always)
        func lane<L: FusedLane>(_ i: Int, _ type: L.Type) where L.Scalar == T {
            let (p, g) = k.decayed(L.load(pp, i), L.load(gp, i))
            let m = L.load(mp, i).lerp(g, k.w1, small: k.small)
            m.store(mp, i)
            let v = L.load(vp, i) * L(splat: k.b2) + L(splat: k.omb2) * g * g
            v.store(vp, i)
            var u = m / L(splat: bc1) * L(splat: lr)
            if rectified { u = u * (L(splat: sqrtBC2) / (v.sqrt() + L(splat: eps))) * L(splat: rect) }
            (p + L(splat: -1) * u).store(pp, i)
        }
    }
}
