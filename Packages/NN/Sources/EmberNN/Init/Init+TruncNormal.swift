import EmberAutograd
import EmberCore

// trunc_normal_ as PyTorch 2.13 draws it (rejection sampling; earlier releases mapped
// uniforms through erfinv). With p = Φ(β) - Φ(α) the mass inside [a, b]:
// - p > 0.3: draw N(mean, std²) for the whole tensor, then redraw a whole tensor and take
//   its values wherever the current ones fall outside [a, b], until none do;
// - otherwise: candidates U(a, b) accepted where log U(0, 1) ≤ log φ(c) - log φ(mode)
//   (the density relative to its peak in [a, b]); rejected places get fresh candidates and
//   fresh acceptance draws, whole tensors at a time, until all are accepted.
// Every step is a tensor operation in the tensor's dtype, so float32 decisions match.

extension Init {
    /// Fills `tensor` with samples from N(mean, std²) truncated to `[a, b]`
    /// (`trunc_normal_`), drawing as PyTorch does so that the same seed gives the same values.
    @discardableResult
    public static func truncNormal_(_ tensor: Tensor, mean: Double = 0, std: Double = 1, a: Double = -2, b: Double = 2,
                                    generator: Generator? = nil) -> Tensor {
        func cdf(_ x: Double) -> Double { (1 + Double.erf(x / 2.0.squareRoot())) / 2 }
        let mass = cdf((b - mean) / std) - cdf((a - mean) / std)
        return noGrad {
            if mass > 0.3 {
                truncByRedrawingNormals(tensor, mean: mean, std: std, a: a, b: b, generator: generator)
            } else {
                truncByUniformCandidates(tensor, mean: mean, std: std, a: a, b: b, generator: generator)
            }
            return tensor
        }
    }

    private static func truncByRedrawingNormals(_ tensor: Tensor, mean: Double, std: Double, a: Double, b: Double,
                                                generator: Generator?) {
        // The bounds rounded to the tensor's dtype, so the test agrees with stored values.
        let low = Tensor([a], shape: []).to(tensor.dtype), high = Tensor([b], shape: []).to(tensor.dtype)
        var result = tensor.normal_(mean: mean, std: std, generator: generator)
        while true {
            let outside = result.lt(low) | result.gt(high)
            guard anyTrue(outside) else { break }
            let fresh = Tensor(emptyLike: result, dtype: result.dtype).normal_(mean: mean, std: std, generator: generator)
            result = Tensor.where(outside, fresh, result)
        }
        if result !== tensor { tensor.copy_(result) }
    }

    private static func truncByUniformCandidates(_ tensor: Tensor, mean: Double, std: Double, a: Double, b: Double,
                                                 generator: Generator?) {
        let mode = Swift.max(a, Swift.min(mean, b))
        let logPeak = -0.5 * ((mode - mean) / std) * ((mode - mean) / std)
        func logDensity(_ c: Tensor) -> Tensor {
            ((c - Scalar.double(mean)) / Scalar.double(std)).square() * Scalar.double(-0.5) - Scalar.double(logPeak)
        }
        func acceptanceDraw() -> Tensor {
            Tensor(emptyLike: tensor, dtype: tensor.dtype).uniform_(generator: generator).log()
        }
        tensor.uniform_(from: a, to: b, generator: generator)
        var pending = acceptanceDraw().gt(logDensity(tensor))
        guard anyTrue(pending) else { return }
        var result = tensor
        while true {
            let candidates = Tensor(emptyLike: tensor, dtype: tensor.dtype).uniform_(from: a, to: b, generator: generator)
            result = Tensor.where(pending, candidates, result)
            pending = Tensor.where(pending, acceptanceDraw().gt(logDensity(candidates)), pending)
            if !anyTrue(pending) { break }
        }
        tensor.copy_(result)
    }

    private static func anyTrue(_ mask: Tensor) -> Bool { mask.doubleScalars.contains { $0 != 0 } }
}
