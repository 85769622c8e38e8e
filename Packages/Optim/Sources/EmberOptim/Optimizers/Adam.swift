import EmberCore

/// Adam (`torch.optim.Adam`), with AMSGrad, maximization, L2 weight decay, or decoupled
/// weight decay (which makes it ``AdamW``).
///
/// Step `t`: `m ← lerp(m, g, 1 − β₁)`, `v ← β₂ v + (1 − β₂) g²` (`v̂ = max(v̂, v)` with
/// AMSGrad), `p ← p − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)`: the bias corrections are
/// applied as PyTorch's single-tensor implementation applies them, ε outside the root.
public class Adam: Optimizer, @unchecked Sendable {
    /// An optimizer over one group of `params`.
    public convenience init(
        _ params: [Tensor], lr: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
        weightDecay: Double = 0, amsgrad: Bool = false, maximize: Bool = false, decoupledWeightDecay: Bool = false
    ) throws {
        try self.init(groups: params.isEmpty ? [] : [ParamGroup(params: params)], lr: lr, betas: betas, eps: eps,
            weightDecay: weightDecay, amsgrad: amsgrad, maximize: maximize, decoupledWeightDecay: decoupledWeightDecay)
    }

    /// An optimizer over `groups`; the arguments are the defaults of the options a group omits.
    public init(
        groups: [ParamGroup], lr: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
        weightDecay: Double = 0, amsgrad: Bool = false, maximize: Bool = false, decoupledWeightDecay: Bool = false,
        name: String = "Adam"
    ) throws {
        try AdamFamily.validate(name, lr: lr, eps: eps, betas: betas, weightDecay: weightDecay)
        try super.init(
            name: name, groups: groups,
            defaults: ["lr": .double(lr), "betas": .pair(betas.0, betas.1), "eps": .double(eps),
                       "weight_decay": .double(weightDecay), "amsgrad": .bool(amsgrad), "maximize": .bool(maximize),
                       "decoupled_weight_decay": .bool(decoupledWeightDecay)],
            stateNames: ["exp_avg", "exp_avg_sq", "max_exp_avg_sq"])
    }

    override public func makeState(for p: Tensor, group: ParamGroup) throws -> ParamState {
        let s = ParamState(buffers: 3)
        s.buffers[0] = zerosBuffer(like: p)
        s.buffers[1] = zerosBuffer(like: p)
        if try group.bool("amsgrad") { s.buffers[2] = zerosBuffer(like: p) }
        return s
    }

    /// The hyperparameters of one group.
    struct Options {
        var lr, beta1, beta2, eps, weightDecay: Double
        var amsgrad, maximize, decoupled: Bool
        init(_ g: ParamGroup) throws {
            lr = try g.double("lr"); (beta1, beta2) = try g.pair("betas"); eps = try g.double("eps")
            weightDecay = try g.double("weight_decay"); amsgrad = try g.bool("amsgrad")
            maximize = try g.bool("maximize"); decoupled = try g.bool("decoupled_weight_decay")
        }
    }

    override public func update(group: ParamGroup) throws {
        let o = try Options(group)
        for p in group.params {
            guard let g = p.grad else { continue }
            let st = try state(for: p, group: group)
            if o.amsgrad && st.buffers[2] == nil { st.buffers[2] = zerosBuffer(like: p) }
            st.step += 1
            let m = st.buffer(0), v = st.buffer(1), vmax = o.amsgrad ? st.buffers[2] : nil
            if Fused.eligible(p, g, m, v, vmax) {
                switch p.dtype {
                case .float32: Self.fused(p, g, m, v, vmax, o, step: st.step, Float.self)
                default: Self.fused(p, g, m, v, vmax, o, step: st.step, Double.self)
                }
                Fused.bump(p, m, v, vmax)
            } else {
                Self.reference(p, g, m, v, vmax, o, step: st.step)
            }
        }
    }

    /// The fused update of one contiguous parameter.
    static func fused<T: FusedScalar>(
        _ p: Tensor, _ g: Tensor, _ m: Tensor, _ v: Tensor, _ vmax: Tensor?, _ o: Options, step: Double, _ t: T.Type
    ) {
        let stepSize = o.lr / (1 - powd(o.beta1, step))
        let pp = Fused.ptr(p, T.self)
        Kernel<T>(
            count: p.count, pp: pp, gp: Fused.ptr(g, T.self), mp: Fused.ptr(m, T.self), vp: Fused.ptr(v, T.self),
            maxp: Fused.ptr(vmax, T.self) ?? pp, amsgrad: vmax != nil,
            useDecay: o.decoupled && o.weightDecay != 0, useL2: !o.decoupled && o.weightDecay != 0,
            small: Swift.abs(1 - o.beta1) < 0.5, sign: o.maximize ? -1 : 1, decay: T(1 - o.lr * o.weightDecay),
            l2: T(o.weightDecay), w1: T(1 - o.beta1), b2: T(o.beta2), omb2: T(1 - o.beta2), eps: T(o.eps),
            negStep: T(-stepSize), bc2Sqrt: T((1 - powd(o.beta2, step)).squareRoot())
        ).run()
    }

    /// Adam's per-element update: `p·decay`, `g + l2·p`, the moments, then the step.
    struct Kernel<T: FusedScalar>: FusedKernel {
        let count: Int
        let pp, gp, mp, vp, maxp: UnsafeMutablePointer<T>
        let amsgrad, useDecay, useL2, small: Bool
        let sign, decay, l2, w1, b2, omb2, eps, negStep, bc2Sqrt: T

        @inline(__always)
        func lane<L: FusedLane>(_ i: Int, _ type: L.Type) where L.Scalar == T {
            var p = L.load(pp, i), g = L(splat: sign) * L.load(gp, i)
            if useDecay { p = p * L(splat: decay) }
            if useL2 { g = g + L(splat: l2) * p }
            let m = L.load(mp, i).lerp(g, w1, small: small)
            m.store(mp, i)
            let v = L.load(vp, i) * L(splat: b2) + L(splat: omb2) * g * g
            v.store(vp, i)
            var d = v
            if amsgrad {
                d = L.load(maxp, i).nanMax(v)
                d.store(maxp, i)
            }
            (p + L(splat: negStep) * m / (d.sqrt() / L(splat: bc2Sqrt) + L(splat: eps))).store(pp, i)
        }
    }

    /// The tensor-operation update (any layout or floating dtype).
    static func reference(_ p: Tensor, _ g: Tensor, _ m: Tensor, _ v: Tensor, _ vmax: Tensor?, _ o: Options, step: Double) {
        var grad = o.maximize ? -g : g
        if o.weightDecay != 0 {
            if o.decoupled {
                p.mul_(Tensor(wrapping: .double(1 - o.lr * o.weightDecay)))
            } else {
                grad = grad.add(p, alpha: .double(o.weightDecay))
            }
        }
        Ref.lerp_(m, grad, 1 - o.beta1)
        v.mul_(Tensor(wrapping: .double(o.beta2)))
        Ref.addcmul_(v, grad, grad, 1 - o.beta2)
        let stepSize = o.lr / (1 - powd(o.beta1, step))
        let bc2Sqrt = (1 - powd(o.beta2, step)).squareRoot()
        var second = v
        if let vmax {
            vmax.copy_(vmax.maximum(v))
            second = vmax
        }
        let denom = second.sqrt() / .double(bc2Sqrt) + .double(o.eps)
        Ref.addcdiv_(p, m, denom, -stepSize)
    }
}

/// AdamW (`torch.optim.AdamW`): Adam with decoupled weight decay (default 0.01),
/// `p ← p · (1 − lr · weightDecay)` before the Adam step.
public final class AdamW: Adam, @unchecked Sendable {
    /// An optimizer over one group of `params`.
    public convenience init(
        _ params: [Tensor], lr: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
        weightDecay: Double = 1e-2, amsgrad: Bool = false, maximize: Bool = false
    ) throws {
        try self.init(groups: params.isEmpty ? [] : [ParamGroup(params: params)], lr: lr, betas: betas, eps: eps,
            weightDecay: weightDecay, amsgrad: amsgrad, maximize: maximize)
    }

    /// An optimizer over `groups`; the arguments are the defaults of the options a group omits.
    public init(
        groups: [ParamGroup], lr: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
        weightDecay: Double = 1e-2, amsgrad: Bool = false, maximize: Bool = false
    ) throws {
        try super.init(groups: groups, lr: lr, betas: betas, eps: eps, weightDecay: weightDecay, amsgrad: amsgrad,
            maximize: maximize, decoupledWeightDecay: true, name: "AdamW")
    }
}

/// Argument checks shared by the Adam family, with PyTorch's messages.
enum AdamFamily {
    static func validate(_ name: String, lr: Double, eps: Double, betas: (Double, Double), weightDecay: Double) throws {
        try OptimError.check(lr >= 0, name, "Invalid learning rate: \(py(lr))")
        try OptimError.check(eps >= 0, name, "Invalid epsilon value: \(py(eps))")
        try OptimError.check(betas.0 >= 0 && betas.0 < 1, name, "Invalid beta parameter at index 0: \(py(betas.0))")
        try OptimError.check(betas.1 >= 0 && betas.1 < 1, name, "Invalid beta parameter at index 1: \(py(betas.1))")
        try OptimError.check(weightDecay >= 0, name, "Invalid weight_decay value: \(py(weightDecay))")
    }
}
