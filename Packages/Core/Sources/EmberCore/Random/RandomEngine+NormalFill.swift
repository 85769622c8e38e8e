#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import _EmberCoreSupport

// PyTorch's CPU `normal_` has two paths (measured on torch 2.13):
// - contiguous tensors of 16 or more elements: fill the whole buffer with uniforms of the
//   element type, then transform each block of 16 in place — u1 = 1 − x[j] and u2 = x[j + 8]
//   for j < 8 give x[j] = r cos θ and x[j + 8] = r sin θ with r = √(−2 ln u1), θ = 2π u2.
//   When the count is not a multiple of 16, 16 fresh uniforms replace the last 16 elements
//   and are transformed again. float32 uses the vectorised Cephes functions (CephesFloat),
//   float64 the C library's `log`, `cos`, `sin`. Results are `fma(r·cos θ, std, mean)`.
// - anything else (fewer than 16 elements, or not contiguous): the scalar sampler
//   `RandomEngine.normalDouble()` per element in memory order, `fma(z, std, mean)` in
//   float64, then rounded to the element type. Its cached second value survives the call.

extension RandomEngine {
    /// Fills `count` ≥ 16 contiguous floats with normal samples the way PyTorch's vectorised
    /// float32 path does.
    public mutating func fillNormal(_ p: UnsafeMutablePointer<Float>, count: Int, mean: Float, std: Float) {
        precondition(count >= 16, "fillNormal: the block path needs at least 16 elements")
        fillUniform(p, count: count)
        RandomEngine.boxMuller16(p, blocks: count / 16, mean: mean, std: std)
        if count % 16 != 0 {
            let tail = p + (count - 16)
            fillUniform(tail, count: 16)
            RandomEngine.boxMuller16(tail, blocks: 1, mean: mean, std: std)
        }
    }

    /// Whether the C version of the float32 block transform (same numbers, FMA
    /// instructions instead of `fmaf` calls) can run on this CPU.
    static let hasFMA = ember_cpu_has_fma() != 0

    static func boxMuller16(_ p: UnsafeMutablePointer<Float>, blocks: Int, mean: Float, std: Float) {
        if hasFMA {
            ember_box_muller16_f32(p, blocks, mean, std)
        } else {
            for b in 0..<blocks { boxMuller16(p + 16 * b, mean: mean, std: std) }
        }
    }

    /// Fills `count` ≥ 16 contiguous doubles with normal samples the way PyTorch's
    /// block path does for float64.
    public mutating func fillNormal(_ p: UnsafeMutablePointer<Double>, count: Int, mean: Double, std: Double) {
        precondition(count >= 16, "fillNormal: the block path needs at least 16 elements")
        fillUniform(p, count: count)
        var i = 0
        while i + 16 <= count {
            RandomEngine.boxMuller16(p + i, mean: mean, std: std)
            i += 16
        }
        if count % 16 != 0 {
            let tail = p + (count - 16)
            for k in 0..<16 { tail[k] = uniformDouble() }
            RandomEngine.boxMuller16(tail, mean: mean, std: std)
        }
    }

    @inline(__always)
    static func boxMuller16(_ p: UnsafeMutablePointer<Float>, mean: Float, std: Float) {
        let twoPi = Float(2 * Double.pi)
        for j in 0..<8 {
            let u1 = 1 - p[j], u2 = p[j + 8]
            let radius = (-2 * CephesFloat.log(u1)).squareRoot()
            let (s, c) = CephesFloat.sinCos(twoPi * u2)
            p[j] = mean.addingProduct(radius * c, std)
            p[j + 8] = mean.addingProduct(radius * s, std)
        }
    }

    @inline(__always)
    static func boxMuller16(_ p: UnsafeMutablePointer<Double>, mean: Double, std: Double) {
        for j in 0..<8 {
            let u1 = 1 - p[j], u2 = p[j + 8]
            let radius = (-2 * log(u1)).squareRoot()
            let theta = 2 * Double.pi * u2
            p[j] = mean.addingProduct(radius * cos(theta), std)
            p[j + 8] = mean.addingProduct(radius * sin(theta), std)
        }
    }

    /// One sample of the scalar path: `fma(z, std, mean)` in float64 for a standard normal z.
    @inlinable public mutating func normal(mean: Double, std: Double) -> Double {
        mean.addingProduct(normalDouble(), std)
    }
}
