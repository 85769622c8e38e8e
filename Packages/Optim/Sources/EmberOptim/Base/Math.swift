#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `x` to the power `y` in double precision (C's `pow`, as Python's `**` on floats).
@inline(__always)
func powd(_ x: Double, _ y: Double) -> Double { pow(x, y) }

/// The C library's cosine, as Python's `math.cos`.
@inline(__always)
func cCos(_ x: Double) -> Double { cos(x) }
