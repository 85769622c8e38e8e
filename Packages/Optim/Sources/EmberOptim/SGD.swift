import EmberCore

/// Stochastic gradient descent with optional momentum, dampening, Nesterov momentum,
/// L2 weight decay and maximization (`torch.optim.SGD`).
///
/// With `g` the gradient (negated under `maximize`) plus `weightDecay · p`:
/// `b ← g` on the first step, then `b ← momentum · b + (1 − dampening) · g`;
/// the update direction is `g + momentum · b` (Nesterov) or `b`; `p ← p − lr · direction`.
public final class SGD: Optimizer, @unchecked Sendable {
    /// An optimizer over one group of `params`.
    public convenience init(
        _ params: [Tensor], lr: Double = 1e-3, momentum: Double = 0, dampening: Double = 0,
        weightDecay: Double = 0, nesterov: Bool = false, maximize: Bool = false
    ) throws {
        try self.init(groups: params.isEmpty ? [] : [ParamGroup(params: params)], lr: lr, momentum: momentum,
            dampening: dampening, weightDecay: weightDecay, nesterov: nesterov, maximize: maximize)
    }

    /// An optimizer over `groups`; the arguments are the defaults of the options a group omits.
    public init(
        groups: [ParamGroup], lr: Double = 1e-3, momentum: Double = 0, dampening: Double = 0,
        weightDecay: Double = 0, nesterov: Bool = false, maximize: Bool = false
    ) throws {
        try OptimError.check(lr >= 0, "SGD", "Invalid learning rate: \(py(lr))")
        try OptimError.check(momentum >= 0, "SGD", "Invalid momentum value: \(py(momentum))")
        try OptimError.check(weightDecay >= 0, "SGD", "Invalid weight_decay value: \(py(weightDecay))")
        try OptimError.check(!nesterov || (momentum > 0 && dampening == 0), "SGD",
            "Nesterov momentum requires a momentum and zero dampening")
        try super.init(
            name: "SGD", groups: groups,
            defaults: ["lr": .double(lr), "momentum": .double(momentum), "dampening": .double(dampening),
                       "weight_decay": .double(weightDecay), "nesterov": .bool(nesterov), "maximize": .bool(maximize)],
            stateNames: ["momentum_buffer"], countsSteps: false)
    }

    /// The hyperparameters of one group.
    struct Options {
        var lr, momentum, dampening, weightDecay: Double
        var nesterov, maximize: Bool
        init(_ g: ParamGroup) throws {
            lr = try g.double("lr"); momentum = try g.double("momentum"); dampening = try g.double("dampening")
            weightDecay = try g.double("weight_decay"); nesterov = try g.bool("nesterov"); maximize = try g.bool("maximize")
        }
    }

    override public func update(group: ParamGroup) throws {
        let o = try Options(group)
        for p in group.params {
            guard let g = p.grad else { continue }
            let st = try state(for: p, group: group)
            let first = o.momentum != 0 && st.buffers[0] == nil
            if first { st.buffers[0] = zerosBuffer(like: p) }
            let buf = o.momentum != 0 ? st.buffers[0] : nil
            if Fused.eligible(p, g, buf) {
                switch p.dtype {
                case .float32: Self.fused(p, g, buf, o, first: first, Float.self)
                default: Self.fused(p, g, buf, o, first: first, Double.self)
                }
                Fused.bump(p, buf)
            } else {
                Self.reference(p, g, buf, o, first: first)
            }
        }
    }

    /// The fused update of one contiguous parameter.

    static func fused<T: FloatElement>(_ p: Tensor, _ g: Tensor, _ buf: Tensor?, _ o: Options, first: Bool, _ t: T.Type) {
        let n = p.count
        let pp = Fused.ptr(p, T.self), gp = Fused.ptr(g, T.self)
        let sign: T = o.maximize ? -1 : 1, wd = T(o.weightDecay), negLR = T(-o.lr)
        guard let bp = Fused.ptr(buf, T.self) else {
            for i in 0..<n {
                var gi = sign * gp[i]
                if o.weightDecay != 0 { gi = gi + wd * pp[i] }
                pp[i] = pp[i] + negLR * gi
            }
            return
        }
        let mom = T(o.momentum), keep = T(1 - o.dampening)
        for i in 0..<n {
            var gi = sign * gp[i]
            if o.weightDecay != 0 { gi = gi + wd * pp[i] }
            let b = first ? gi : bp[i] * mom + keep * gi
            bp[i] = b
            let d = o.nesterov ? gi + mom * b : b
            pp[i] = pp[i] + negLR * d
        }
    }

    /// The tensor-operation update (any layout or floating dtype).
    static func reference(_ p: Tensor, _ g: Tensor, _ buf: Tensor?, _ o: Options, first: Bool) {
        var grad = Ref.effectiveGrad(g, p, maximize: o.maximize, weightDecay: o.weightDecay)
        if let buf {
            if first {
                buf.copy_(grad)
            } else {
                buf.mul_(Tensor(wrapping: .double(o.momentum)))
                buf.add_(grad, alpha: .double(1 - o.dampening))
            }
            grad = o.nesterov ? grad.add(buf, alpha: .double(o.momentum)) : buf
        }
        p.add_(grad, alpha: .double(-o.lr))
    }
}
