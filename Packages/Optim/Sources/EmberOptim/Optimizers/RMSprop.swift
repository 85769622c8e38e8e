import EmberCore

/// RMSprop (`torch.optim.RMSprop`), optionally centered and with momentum.
///
/// `s ← α s + (1 − α) g²`; centered: `ḡ ← lerp(ḡ, g, 1 − α)`, `a = √(s − ḡ²) + ε`, else
/// `a = √s + ε`; with momentum `b ← μ b + g / a`, `p ← p − lr · b`, else `p ← p − lr · g / a`.
public final class RMSprop: Optimizer, @unchecked Sendable {
    /// An optimizer over one group of `params`.
    public convenience init(
        _ params: [Tensor], lr: Double = 1e-2, alpha: Double = 0.99, eps: Double = 1e-8, weightDecay: Double = 0,
        momentum: Double = 0, centered: Bool = false, maximize: Bool = false
    ) throws {
        try self.init(groups: params.isEmpty ? [] : [ParamGroup(params: params)], lr: lr, alpha: alpha, eps: eps,
            weightDecay: weightDecay, momentum: momentum, centered: centered, maximize: maximize)
    }

    /// An optimizer over `groups`; the arguments are the defaults of the options a group omits.
    public init(
        groups: [ParamGroup], lr: Double = 1e-2, alpha: Double = 0.99, eps: Double = 1e-8, weightDecay: Double = 0,
        momentum: Double = 0, centered: Bool = false, maximize: Bool = false
    ) throws {
        let n = "RMSprop"
        try OptimError.check(lr >= 0, n, "Invalid learning rate: \(py(lr))")
        try OptimError.check(eps >= 0, n, "Invalid epsilon value: \(py(eps))")
        try OptimError.check(momentum >= 0, n, "Invalid momentum value: \(py(momentum))")
        try OptimError.check(weightDecay >= 0, n, "Invalid weight_decay value: \(py(weightDecay))")
        try OptimError.check(alpha >= 0, n, "Invalid alpha value: \(py(alpha))")
        try super.init(
            name: n, groups: groups,
            defaults: ["lr": .double(lr), "alpha": .double(alpha), "eps": .double(eps), "weight_decay": .double(weightDecay),
                       "momentum": .double(momentum), "centered": .bool(centered), "maximize": .bool(maximize)],
            stateNames: ["square_avg", "momentum_buffer", "grad_avg"])
    }

    override public func makeState(for p: Tensor, group: ParamGroup) throws -> ParamState {
        let s = ParamState(buffers: 3)
        s.buffers[0] = zerosBuffer(like: p)
        if try group.double("momentum") > 0 { s.buffers[1] = zerosBuffer(like: p) }
        if try group.bool("centered") { s.buffers[2] = zerosBuffer(like: p) }
        return s
    }

    /// The hyperparameters of one group.
    struct Options {
        var lr, alpha, eps, weightDecay, momentum: Double
        var centered, maximize: Bool
        init(_ g: ParamGroup) throws {
            lr = try g.double("lr"); alpha = try g.double("alpha"); eps = try g.double("eps")
            weightDecay = try g.double("weight_decay"); momentum = try g.double("momentum")
            centered = try g.bool("centered"); maximize = try g.bool("maximize")
        }
    }

    override public func update(group: ParamGroup) throws {
        let o = try Options(group)
        for p in group.params {
            guard let g = p.grad else { continue }
            let st = try state(for: p, group: group)
            if o.momentum > 0 && st.buffers[1] == nil { st.buffers[1] = zerosBuffer(like: p) }
            if o.centered && st.buffers[2] == nil { st.buffers[2] = zerosBuffer(like: p) }
            st.step += 1
            let sq = st.buffer(0), buf = o.momentum > 0 ? st.buffers[1] : nil, avg = o.centered ? st.buffers[2] : nil
            if Fused.eligible(p, g, sq, buf, avg) {
                switch p.dtype {
                case .float32: Self.fused(p, g, sq, buf, avg, o, Float.self)
                default: Self.fused(p, g, sq, buf, avg, o, Double.self)
                }
                Fused.bump(p, sq, buf, avg)
            } else {
                Self.reference(p, g, sq, buf, avg, o)
            }
        }
    }

    static func fused<T: FusedScalar>(
        _ p: Tensor, _ g: Tensor, _ sq: Tensor, _ buf: Tensor?, _ avg: Tensor?, _ o: Options, _ t: T.Type
    ) {
        let pp = Fused.ptr(p, T.self)
        Kernel<T>(
            count: p.count, pp: pp, gp: Fused.ptr(g, T.self), sp: Fused.ptr(sq, T.self), bp: Fused.ptr(buf, T.self) ?? pp,
            ap: Fused.ptr(avg, T.self) ?? pp, hasBuffer: buf != nil, centered: avg != nil, useWD: o.weightDecay != 0,
            small: Swift.abs(1 - o.alpha) < 0.5, sign: o.maximize ? -1 : 1, wd: T(o.weightDecay), alpha: T(o.alpha),
            oneMinusAlpha: T(1 - o.alpha), eps: T(o.eps), momentum: T(o.momentum), negLR: T(-o.lr)
        ).run()
    }

    /// RMSprop's per-element update.
    struct Kernel<T: FusedScalar>: FusedKernel {
        let count: Int
        let pp, gp, sp, bp, ap: UnsafeMutablePointer<T>
        let hasBuffer, centered, useWD, small: Bool
        let sign, wd, alpha, oneMinusAlpha, eps, momentum, negLR: T

        @inline(__always)
        func lane<L: FusedLane>(_ i: Int, _ type: L.Type) where L.Scalar == T {
            let p = L.load(pp, i)
            var g = L(splat: sign) * L.load(gp, i)
            if useWD { g = g + L(splat: wd) * p }
            let s = L.load(sp, i) * L(splat: alpha) + L(splat: oneMinusAlpha) * g * g
            s.store(sp, i)
            var a: L
            if centered {
                let ga = L.load(ap, i).lerp(g, oneMinusAlpha, small: small)
                ga.store(ap, i)
                a = (s + (L(splat: -1) * ga) * ga).sqrt()
            } else {
                a = s.sqrt()
            }
            a = a + L(splat: eps)
            if hasBuffer {
                let b = L.load(bp, i) * L(splat: momentum) + g / a
                b.store(bp, i)
                (p + L(splat: negLR) * b).store(pp, i)
            } else {
                (p + L(splat: negLR) * g / a).store(pp, i)
            }
        }
    }

    static func reference(_ p: Tensor, _ g: Tensor, _ sq: Tensor, _ buf: Tensor?, _ avg: Tensor?, _ o: Options) {
        let grad = Ref.effectiveGrad(g, p, maximize: o.maximize, weightDecay: o.weightDecay)
        sq.mul_(Tensor(wrapping: .double(o.alpha)))
        Ref.addcmul_(sq, grad, grad, 1 - o.alpha)
        var a: Tensor
        if let avg {
            Ref.lerp_(avg, grad, 1 - o.alpha)
            a = sq.add(avg * avg, alpha: -1).sqrt()
        } else {
            a = sq.sqrt()
        }
        a = a + .double(o.eps)
        if let buf {
            buf.mul_(Tensor(wrapping: .double(o.momentum)))
            buf.add_(grad / a)
            p.add_(buf, alpha: .double(-o.lr))
        } else {
            Ref.addcdiv_(p, grad, a, -o.lr)
        }
    }
}
