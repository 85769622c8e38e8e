import EmberCore

// The pointer loops of pooling over contiguous [planes, H, W] data, one output element at
// a time, with PyTorch's CPU rules: a max window keeps the first maximum, or the last NaN
// (NaN wins), its default index is the first in-bounds position; an average window divides by the padded
// size, the in-bounds size or the override; adaptive windows are [⌊i·in/out⌋, ⌈(i+1)·in/out⌉).

enum PoolLoops {
    /// Max pooling: values and flat indices (iy·W + ix) into each input plane, planes split
    /// over Core's pool; 2×2 windows with stride 2 inside the plane take ``max2x2``.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    static func max<T: FloatElement>(_ src: UnsafePointer<T>, _ out: UnsafeMutablePointer<T>, _ indices: UnsafeMutablePointer<Int64>,
                                     _ g: PoolGeometry) {
        let pieces = Swift.max(1, Swift.min(g.planes, 4 * Parallel.numThreads, g.planes &* g.plane / 8192))
        Parallel.forEach(pieces) { piece in
            let planes = (piece &* g.planes / pieces)..<((piece &+ 1) &* g.planes / pieces)
            if g.isHalving {
                max2x2(src, out, indices, g, planes)
            } else {
                for p in planes { maxPlane(src, out, indices, g, p) }
            }
        }
    }

    /// Max pooling of plane `p`, any window.
    @inline(__always)
    static func maxPlane<T: FloatElement>(_ src: UnsafePointer<T>, _ out: UnsafeMutablePointer<T>, _ indices: UnsafeMutablePointer<Int64>,
                                          _ g: PoolGeometry, _ p: Int) {
        let plane = src + p &* g.plane
        var k = p &* g.outPlane
        for oy in 0..<g.oh {
            var y0 = oy &* g.sh &- g.ph
            let y1 = Swift.min(y0 &+ (g.kh &- 1) &* g.dh &+ 1, g.h)
            while y0 < 0 { y0 &+= g.dh }
            for ox in 0..<g.ow {
                var x0 = ox &* g.sw &- g.pw
                let x1 = Swift.min(x0 &+ (g.kw &- 1) &* g.dw &+ 1, g.w)
                while x0 < 0 { x0 &+= g.dw }
                let (best, at) = windowMax(plane, w: g.w, y0: y0, y1: y1, dh: g.dh, x0: x0, x1: x1, dw: g.dw)
                out[k] = best
                indices[k] = Int64(at)
                k &+= 1
            }
        }
    }

    /// Max pooling of `planes` with 2×2 windows at stride 2, all inside the plane: four
    /// windows at a time in vector registers for float32, the rest (and float64) one by one.
    @inline(__always)
    static func max2x2<T: FloatElement>(_ src: UnsafePointer<T>, _ out: UnsafeMutablePointer<T>, _ indices: UnsafeMutablePointer<Int64>,
                                        _ g: PoolGeometry, _ planes: Range<Int>) {
        for p in planes {
            let plane = src + p &* g.plane
            var k = p &* g.outPlane
            for oy in 0..<g.oh {
                let top = 2 &* oy &* g.w
                var ox = 0
                if T.self == Float.self {
                    ox = HalvingMax.row(UnsafeRawPointer(plane).assumingMemoryBound(to: Float.self), top: top, w: g.w, ow: g.ow,
                                        UnsafeMutableRawPointer(out + k).assumingMemoryBound(to: Float.self), indices + k)
                }
                while ox < g.ow {
                    let i = top &+ 2 &* ox
                    let (best, at) = windowMax(plane, w: g.w, y0: i / g.w, y1: i / g.w &+ 2, dh: 1, x0: 2 &* ox, x1: 2 &* ox &+ 2, dw: 1)
                    out[k &+ ox] = best
                    indices[k &+ ox] = Int64(at)
                    ox &+= 1
                }
                k &+= g.ow
            }
        }
    }

    /// The maximum of a window and its flat position, with PyTorch's rule
    /// `v > best || isnan(v)`: the first maximum, or the last NaN.
    @inline(__always)
    static func windowMax<T: FloatElement>(_ plane: UnsafePointer<T>, w: Int, y0: Int, y1: Int, dh: Int,
                                           x0: Int, x1: Int, dw: Int) -> (T, Int) {
        var best = -T.infinity, at = y0 &* w &+ x0
        var iy = y0
        while iy < y1 {
            let line = iy &* w
            var ix = x0
            while ix < x1 {
                let v = plane[line &+ ix]
                if v > best || v.isNaN {
                    best = v
                    at = line &+ ix
                    // Leaving the hot loop on NaN keeps it simple for the optimiser (measured
                    // 3-4× faster); the rest of the window only looks for a later NaN.
                    if v.isNaN { return (v, lastNaN(plane, at: at, w: w, y1: y1, dh: dh, x0: x0, x1: x1, dw: dw)) }
                }
                ix &+= dw
            }
            iy &+= dh
        }
        return (best, at)
    }

    /// The position of the last NaN of a window from position `at` (a NaN) on.
    @inline(never)
    static func lastNaN<T: FloatElement>(_ plane: UnsafePointer<T>, at: Int, w: Int, y1: Int, dh: Int,
                                         x0: Int, x1: Int, dw: Int) -> Int {
        var last = at, iy = at / w, ix = at % w &+ dw
        while iy < y1 {
            while ix < x1 {
                if plane[iy &* w &+ ix].isNaN { last = iy &* w &+ ix }
                ix &+= dw
            }
            iy &+= dh
            ix = x0
        }
        return last
    }

    /// The window of output (oy, ox) of an average pooling and its divisor.
    @inline(__always)
    static func averageWindow(_ g: PoolGeometry, _ oy: Int, _ ox: Int, countIncludePad: Bool, divisor: Int?)
        -> (ys: Range<Int>, xs: Range<Int>, divisor: Int) {
        let y0 = oy * g.sh - g.ph, x0 = ox * g.sw - g.pw
        let y1 = Swift.min(y0 + g.kh, g.h + g.ph), x1 = Swift.min(x0 + g.kw, g.w + g.pw)
        let padded = (y1 - y0) * (x1 - x0)
        let ys = Swift.max(y0, 0) ..< Swift.max(Swift.max(y0, 0), Swift.min(y1, g.h))
        let xs = Swift.max(x0, 0) ..< Swift.max(Swift.max(x0, 0), Swift.min(x1, g.w))
        return (ys, xs, divisor ?? (countIncludePad ? padded : ys.count * xs.count))
    }

    /// Average pooling (no dilation).
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    static func average<T: FloatElement>(_ src: UnsafePointer<T>, _ out: UnsafeMutablePointer<T>, _ g: PoolGeometry,
                                         countIncludePad: Bool, divisor: Int?) {
        for p in 0..<g.planes {
            let plane = src + p * g.plane
            var k = p * g.outPlane
            for oy in 0..<g.oh {
                for ox in 0..<g.ow {
                    let win = averageWindow(g, oy, ox, countIncludePad: countIncludePad, divisor: divisor)
                    var sum: T = 0
                    for iy in win.ys { for ix in win.xs { sum += plane[iy * g.w + ix] } }
                    out[k] = win.ys.isEmpty || win.xs.isEmpty ? 0 : sum / T(win.divisor)
                    k += 1
                }
            }
        }
    }

    /// The gradient of average pooling: each output's gradient spread over its window.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    static func averageBackward<T: FloatElement>(_ grad: UnsafePointer<T>, _ dst: UnsafeMutablePointer<T>, _ g: PoolGeometry,
                                                 countIncludePad: Bool, divisor: Int?) {
        for p in 0..<g.planes {
            let plane = dst + p * g.plane
            var k = p * g.outPlane
            for oy in 0..<g.oh {
                for ox in 0..<g.ow {
                    let win = averageWindow(g, oy, ox, countIncludePad: countIncludePad, divisor: divisor)
                    let share = grad[k] / T(Swift.max(win.divisor, 1))
                    for iy in win.ys { for ix in win.xs { plane[iy * g.w + ix] += share } }
                    k += 1
                }
            }
        }
    }

    /// Adaptive average pooling of [planes, h, w] to [planes, oh, ow] (or its gradient when
    /// `backward`: `src` is the output gradient and `dst` the zeroed input gradient).
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    static func adaptiveAverage<T: FloatElement>(_ src: UnsafePointer<T>, _ dst: UnsafeMutablePointer<T>, planes: Int,
                                                 h: Int, w: Int, oh: Int, ow: Int, backward: Bool) {
        for p in 0..<planes {
            let inPlane = p * h * w
            var k = p * oh * ow
            for oy in 0..<oh {
                let ys = adaptiveRange(oy, h, oh)
                for ox in 0..<ow {
                    let xs = adaptiveRange(ox, w, ow)
                    let count = T(ys.count * xs.count)
                    if backward {
                        let share = src[k] / count
                        for iy in ys { for ix in xs { dst[inPlane + iy * w + ix] += share } }
                    } else {
                        var sum: T = 0
                        for iy in ys { for ix in xs { sum += src[inPlane + iy * w + ix] } }
                        dst[k] = sum / count
                    }
                    k += 1
                }
            }
        }
    }

    /// Adaptive max pooling: values and flat indices into each input plane.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    static func adaptiveMax<T: FloatElement>(_ src: UnsafePointer<T>, _ out: UnsafeMutablePointer<T>, _ indices: UnsafeMutablePointer<Int64>,
                                             planes: Int, h: Int, w: Int, oh: Int, ow: Int) {
        for p in 0..<planes {
            let plane = src + p * h * w
            var k = p * oh * ow
            for oy in 0..<oh {
                let ys = adaptiveRange(oy, h, oh)
                for ox in 0..<ow {
                    let xs = adaptiveRange(ox, w, ow)
                    let (best, at) = windowMax(plane, w: w, y0: ys.lowerBound, y1: ys.upperBound, dh: 1,
                                               x0: xs.lowerBound, x1: xs.upperBound, dw: 1)
                    out[k] = best
                    indices[k] = Int64(at)
                    k += 1
                }
            }
        }
    }
}
