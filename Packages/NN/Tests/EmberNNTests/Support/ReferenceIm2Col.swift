import EmberCore
@testable import EmberNN

// The element-wise im2col/col2im loops PlaneLoops is tested against: one output element at a
// time, bounds checked per element, in the same addition order (so the bits agree).
enum ReferenceIm2Col {
    /// Writes the columns of images `n0 ..< n0 + nb` of the contiguous image `src`
    /// ([N, C, H, W]) into `cols`, laid out [C·kH·kW, nb, OH·OW]; padding reads as zero.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    static func unfold<T: FloatElement>(_ src: UnsafePointer<T>, _ cols: UnsafeMutablePointer<T>,
                                        _ g: ConvGeometry, n0: Int, nb: Int) {
        let outPlane = g.outPlane, rowStride = nb * outPlane
        for ci in 0..<g.c {
            for ki in 0..<g.kh {
                for kj in 0..<g.kw {
                    let row = (ci * g.kh + ki) * g.kw + kj
                    let x0 = kj * g.dw - g.pw
                    for j in 0..<nb {
                        let plane = src + ((n0 + j) * g.c + ci) * g.plane
                        var dst = cols + row * rowStride + j * outPlane
                        for oy in 0..<g.oh {
                            let iy = oy * g.sh - g.ph + ki * g.dh
                            if iy < 0 || iy >= g.h {
                                dst.update(repeating: 0, count: g.ow)
                            } else {
                                copyRow(plane + iy * g.w, dst, x0: x0, g)
                            }
                            dst += g.ow
                        }
                    }
                }
            }
        }
    }

    /// One output row of columns: dst[ox] = line[ox·stride + x0], zero outside the line.
    @inline(__always)
    private static func copyRow<T: FloatElement>(_ line: UnsafePointer<T>, _ dst: UnsafeMutablePointer<T>, x0: Int, _ g: ConvGeometry) {
        if g.sw == 1 {
            let lo = Swift.max(0, Swift.min(g.ow, -x0)), hi = Swift.max(lo, Swift.min(g.ow, g.w - x0))
            if lo > 0 { dst.update(repeating: 0, count: lo) }
            if hi > lo { (dst + lo).update(from: line + lo + x0, count: hi - lo) }
            if hi < g.ow { (dst + hi).update(repeating: 0, count: g.ow - hi) }
        } else {
            for ox in 0..<g.ow {
                let ix = ox * g.sw + x0
                dst[ox] = ix >= 0 && ix < g.w ? line[ix] : 0
            }
        }
    }

    /// Adds the columns `cols` ([C·kH·kW, nb, OH·OW]) back onto images `n0 ..< n0 + nb` of
    /// the contiguous image gradient `dst` ([N, C, H, W]); the inverse pattern of ``unfold``.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    static func fold<T: FloatElement>(_ cols: UnsafePointer<T>, _ dst: UnsafeMutablePointer<T>,
                                      _ g: ConvGeometry, n0: Int, nb: Int) {
        let outPlane = g.outPlane, rowStride = nb * outPlane
        for ci in 0..<g.c {
            for ki in 0..<g.kh {
                for kj in 0..<g.kw {
                    let row = (ci * g.kh + ki) * g.kw + kj
                    let x0 = kj * g.dw - g.pw
                    let lo = g.sw == 1 ? Swift.max(0, Swift.min(g.ow, -x0)) : 0
                    let hi = g.sw == 1 ? Swift.max(lo, Swift.min(g.ow, g.w - x0)) : g.ow
                    for j in 0..<nb {
                        let plane = dst + ((n0 + j) * g.c + ci) * g.plane
                        var src = cols + row * rowStride + j * outPlane
                        for oy in 0..<g.oh {
                            let iy = oy * g.sh - g.ph + ki * g.dh
                            if iy >= 0 && iy < g.h {
                                let line = plane + iy * g.w
                                if g.sw == 1 {
                                    let shifted = line + x0
                                    for ox in lo..<hi { shifted[ox] += src[ox] }
                                } else {
                                    for ox in lo..<hi {
                                        let ix = ox * g.sw + x0
                                        if ix >= 0 && ix < g.w { line[ix] += src[ox] }
                                    }
                                }
                            }
                            src += g.ow
                        }
                    }
                }
            }
        }
    }
}
