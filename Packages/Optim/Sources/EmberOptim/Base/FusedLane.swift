#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif
import EmberCore

// The fused update loops are written once per optimizer as a kernel over a "lane": either one
// element (`Float`, `Double`) or a SIMD vector of them (`SIMD8<Float>`, `SIMD4<Double>`).
// `Fused.run` walks the parameter in vector lanes and finishes with single elements. Each
// lane operation is the IEEE operation on every element, so both give the same bits.
//
// Why explicit vectors: Swift's `squareRoot()` keeps a libm fallback for errno, which stops
// LLVM from vectorising a loop that contains it; `_mm_sqrt_ps` is the instruction itself.

/// The operations the update formulas use, on one element or a vector of them.
protocol FusedLane {
    associatedtype Scalar: FloatElement
    /// Every element equal to `splat`.
    init(splat: Scalar)
    /// The lane starting at element `i` of `p`.
    static func load(_ p: UnsafeMutablePointer<Scalar>, _ i: Int) -> Self
    /// Writes the lane to elements `i...` of `p`.
    func store(_ p: UnsafeMutablePointer<Scalar>, _ i: Int)
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    /// The correctly rounded square root.
    func sqrt() -> Self
    /// `torch.maximum`: the larger element, NaN if `self` is NaN (and `other` if it is).
    func nanMax(_ other: Self) -> Self
    /// The magnitude (sign bit cleared).
    func absolute() -> Self
}

/// An element type with a vector lane for the fused loops.
protocol FusedScalar: FusedLane, FloatElement where Scalar == Self {
    associatedtype Vector: FusedLane where Vector.Scalar == Self
    /// The number of elements in ``Vector``.
    static var width: Int { get }
}

extension FusedLane where Self: FloatElement, Scalar == Self {
    @inline(__always) init(splat: Scalar) { self = splat }
    @inline(__always) static func load(_ p: UnsafeMutablePointer<Scalar>, _ i: Int) -> Self { p[i] }
    @inline(__always) func store(_ p: UnsafeMutablePointer<Scalar>, _ i: Int) { p[i] = self }
    @inline(__always) func sqrt() -> Self { squareRoot() }
    @inline(__always) func nanMax(_ o: Self) -> Self { isNaN || self > o ? self : o }
    @inline(__always) func absolute() -> Self { magnitude }
}

extension Float: FusedScalar {
    typealias Vector = SIMD8<Float>
    static var width: Int { 8 }
}

extension Double: FusedScalar {
    typealias Vector = SIMD4<Double>
    static var width: Int { 4 }
}

extension SIMD8: FusedLane where Scalar == Float {
    @inline(__always) init(splat: Float) { self.init(repeating: splat) }
    @inline(__always) static func load(_ p: UnsafeMutablePointer<Float>, _ i: Int) -> Self {
        UnsafeRawPointer(p + i).loadUnaligned(as: Self.self)
    }
    @inline(__always) func store(_ p: UnsafeMutablePointer<Float>, _ i: Int) {
        UnsafeMutableRawPointer(p + i).storeBytes(of: self, as: Self.self)
    }
    @inline(__always) func sqrt() -> Self {
        #if arch(x86_64)
        let lo: SIMD4<Float> = _mm_sqrt_ps(lowHalf), hi: SIMD4<Float> = _mm_sqrt_ps(highHalf)
        return SIMD8(lowHalf: lo, highHalf: hi)
        #else
        return squareRoot()
        #endif
    }
    @inline(__always) func nanMax(_ o: Self) -> Self { o.replacing(with: self, where: (self .> o) .| (self .!= self)) }
    @inline(__always) func absolute() -> Self {
        unsafeBitCast(unsafeBitCast(self, to: SIMD8<UInt32>.self) & 0x7FFF_FFFF, to: Self.self)
    }
}

extension SIMD4: FusedLane where Scalar == Double {
    @inline(__always) init(splat: Double) { self.init(repeating: splat) }
    @inline(__always) static func load(_ p: UnsafeMutablePointer<Double>, _ i: Int) -> Self {
        UnsafeRawPointer(p + i).loadUnaligned(as: Self.self)
    }
    @inline(__always) func store(_ p: UnsafeMutablePointer<Double>, _ i: Int) {
        UnsafeMutableRawPointer(p + i).storeBytes(of: self, as: Self.self)
    }
    @inline(__always) func sqrt() -> Self {
        #if arch(x86_64)
        let lo: SIMD2<Double> = _mm_sqrt_pd(lowHalf), hi: SIMD2<Double> = _mm_sqrt_pd(highHalf)
        return SIMD4(lowHalf: lo, highHalf: hi)
        #else
        return squareRoot()
        #endif
    }
    @inline(__always) func nanMax(_ o: Self) -> Self { o.replacing(with: self, where: (self .> o) .| (self .!= self)) }
    @inline(__always) func absolute() -> Self {
        unsafeBitCast(unsafeBitCast(self, to: SIMD4<UInt64>.self) & 0x7FFF_FFFF_FFFF_FFFF, to: Self.self)
    }
}

/// One optimizer's per-element update: the pointers and constants of one parameter, and the
/// formulas applied to the lane at element `i`.
protocol FusedKernel {
    associatedtype T: FusedScalar
    /// The number of elements.
    var count: Int { get }
    /// Updates elements `i ..< i + L.width` (one element for `L == T`).
    func lane<L: FusedLane>(_ i: Int, _ type: L.Type) where L.Scalar == T
}

extension FusedKernel {
    /// Runs the kernel over every element, in chunks on Core's thread pool for large
    /// parameters (an update is memory-bound: two cores stream twice the bytes). Elements are
    /// independent, so the result is the same for any thread count.
    @inline(__always)
    func run() {
        // Pieces start at multiples of 16 elements, whole vector lanes for Float and Double.
        Parallel.forEachRange(count, grain: 32_768) { range in run(range) }
    }

    /// Runs the kernel over `range`: vector lanes, then the remaining elements.
    @inline(__always)
    func run(_ range: Range<Int>) {
        let w = T.width
        var i = range.lowerBound
        while i + w <= range.upperBound {
            lane(i, T.Vector.self)
            i += w
        }
        while i < range.upperBound {
            lane(i, T.self)
            i += 1
        }
    }
}

extension FusedLane {
    /// PyTorch's `lerp(self, end, w)`: `self + w (end − self)` when `small` (|w| < 0.5),
    /// else `end − (end − self)(1 − w)`.
    @inline(__always)
    func lerp(_ end: Self, _ w: Scalar, small: Bool) -> Self {
        small ? self + Self(splat: w) * (end - self) : end - (end - self) * Self(splat: 1 - w)
    }
}
