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
            // Like PyTorch, SGD keeps state (the momentum buffer) only when momentum is used.
            var buf: Tensor?, first = false
            if o.momentum != 0 {
                let st = try state(for: p, group: group)
                first = st.buffers[0] == nil
                if first { st.buffers[0] = zerosBuffer(like: p) }
                buf = st.buffers[0]
            }
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
    static func fused<T: FusedScalar>(_ p: Tensor, _ g: Tensor, _ buf: Tensor?, _ o: Options, first: Bool, _ t: T.Type) {
        let pp = Fused.ptr(p, T.self)
        Kernel<T>(
            count: p.count, pp: pp, gp: Fused.ptr(g, T.self), bp: Fused.ptr(buf, T.self) ?? pp, hasBuffer: buf != nil,
            first: first, nesterov: o.nesterov, useWD: o.weightDecay != 0, sign: o.maximize ? -1 : 1,
            wd: T(o.weightDecay), negLR: T(-o.lr), momentum: T(o.momentum), keep: T(1 - o.dampening)
        ).run()
    }

    /// SGD's per-element update.
    struct Kernel<T: FusedScalar>: FusedKernel {
        let count: Int
        let pp, gp, bp: UnsafeMutablePointer<T>
        let hasBuffer, first, nesterov, useWD: Bool
        let sign, wd, negLR, momentum, keep: T

        @inline(__always)
        func lane<L: FusedLane>(_ i: Int, _ type: L.Type) where L.Scalar == T {
            let p = L.load(pp, i)
            var g = L(splat: sign) * L.load(gp, i)
            if useWD { g = g + L(splat: wd) * p }
            var d = g
            if hasBuffer {
                let b = first ? g : L.load(bp, i) * L(splat: momentum) + L(splat: keep) * g
                b.store(bp, i)
                d = nesterov ? g + L(splat: momentum) * b : b
            }
            (p + L(splat: negLR) * d).store(pp, i)
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
