import EmberCore

/// The options NAdam and RAdam share (`betas`, `eps`, weight decay, L2 or decoupled,
/// `maximize`) and the per-element weight-decay step of their fused loops.
struct AdamLike {
    var lr, beta1, beta2, eps, weightDecay: Double
    var decoupled, maximize: Bool

    /// The step-dependent scalars of a NAdam update.
    struct Coefficients {
        var gradScale, avgScale, bc2: Double
    }

    init(_ g: ParamGroup) throws {
        lr = try g.double("lr"); (beta1, beta2) = try g.pair("betas"); eps = try g.double("eps")
        weightDecay = try g.double("weight_decay"); decoupled = try g.bool("decoupled_weight_decay")
        maximize = try g.bool("maximize")
    }

    /// The gradient after maximize and L2 decay; decoupled decay scales `p` in place first.
    func gradWithDecay(_ g: Tensor, _ p: Tensor) -> Tensor {
        var grad = maximize ? -g : g
        if weightDecay != 0 {
            if decoupled {
                p.mul_(Tensor(wrapping: .double(1 - lr * weightDecay)))
            } else {
                grad = grad.add(p, alpha: .double(weightDecay))
            }
        }
        return grad
    }

    /// Loop constants in the element type.
    struct Constants<T: FloatElement> {
        var sign, l2, decay, w1, b2, omb2: T
        var useL2, useDecay, small: Bool

        /// The parameter after decoupled decay and the gradient after maximize and L2 decay.
        @inline(__always)
        func decayed<L: FusedLane>(_ p: L, _ g: L) -> (L, L) where L.Scalar == T {
            var pi = p, gi = L(splat: sign) * g
            if useDecay { pi = pi * L(splat: decay) }
            if useL2 { gi = gi + L(splat: l2) * pi }
            return (pi, gi)
        }
    }

    func kernelConstants<T: FloatElement>(_ type: T.Type) -> Constants<T> {
        Constants(
            sign: maximize ? -1 : 1, l2: T(weightDecay), decay: T(1 - lr * weightDecay), w1: T(1 - beta1),
            b2: T(beta2), omb2: T(1 - beta2), useL2: !decoupled && weightDecay != 0,
            useDecay: decoupled && weightDecay != 0, small: Swift.abs(1 - beta1) < 0.5)
    }
}
