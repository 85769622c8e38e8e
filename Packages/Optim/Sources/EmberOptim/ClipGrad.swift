import EmberAutograd
import EmberCore

/// Scales the gradients of `parameters` in place so that their total norm is at most
/// `maxNorm` (`torch.nn.utils.clip_grad_norm_`), and returns the total norm before clipping.
///
/// The total is the `normType`-norm of the per-gradient norms (`.infinity` for the largest
/// magnitude); each gradient is multiplied by `min(maxNorm / (total + 1e-6), 1)`.
///
/// - Throws: PyTorch's message if `errorIfNonfinite` and the total norm is NaN or infinite.
@discardableResult
public func clipGradNorm(
    _ parameters: [Tensor], maxNorm: Double, normType: Double = 2, errorIfNonfinite: Bool = false
) throws -> Tensor {
    let grads = parameters.compactMap(\.grad)
    if grads.isEmpty { return Tensor(scalar: Float(0)) }
    return try noGrad {
        let norms = grads.map { $0.norm(p: normType) }
        let total = Tensor.stack(norms).norm(p: normType)
        if errorIfNonfinite {
            let t = total.item().doubleValue
            if t.isNaN || t.isInfinite {
                throw EmberError(.invalidArgument, op: "clip_grad_norm_",
                    "The total norm of order \(py(normType)) for gradients from `parameters` is non-finite, so it cannot "
                    + "be clipped. To disable this error and scale the gradients by the non-finite norm anyway, set "
                    + "`error_if_nonfinite=False`")
            }
        }
        let coef = (Tensor(wrapping: .double(maxNorm)) / (total + .double(1e-6))).clamp(max: .double(1.0))
        for g in grads { g.mul_(coef) }
        return total
    }
}

/// Clamps the gradients of `parameters` in place to `[-clipValue, clipValue]`
/// (`torch.nn.utils.clip_grad_value_`).
public func clipGradValue(_ parameters: [Tensor], clipValue: Double) {
    noGrad {
        for p in parameters {
            p.grad?.clamp_(min: .double(-clipValue), max: .double(clipValue))
        }
    }
}
