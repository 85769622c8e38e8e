import EmberCore

// The pointer loops of convolution: unfolding image patches into GEMM columns (im2col) and
// folding column gradients back onto the image (col2im), plus the layout shuffles between
// [N, O, L] outputs and the [O, N·L] rows a GEMM produces. Rows of the columns are ordered
// (channel, ki, kj), so group g's rows are the contiguous block g·rows ..< (g+1)·rows.
// The im2col/col2im loops themselves are PlaneLoops'; their element-wise reference lives
// with the tests (ReferenceIm2Col).

enum Im2Col {
    /// Copies images `n0 ..< n0 + nb` of a contiguous [N, O, L] tensor into `dst` as [O, nb, L].
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    static func channelsFirst<T: FloatElement>(_ src: UnsafePointer<T>, _ dst: UnsafeMutablePointer<T>,
                                               o: Int, l: Int, n0: Int, nb: Int) {
        for c in 0..<o {
            for j in 0..<nb {
                (dst + (c * nb + j) * l).update(from: src + ((n0 + j) * o + c) * l, count: l)
            }
        }
    }

    /// Writes `src` ([O, nb, L]) into images `n0 ..< n0 + nb` of the contiguous [N, O, L]
    /// `dst`, adding `bias[c]` to channel c when given.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    static func batchFirst<T: FloatElement>(_ src: UnsafePointer<T>, _ dst: UnsafeMutablePointer<T>, bias: UnsafePointer<T>?,
                                            o: Int, l: Int, n0: Int, nb: Int) {
        for c in 0..<o {
            let b = bias?[c] ?? 0
            for j in 0..<nb {
                let s = src + (c * nb + j) * l, d = dst + ((n0 + j) * o + c) * l
                if bias == nil {
                    d.update(from: s, count: l)
                } else {
                    for i in 0..<l { d[i] = s[i] + b }
                }
            }
        }
    }

    /// The per-channel sums of a contiguous [N, C, L] tensor (the bias gradient), channels
    /// split over Core's pool (each summed in one fixed order).
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    static func channelSums<T: FloatElement>(_ src: UnsafePointer<T>, _ dst: UnsafeMutablePointer<T>, n: Int, c: Int, l: Int) {
        func sum(_ ch: Int) {
            var total: T = 0
            for i in 0..<n { total += lineSum(src + (i * c + ch) * l, l) }
            dst[ch] = total
        }
        if n * l >= 8192 {
            Parallel.forEach(c, sum)
        } else {
            for ch in 0..<c { sum(ch) }
        }
    }

    /// The sum of `count` contiguous elements over eight interleaved partial sums (independent
    /// chains the compiler turns into vector adds; one running sum is latency-bound).
    @inline(__always)
    static func lineSum<T: FloatElement>(_ p: UnsafePointer<T>, _ count: Int) -> T {
        var s0: T = 0, s1: T = 0, s2: T = 0, s3: T = 0, s4: T = 0, s5: T = 0, s6: T = 0, s7: T = 0
        var k = 0
        while k + 8 <= count {
            s0 += p[k]; s1 += p[k + 1]; s2 += p[k + 2]; s3 += p[k + 3]
            s4 += p[k + 4]; s5 += p[k + 5]; s6 += p[k + 6]; s7 += p[k + 7]
            k += 8
        }
        while k < count { s0 += p[k]; k += 1 }
        return ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7))
    }

    /// Adds `bias[c]` to every element of channel c of a contiguous [N, C, L] tensor.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    static func addBias<T: FloatElement>(_ data: UnsafeMutablePointer<T>, _ bias: UnsafePointer<T>, n: Int, c: Int, l: Int) {
        for i in 0..<n {
            for ch in 0..<c {
                let p = data + (i * c + ch) * l, b = bias[ch]
                for k in 0..<l { p[k] += b }
            }
        }
    }
}
