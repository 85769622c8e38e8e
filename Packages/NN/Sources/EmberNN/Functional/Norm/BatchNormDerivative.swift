import EmberAutograd
import EmberCore

// The derivative of native_batch_norm, written with tensor operators so that it is itself
// differentiable. With x̂ = (x − μ)·s, s = 1/√(σ² + eps), y = x̂·w + b, reductions R over
// every dimension but 1 (M elements per channel) and ĝ = g_y·w:
//   training:  d x = s·(ĝ − mean_R ĝ − x̂·mean_R(ĝ·x̂)) + g_μ/M − g_s·s²·x̂/M
//              (μ and s are the 2nd and 3rd results, functions of x)
//   eval:      d x = ĝ·s, d running_mean = −Σ_R ĝ·s + g_μ, d running_var = −½·s³·(Σ_R ĝ·(x − μ) + g_s)
//   always:    d w = Σ_R g_y·x̂, d b = Σ_R g_y.
// μ and s are read from the saved results, so second derivatives flow back through them.

enum BatchNormDerivative {
    static let derivative = Derivative(saves: [0, 1, 2], outputs: [1, 2]) { c in
        let x = try c.input(0), weight = try c.optionalInput(1), bias = try c.optionalInput(2)
        let training = try c.args.bool(5)
        let channels = x.shape[1], m = Double(x.count / Swift.max(channels, 1))
        var view = [Int](repeating: 1, count: x.rank)
        view[1] = channels
        let dims = [0] + Array(2..<x.rank)
        let mu = try c.output(1).reshape(view), s = try c.output(2).reshape(view)
        let g = c.grad(0)
        let xhat = (x - mu) * s
        // Tensor slots: input, then weight, bias, running_mean, running_var where given.
        var slot = 1
        let weightSlot = weight == nil ? nil : slot
        if weight != nil { slot += 1 }
        let biasSlot = bias == nil ? nil : slot
        if bias != nil { slot += 1 }
        let runningSlots = c.inputCount >= slot + 2 ? (slot, slot + 1) : nil

        var grads = [Tensor?](repeating: nil, count: c.inputCount)
        if let weightSlot, c.needsGrad(weightSlot) { grads[weightSlot] = (g * xhat).sum(dims: dims) }
        if let biasSlot, c.needsGrad(biasSlot) { grads[biasSlot] = g.sum(dims: dims) }
        let ghat = weight.map { g * $0.reshape(view) } ?? g
        if training {
            if c.needsGrad(0) {
                var dx = s * (ghat - ghat.mean(dims: dims, keepdim: true) - xhat * (ghat * xhat).mean(dims: dims, keepdim: true))
                if c.hasGrad(1) { dx = dx + c.grad(1).reshape(view) / Scalar.double(m) }
                if c.hasGrad(2) { dx = dx - c.grad(2).reshape(view) * s * s * xhat / Scalar.double(m) }
                grads[0] = dx
            }
            return grads
        }
        if c.needsGrad(0) { grads[0] = ghat * s }
        if let (meanSlot, varSlot) = runningSlots {
            let invstd = try c.output(2)
            if c.needsGrad(meanSlot) {
                let d = (ghat.sum(dims: dims) * invstd).neg()
                grads[meanSlot] = c.hasGrad(1) ? d + c.grad(1) : d
            }
            if c.needsGrad(varSlot) {
                var inner = (ghat * (x - mu)).sum(dims: dims)
                if c.hasGrad(2) { inner = inner + c.grad(2) }
                grads[varSlot] = inner * invstd * invstd * invstd * Scalar.double(-0.5)
            }
        }
        return grads
    }
}
