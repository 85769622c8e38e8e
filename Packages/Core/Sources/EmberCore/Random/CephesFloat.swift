// Single-precision logarithm, sine and cosine with the Cephes polynomials, evaluated in the
// exact order (and with the exact fused multiply-adds) of the AVX code PyTorch's CPU
// `normal_` uses for float32 tensors of 16 or more elements. The point is bit-for-bit
// agreement with `torch.randn`, not accuracy: these are within a few ulp of the true values.
//
// The algorithms are Stephen Moshier's Cephes `logf`, `sinf` and `cosf` (public domain
// coefficients); which products are fused was found by experiment (4 million samples of
// `torch.randn`, zero mismatches) and is what GCC's contraction of the vector code gives.

enum CephesFloat {
    /// ln(x) for x in (0, 1], Cephes style: x = m · 2ᵉ with m in [√½, √2), then
    /// ln(1 + f) ≈ f − f²/2 + f³·P(f), with ln 2 split in two parts.
    @inline(__always)
    static func log(_ x: Float) -> Float {
        let bits = x.bitPattern
        var e = Float(Int32(bitPattern: bits >> 23) - 127) + 1
        let m = Float(bitPattern: (bits & 0x807F_FFFF) | 0x3F00_0000)  // mantissa in [0.5, 1)
        var f: Float
        if m < 0.707106781186547524 {
            e -= 1
            f = (m - 1) + m
        } else {
            f = m - 1
        }
        let z = f * f
        var y: Float = 7.0376836292e-2
        y = fma(y, f, -1.1514610310e-1)
        y = fma(y, f, 1.1676998740e-1)
        y = fma(y, f, -1.2420140846e-1)
        y = fma(y, f, 1.4249322787e-1)
        y = fma(y, f, -1.6668057665e-1)
        y = fma(y, f, 2.0000714765e-1)
        y = fma(y, f, -2.4999993993e-1)
        y = fma(y, f, 3.3333331174e-1)
        y = y * f
        y = fma(y, z, e * -2.12194440e-4)
        y = y - z * 0.5
        f = f + y
        return f + e * 0.693359375
    }

    /// (sin x, cos x) for x ≥ 0, Cephes style: reduce by multiples of π/4 (π/4 split in
    /// three parts), then one of two polynomials on [−π/4, π/4] per octant.
    @inline(__always)
    static func sinCos(_ x: Float) -> (sin: Float, cos: Float) {
        var j = Int32(x * 1.27323954473516)  // x · 4/π, truncated
        j = (j &+ 1) & ~1
        let y = Float(j)
        let sinSign: UInt32 = (UInt32(bitPattern: j) & 4) << 29
        let cosSign: UInt32 = (~UInt32(bitPattern: j &- 2) & 4) << 29
        var r = fma(y, -0.78515625, x)
        r = fma(y, -2.4187564849853515625e-4, r)
        r = fma(y, -3.77489497744594108e-8, r)
        let z = r * r
        var c: Float = 2.443315711809948e-5
        c = fma(c, z, -1.388731625493765e-3)
        c = fma(c, z, 4.166664568298827e-2)
        c = c * z
        c = fma(c, z, -(z * 0.5))
        c = c + 1
        var s: Float = -1.9515295891e-4
        s = fma(s, z, 8.3321608736e-3)
        s = fma(s, z, -1.6666654611e-1)
        s = s * z
        s = fma(s, r, r)
        let swap = (j & 2) != 0
        let sinValue = swap ? c : s, cosValue = swap ? s : c
        return (Float(bitPattern: sinValue.bitPattern ^ sinSign), Float(bitPattern: cosValue.bitPattern ^ cosSign))
    }

    /// `a * b + c` rounded once.
    @inline(__always)
    static func fma(_ a: Float, _ b: Float, _ c: Float) -> Float {
        c.addingProduct(a, b)
    }
}
