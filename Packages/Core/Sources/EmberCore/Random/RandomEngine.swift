// The Mersenne Twister behind ``Generator``, laid out like PyTorch's CPU generator so that
// the same seed gives the same stream and the state round-trips through PyTorch's format.
//
// Goals, in order: (1) the exact stream of PyTorch's CPU generator; (2) cheap draws
// (no allocation, no locking: the ``Generator`` locks once per kernel call).
//
// Facts measured against torch 2.13 (see Scripts/make_random_fixtures.py):
// - the twister is the standard 32-bit mt19937 seeded with `init_genrand(seed & 0xffffffff)`;
// - after seeding `left == 1` and `next == 0`: the first draw regenerates the whole table;
// - a 64-bit draw is two 32-bit draws, the first one being the high word.

/// The state of a PyTorch-compatible mt19937 and the cached normal samples that PyTorch's
/// generator keeps between calls. Obtain one through ``Generator/withEngine(_:)``.
public struct RandomEngine: Sendable {
    /// The table of 624 words.
    @usableFromInline var table: [UInt32]
    /// Draws left before the table is regenerated, plus one (PyTorch's `left`).
    @usableFromInline var left: Int
    /// The index of the next word to temper (PyTorch's `next`).
    @usableFromInline var next: Int
    /// The seed the twister was last seeded with.
    public internal(set) var initialSeed: UInt64
    /// The second value of the last Box–Muller pair of the scalar normal sampler, kept for
    /// the next draw (PyTorch's `normal_y` with `normal_is_valid`).
    public var cachedNormal: Double?
    /// PyTorch's float normal cache; Ember keeps it only to round-trip states.
    public var cachedFloatNormal: Float?

    @usableFromInline static var n: Int { 624 }
    @usableFromInline static var m: Int { 397 }

    /// A twister seeded with `seed`.
    public init(seed: UInt64) {
        table = [UInt32](repeating: 0, count: RandomEngine.n)
        left = 1
        next = 0
        initialSeed = seed
        reseed(seed)
    }

    /// Re-seeds the twister (PyTorch's `manual_seed`): only the low 32 bits enter the table,
    /// all 64 are remembered as ``initialSeed``. Clears the normal caches.
    public mutating func reseed(_ seed: UInt64) {
        initialSeed = seed
        table.withUnsafeMutableBufferPointer { t in
            t[0] = UInt32(truncatingIfNeeded: seed)
            for i in 1..<RandomEngine.n {
                let prev = t[i - 1]
                t[i] = 1_812_433_253 &* (prev ^ (prev >> 30)) &+ UInt32(i)
            }
        }
        left = 1
        next = 0
        cachedNormal = nil
        cachedFloatNormal = nil
    }

    /// Regenerates the table (the twist).
    @usableFromInline mutating func twist() {
        table.withUnsafeMutableBufferPointer { buffer in
            let t = buffer.baseAddress!
            let n = RandomEngine.n, m = RandomEngine.m
            @inline(__always) func mix(_ i: Int, _ i1: Int, _ j: Int) {
                let y = (t[i] & 0x8000_0000) | (t[i1] & 0x7FFF_FFFF)
                t[i] = t[j] ^ (y >> 1) ^ ((0 &- (y & 1)) & 0x9908_B0DF)
            }
            for i in 0..<(n - m) { mix(i, i + 1, i + m) }
            for i in (n - m)..<(n - 1) { mix(i, i + 1, i + m - n) }
            mix(n - 1, 0, m - 1)
        }
        left = RandomEngine.n
        next = 0
    }

    /// The next 32 random bits.
    @inlinable public mutating func nextUInt32() -> UInt32 {
        left -= 1
        if left == 0 { twist() }
        var y = table[next]
        next += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// Writes the next `out.count` 32-bit draws to `out`: the same numbers as that many
    /// calls of ``nextUInt32()``, without per-draw bookkeeping.
    public mutating func fill(_ out: UnsafeMutableBufferPointer<UInt32>) {
        var done = 0
        while done < out.count {
            if left == 1 {
                twist()
                left = RandomEngine.n + 1  // the draw that twists does not count down
            }
            let k = min(left - 1, out.count - done)
            let start = next
            table.withUnsafeBufferPointer { t in
                for j in 0..<k {
                    var y = t[start + j]
                    y ^= y >> 11
                    y ^= (y << 7) & 0x9D2C_5680
                    y ^= (y << 15) & 0xEFC6_0000
                    y ^= y >> 18
                    out[done + j] = y
                }
            }
            next += k
            left -= k
            done += k
        }
    }

    /// Calls `body` with the next `count` 32-bit draws, in chunks of at most 624 (an even
    /// number, so 64-bit draws never straddle two chunks), and each chunk's offset.
    public mutating func draws(_ count: Int, _ body: (_ chunk: UnsafeBufferPointer<UInt32>, _ offset: Int) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: RandomEngine.n) { buffer in
            var offset = 0
            while offset < count {
                let chunk = UnsafeMutableBufferPointer(rebasing: buffer[0..<min(RandomEngine.n, count - offset)])
                fill(chunk)
                body(UnsafeBufferPointer(chunk), offset)
                offset += chunk.count
            }
        }
    }

    /// The next 64 random bits: two 32-bit draws, high word first.
    @inlinable public mutating func nextUInt64() -> UInt64 {
        let high = UInt64(nextUInt32())
        let low = UInt64(nextUInt32())
        return high << 32 | low
    }
}
