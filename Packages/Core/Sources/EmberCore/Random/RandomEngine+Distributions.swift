#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// How PyTorch's CPU generator turns bits into numbers (each rule measured against torch 2.13):
// - float32 uniform in [0, 1): the low 24 bits of one 32-bit draw, times 2⁻²⁴;
// - float64 uniform in [0, 1): the low 53 bits of one 64-bit draw, times 2⁻⁵³;
// - uniform in [from, to): `fma(u, to - from, from)` in the element type;
// - integers in [base, base + range): `draw % range + base`, with a 64-bit draw when
//   range ≥ 2²⁸ and a 32-bit one otherwise;
// - scalar normal: Box–Muller on two float64 uniforms u1, u2 with
//   r = √(−2 log1p(−u2)), θ = 2π u1; returns r cos θ and caches r sin θ for the next call;
// - exponential: (−1/λ) · log1p(−u) on a float64 uniform.

extension RandomEngine {
    /// A float32 uniform in [0, 1) from one 32-bit draw.
    @inlinable public mutating func uniformFloat() -> Float {
        Float(nextUInt32() & 0xFF_FFFF) * 0x1p-24
    }

    /// A float64 uniform in [0, 1) from one 64-bit draw.
    @inlinable public mutating func uniformDouble() -> Double {
        Double(nextUInt64() & 0x1F_FFFF_FFFF_FFFF) * 0x1p-53
    }

    /// Fills `count` contiguous floats with `fma(u, range, from)` for float32 uniforms u
    /// (`u` itself when `from == 0` and `range == 1`, which is the same number).
    public mutating func fillUniform(_ p: UnsafeMutablePointer<Float>, count: Int, from: Float = 0, range: Float = 1) {
        let plain = from == 0 && range == 1
        draws(count) { chunk, offset in
            let out = p + offset
            for j in 0..<chunk.count {
                let u = Float(chunk[j] & 0xFF_FFFF) * 0x1p-24
                out[j] = plain ? u : from.addingProduct(u, range)
            }
        }
    }

    /// Fills `count` contiguous doubles with `fma(u, range, from)` for float64 uniforms u.
    public mutating func fillUniform(_ p: UnsafeMutablePointer<Double>, count: Int, from: Double = 0, range: Double = 1) {
        let plain = from == 0 && range == 1
        draws(2 * count) { chunk, offset in
            let out = p + offset / 2
            for j in 0..<chunk.count / 2 {
                let bits = (UInt64(chunk[2 * j]) << 32 | UInt64(chunk[2 * j + 1])) & 0x1F_FFFF_FFFF_FFFF
                let u = Double(bits) * 0x1p-53
                out[j] = plain ? u : from.addingProduct(u, range)
            }
        }
    }

    /// `draw % range + base`, drawing 64 bits when `range` ≥ 2²⁸ (PyTorch's
    /// `random_(from, to)`); `range == 0` stands for 2⁶⁴ (every int64).
    @inlinable public mutating func integer(range: UInt64, base: Int64) -> Int64 {
        if range == 0 { return Int64(bitPattern: nextUInt64()) &+ base }
        let bits = range >= 1 << 28 ? nextUInt64() : UInt64(nextUInt32())
        return Int64(bitPattern: bits % range) &+ base
    }

    /// A uniform index in `0..<n` drawn as PyTorch's `randperm` does (32-bit draws below
    /// `UInt32.max / 20`, 64-bit ones above).
    @inlinable public mutating func index(below n: Int) -> Int {
        if n < Int(UInt32.max / 20) { return Int(nextUInt32() % UInt32(n)) }
        return Int(nextUInt64() % UInt64(n))
    }

    /// A standard normal sample from the scalar Box–Muller sampler, which draws a pair and
    /// keeps the second value for the next call.
    public mutating func normalDouble() -> Double {
        if let cached = cachedNormal {
            cachedNormal = nil
            return cached
        }
        let u1 = uniformDouble()
        let u2 = uniformDouble()
        let radius = (-2 * log1p(-u2)).squareRoot()
        let theta = 2 * Double.pi * u1
        cachedNormal = radius * sin(theta)
        return radius * cos(theta)
    }

    /// An exponential sample with rate `lambda` (float64).
    public mutating func exponentialDouble(lambda: Double) -> Double {
        let u = uniformDouble()
        return (-1 / lambda) * log1p(-u)
    }
}
