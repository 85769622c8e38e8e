/// Branch-free float32 elementary functions that the compiler vectorises when they are
/// inlined into a loop (libm's `expf` is an opaque call per element).
///
/// Goals, in order: PyTorch's values within 2 ulp, IEEE special cases (NaN in → NaN out,
/// `exp(-inf) = 0`, `exp(+inf) = inf`, overflow to inf, gradual underflow), then speed.
public enum FastMath {
    /// `e^x` for float32.
    ///
    /// Cody–Waite range reduction `x = n·ln2 + r` with `|r| ≤ ln2/2` (ln2 split in two parts
    /// so `n·ln2_hi` is exact), a degree-6 minimax polynomial for `e^r` (Cephes' coefficients),
    /// and the scale `2^n` applied as `2^(n/2) · 2^(n - n/2)` so that both factors are normal
    /// floats even when the result is subnormal or overflows.
    @inlinable @inline(__always)
    public static func exp(_ x: Float) -> Float {
        // Clamp (NaN passes through: comparisons with NaN are false, so `x` is returned).
        let hi: Float = 88.8, lo: Float = -110
        let xc = x > hi ? hi : (x < lo ? lo : x)
        let magic: Float = 12_582_912  // 1.5 · 2^23: adding it rounds to an integer
        let shifted = xc * 1.442_695_04 + magic
        let n = shifted - magic
        let ni = Int32(bitPattern: shifted.bitPattern) &- Int32(bitPattern: magic.bitPattern)
        let r = (xc - n * 0.693_359_375) - n * -2.121_944_4e-4
        var p: Float = 1.987_569_15e-4
        p = p * r + 1.398_199_950_7e-3
        p = p * r + 8.333_451_907_3e-3
        p = p * r + 4.166_579_589_4e-2
        p = p * r + 1.666_666_545_9e-1
        p = p * r + 5.000_000_120_1e-1
        let y = p * (r * r) + r + 1
        let half = ni >> 1
        let s1 = Float(bitPattern: UInt32(bitPattern: (half &+ 127) &<< 23))
        let s2 = Float(bitPattern: UInt32(bitPattern: (ni &- half &+ 127) &<< 23))
        return y * s1 * s2
    }
}
