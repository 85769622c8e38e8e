import EmberAutograd
import EmberCore

// The derivative of distance::cdist, registered with EmberAutograd by the plugin itself:
// how a plugin operator becomes differentiable (and gradchecked by the conformance suite).

extension CDist {
    /// With `diff = x1_i - x2_j` and `d_ij` the result, `∂d_ij/∂x1_i = diff |diff|^(p-2) / d_ij^(p-1)`
    /// (the sign of `diff` for p = 1), zero where `d_ij = 0`; `x2` gets the negated sum.
    static let derivative = Derivative(saves: [0, 1], outputs: [0]) { c in
        let x1 = try c.input(0), x2 = try c.input(1), p = try c.args.double(2)
        let diff = x1.unsqueeze(-2) - x2.unsqueeze(-3)  // [..., P, R, M]
        let dist = try c.output(0).unsqueeze(-1)  // [..., P, R, 1]
        let weight: Tensor
        if p == 1 {
            weight = diff.sign()
        } else if p == 2 {
            weight = diff / dist
        } else {
            weight = diff * diff.abs().pow(Scalar.double(p - 2)) / dist.pow(Scalar.double(p - 1))
        }
        let scaled = (c.grad().unsqueeze(-1) * weight).maskedFill(dist.eq(Tensor(wrapping: 0)), 0)
        return [scaled.sum(dim: -2), scaled.sum(dim: -3).neg()]
    }
}
