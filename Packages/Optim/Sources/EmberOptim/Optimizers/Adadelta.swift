import EmberCore

/// Adadelta (`torch.optim.Adadelta`).
///
/// `s ← ρ s + (1 − ρ) g²`, `δ = √(a + ε) / √(s + ε) · g`, `a ← ρ a + (1 − ρ) δ²`,
/// `p ← p − lr · δ`.
public final class Adadelta: Optimizer, @unchecked Sendable {
    /// An optimizer over one group of `params`.
    public convenience init(
        _ params: [Tensor], lr: Double = 1.0, rho: Double = 0.9, eps: Double = 1e-6, weightDecay: Double = 0,
        maximize: Bool = false
    ) throws {
        try self.init(groups: params.isEmpty ? [] : [ParamGroup(params: params)], lr: lr, rho: rho, eps: eps,
            weightDecay: weightDecay, maximize: maximize)
    }

    /// An optimizer over `groups`; the arguments are the defaults of the options a group omits.
    public init(
        groups: [ParamGroup], lr: Double = 1.0, rho: Double = 0.9, eps: Double = 1e-6, weightDecay: Double = 0,
        maximize: Bool = false
    ) throws {
        let n = "Adadelta"
        try OptimError.check(lr >= 0, n, "Invalid learning rate: \(py(lr))")
        try OptimError.check(rho >= 0 && rho <= 1, n, "Invalid rho value: \(py(rho))")
        try OptimError.check(eps >= 0, n, "Invalid epsilon value: \(py(eps))")
        try OptimError.check(weightDecay >= 0, n, "Invalid weight_decay value: \(py(weightDecay))")
        try super.init(
            name: n, groups: groups,
            defaults: ["lr": .double(lr), "rho": .double(rho), "eps": .double(eps),
                       "weight_decay": .double(weightDecay), "maximize": .bool(maximize)],
            stateNames: ["square_avg", "acc_delta"])
    }

    override public func makeState(for p: Tensor, group: ParamGroup) throws -> ParamState {
        let s = ParamState(buffers: 2)
        s.buffers[0] = zerosBuffer(like: p)
        s.buffers[1] = zerosBuffer(like: p)
        return s
    }

    /// The hyperparameters of one group.
    struct Options {
        var lr, rho, eps, weightDecay: Double
        var maximize: Bool
        init(_ g: ParamGroup) throws {
            lr = try g.double("lr"); rho = try g.double("rho"); eps = try g.double("eps")
            weightDecay = try g.double("weight_decay"); maximize = try g.bool("maximize")
        }
    }

    override public func update(group: ParamGroup) throws {
        let o = try Options(group)
        for p in group.params {
            guard let g = p.grad else { continue }
            let st = try state(for: p, group: group)
            st.step += 1
            let sq = st.buffer(0), acc = st.buffer(1)
            if Fused.eligible(p, g, sq, acc) {
                switch p.dtype {
                case .float32: Self.fused(p, g, sq, acc, o, Float.self)
                default: Self.fused(p, g, sq, acc, o, Double.self)
                }
                Fused.bump(p, sq, acc)
            } else {
                let grad = Ref.effectiveGrad(g, p, maximize: o.maximize, weightDecay: o.weightDecay)
                sq.mul_(Tensor(wrapping: .double(o.rho)))
                Ref.addcmul_(sq, grad, grad, 1 - o.rho)
                let std = (sq + .double(o.eps)).sqrt()
                let delta = (acc + .double(o.eps)).sqrt() / std * grad
                acc.mul_(Tensor(wrapping: .double(o.rho)))
                Ref.addcmul_(acc, delta, delta, 1 - o.rho)
                p.add_(delta, alpha: .double(-o.lr))
            }
        }
    }

    static func fused<T: FusedScalar>(_ p: Tensor, _ g: Tensor, _ sq: Tensor, _ acc: Tensor, _ o: Options, _ t: T.Type) {
        Kernel<T>(
            count: p.count, pp: Fused.ptr(p, T.self), gp: Fused.ptr(g, T.self), sp: Fused.ptr(sq, T.self),
            ap: Fused.ptr(acc, T.self), useWD: o.weightDecay != 0, sign: o.maximize ? -1 : 1, wd: T(o.weightDecay),
            rho: T(o.rho), oneMinusRho: T(1 - o.rho), eps: T(o.eps), negLR: T(-o.lr)
        ).run()
    }

    /// Adadelta's per-element update.
    struct Kernel<T: FusedScalar>: FusedKernel {
        let count: Int
        let pp, gp, sp, ap: UnsafeMutablePointer<T>
        let useWD: Bool
        let sign, wd, rho, oneMinusRho, eps, negLR: T

        @inline(__always)
        func lane<L: FusedLane>(_ i: Int, _ type: L.Type) where L.Scalar == T {
            let p = L.load(pp, i)
            var g = L(splat: sign) * L.load(gp, i)
            if useWD { g = g + L(splat: wd) * p }
            let s = L.load(sp, i) * L(splat: rho) + L(splat: oneMinusRho) * g * g
            s.store(sp, i)
            let a = L.load(ap, i)
            let delta = (a + L(splat: eps)).sqrt() / (s + L(splat: eps)).sqrt() * g
            (a * L(splat: rho) + L(splat: oneMinusRho) * delta * delta).store(ap, i)
            (p + L(splat: negLR) * delta).store(pp, i)
        }
    }
}
